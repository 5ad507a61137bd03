package org.ctmon.store.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.store.Store;
import org.ctmon.store.StoreException;
import org.jdbi.v3.core.Handle;

/**
 * What shows that a target holds the source's data: the rows of every table counted on both
 * sides, and every log's compact Merkle range read on both sides, its root recomputed from the
 * stored subtree hashes (not read from {@code range_root}), and compared: the target then holds,
 * for each log, a range that proves the same entries up to the same position.
 *
 * @param tables each table's rows in the source and the target, in {@link StoreCopy#TABLES} order
 * @param logs each log's position and recomputed root on both sides, by log id (base64)
 */
public record CopyProof(List<TableCount> tables, List<LogRange> logs) {
  public CopyProof {
    tables = List.copyOf(tables);
    logs = List.copyOf(logs);
  }

  /** One table's rows on both sides. */
  public record TableCount(String table, long source, long target) {
    public boolean equal() {
      return source == target;
    }
  }

  /**
   * One log's range on both sides.
   *
   * @param source the source's position and recomputed root, {@code size root-hex}
   * @param target the same on the target, or {@code missing}
   * @param consistent whether each side's range agrees with its own stored position and range root
   */
  public record LogRange(String logId, String description, String source, String target, boolean consistent) {
    public boolean equal() {
      return consistent && source.equals(target);
    }
  }

  /** Whether every count and every log's range is equal on both sides. */
  public boolean holds() {
    return tables.stream().allMatch(TableCount::equal) && logs.stream().allMatch(LogRange::equal);
  }

  /** Counts and recomputes on both stores. */
  public static CopyProof of(Store source, Store target) {
    try (Handle hs = source.jdbi().open(); Handle ht = target.jdbi().open()) {
      Connection s = hs.getConnection();
      Connection t = ht.getConnection();
      List<TableCount> tables = new ArrayList<>();
      for (String table : StoreCopy.TABLES) {
        tables.add(new TableCount(table, StoreCopy.count(s, table), StoreCopy.count(t, table)));
      }
      Map<String, Range> before = ranges(s);
      Map<String, Range> after = ranges(t);
      List<LogRange> logs = new ArrayList<>();
      before.forEach((id, r) -> {
        Range copied = after.get(id);
        logs.add(new LogRange(id, r.description, r.text(), copied == null ? "missing" : copied.text(),
            r.consistent() && (copied == null || copied.consistent())));
      });
      return new CopyProof(tables, logs);
    } catch (SQLException e) {
      throw new StoreException("error proving the copy: " + e.getMessage(), e);
    }
  }

  private record Range(String description, long nextIndex, byte[] stored, byte[] storedRoot) {
    CompactRange range() {
      return stored == null ? new CompactRange() : CompactRange.fromBytes(stored);
    }

    /** The range covers exactly the stored position, and its root is the stored root. */
    boolean consistent() {
      CompactRange r = range();
      return r.size() == nextIndex && (storedRoot == null || r.root().equals(Sha256.wrap(storedRoot)));
    }

    String text() {
      CompactRange r = range();
      return r.size() + " " + r.root().hex();
    }
  }

  private static Map<String, Range> ranges(Connection c) throws SQLException {
    Map<String, Range> out = new LinkedHashMap<>();
    try (Statement st = c.createStatement(); ResultSet r = st.executeQuery(
        "SELECT log_id, description, next_index, compact_range, range_root FROM logs ORDER BY id")) {
      while (r.next()) {
        out.put(Base64.getEncoder().encodeToString(r.getBytes(1)),
            new Range(r.getString(2), r.getLong(3), r.getBytes(4), r.getBytes(5)));
      }
    }
    return out;
  }
}
