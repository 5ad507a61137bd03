package org.ctmon.store.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Sha256;
import org.ctmon.store.StoreException;
import org.jdbi.v3.core.Handle;

/**
 * Writes a batch's log entries (one row per entry, at least one per issuance) through a plain JDBC
 * batch, for the same reason as {@link IssuanceRows}: no per-argument look-ups on the ingest thread.
 */
final class EntryRows {
  private static final String INSERT = "INSERT INTO log_entries (entry_key, log, entry_index, entry_type,"
      + " entry_timestamp, issuance_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

  private EntryRows() {}

  /** {@code merged} holds the stored issuance of every entry's TBS hash. */
  static void insert(Handle h, int log, List<LogEntryRecord> entries, Map<Sha256, MergedIssuance> merged) {
    if (entries.isEmpty()) {
      return;
    }
    Connection c = h.getConnection();
    try (PreparedStatement insert = c.prepareStatement(INSERT)) {
      for (LogEntryRecord e : entries) {
        insert.setLong(1, EntryKey.of(log, e.index()));
        insert.setInt(2, log);
        insert.setLong(3, e.index());
        insert.setString(4, e.type().sqlName());
        insert.setLong(5, e.timestampMs());
        insert.setLong(6, merged.get(e.tbsSha256()).id);
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException ex) {
      throw new StoreException("error storing " + entries.size() + " log entries: " + ex.getMessage(), ex);
    }
  }
}
