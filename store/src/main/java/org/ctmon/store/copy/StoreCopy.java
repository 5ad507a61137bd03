package org.ctmon.store.copy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.ctmon.store.IndexPartition;
import org.ctmon.store.Store;
import org.ctmon.store.StoreException;
import org.ctmon.store.Vendor;
import org.jdbi.v3.core.Handle;

/**
 * Copies every row of one ctmon store into another, both opened (and so migrated) by {@link
 * Store#open}: tables in an order that satisfies the foreign keys, ids kept, identity columns and
 * the issuance id sequence moved past the copied ids, and each search-index partition recomputed
 * for the target database ({@link IndexPartition}: many on H2, one on PostgreSQL).
 *
 * <p>The source must not change meanwhile (ctmon stopped). The target must be empty unless
 * {@code replace} is given, which deletes what it holds first. Rows are written in transactions of
 * {@link #ROWS_PER_COMMIT}; a copy that fails half-way leaves a target to replace, never a source
 * changed.
 */
public final class StoreCopy {
  /** The tables, parents before children. {@code flyway_schema_history} is each store's own. */
  public static final List<String> TABLES = List.of(
      "logs", "log_samples", "tree_heads", "log_incidents", "issuances", "issuance_names", "issuance_ips",
      "log_entries", "malformed_entries", "accounts", "api_tokens", "sessions", "setup_tokens", "watchlists", "watch_items",
      "watch_policies", "watch_never_issue", "matches", "webhooks", "email_recipients", "authorizations", "outbox");
  /** Tables whose {@code id} is an identity column, restarted past the copied ids. */
  static final Set<String> IDENTITY_TABLES = Set.of("logs", "tree_heads", "log_incidents", "accounts", "api_tokens",
      "watchlists", "matches", "webhooks", "outbox", "email_recipients", "authorizations");
  static final int ROWS_PER_COMMIT = 10_000;
  private static final int ROWS_PER_BATCH = 1_000;

  private final Store source;
  private final Store target;

  public StoreCopy(Store source, Store target) {
    this.source = source;
    this.target = target;
  }

  /** The tables of the target that hold rows, with their counts; empty when the target is empty. */
  public Map<String, Long> targetRows() {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Handle h = target.jdbi().open()) {
      Connection c = h.getConnection();
      for (String t : TABLES) {
        long n = count(c, t);
        if (n > 0) {
          out.put(t, n);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("error counting the rows of the target database: " + e.getMessage(), e);
    }
    return out;
  }

  /**
   * Copies every table; {@code progress} hears one line per table copied.
   *
   * @param replace delete what the target holds first; otherwise a target with rows is refused
   * @throws StoreException when the target holds rows and {@code replace} is false, or a table fails to copy
   */
  public void copy(boolean replace, Consumer<String> progress) {
    Map<String, Long> present = targetRows();
    if (!present.isEmpty() && !replace) {
      throw new StoreException("the target database is not empty (" + present
          + "); give --replace to delete its data and copy over it");
    }
    try (Handle source = this.source.jdbi().open(); Handle target = this.target.jdbi().open()) {
      Connection from = source.getConnection();
      Connection to = target.getConnection();
      from.setAutoCommit(false); // PostgreSQL streams a result set only inside a transaction
      to.setAutoCommit(false);
      try {
        copyAll(from, to, !present.isEmpty(), progress);
      } catch (SQLException | RuntimeException e) {
        to.rollback();
        from.rollback();
        throw e;
      } finally {
        // Handed back to the pool as it was lent (Jdbi refuses a handle closed mid-transaction).
        to.setAutoCommit(true);
        from.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("error copying the database: " + e.getMessage(), e);
    }
  }

  private void copyAll(Connection from, Connection to, boolean delete, Consumer<String> progress)
      throws SQLException {
    if (delete) {
      for (int i = TABLES.size() - 1; i >= 0; i--) {
        try (Statement s = to.createStatement()) {
          s.executeUpdate("DELETE FROM " + TABLES.get(i));
        }
      }
      to.commit();
    }
    for (String table : TABLES) {
      long t0 = System.nanoTime();
      long rows = copyTable(from, to, table);
      progress.accept(String.format("%s: %,d rows in %.1f s", table, rows, (System.nanoTime() - t0) / 1e9));
    }
    restartIds(from, to);
    to.commit();
    from.commit();
  }

  private long copyTable(Connection from, Connection to, String table) throws SQLException {
    List<String> columns = columns(from, to, table);
    int part = columns.indexOf("part");
    int partOf = part < 0 ? -1 : columns.indexOf(table.equals("issuances") ? "id" : "issuance_id");
    String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    long rows = 0;
    try (Statement read = from.createStatement(); PreparedStatement write = to.prepareStatement(insert)) {
      read.setFetchSize(ROWS_PER_BATCH);
      try (ResultSet r = read.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
        while (r.next()) {
          for (int i = 0; i < columns.size(); i++) {
            if (i == part) {
              write.setLong(i + 1, IndexPartition.of(target.vendor(), r.getLong(partOf + 1)));
            } else {
              write.setObject(i + 1, r.getObject(i + 1));
            }
          }
          write.addBatch();
          rows++;
          if (rows % ROWS_PER_BATCH == 0) {
            write.executeBatch();
          }
          if (rows % ROWS_PER_COMMIT == 0) {
            to.commit();
          }
        }
      }
      write.executeBatch();
      to.commit();
    }
    return rows;
  }

  /** The table's columns, which must be the same on both sides (both stores migrated by this ctmon). */
  private static List<String> columns(Connection from, Connection to, String table) throws SQLException {
    Set<String> a = columnsOf(from, table);
    Set<String> b = columnsOf(to, table);
    if (!a.equals(b)) {
      throw new StoreException("table " + table + " has columns " + a + " in the source and " + b
          + " in the target: are both migrated by this ctmon?");
    }
    return List.copyOf(a);
  }

  private static Set<String> columnsOf(Connection c, String table) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData m = r.getMetaData();
      for (int i = 1; i <= m.getColumnCount(); i++) {
        out.add(m.getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** New rows on the target get ids above the copied ones, as they would have on the source. */
  private void restartIds(Connection from, Connection to) throws SQLException {
    List<String> statements = new ArrayList<>();
    for (String table : TABLES) {
      if (IDENTITY_TABLES.contains(table)) {
        statements.add("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (maxId(to, table, "id") + 1));
      }
    }
    long next = Math.max(maxId(to, "issuances", "id"), nextIssuanceId(from) - 1) + 1;
    statements.add("ALTER SEQUENCE issuance_ids RESTART WITH " + next);
    try (Statement s = to.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** The value the source's issuance id sequence hands out next, without drawing it. */
  private long nextIssuanceId(Connection from) throws SQLException {
    String sql = source.vendor() == Vendor.H2
        ? "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE LOWER(SEQUENCE_NAME) = 'issuance_ids'"
        : "SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM issuance_ids";
    try (Statement s = from.createStatement(); ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getLong(1) : 1;
    }
  }

  private static long maxId(Connection c, String table, String column) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(" + column + ") FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }
}
