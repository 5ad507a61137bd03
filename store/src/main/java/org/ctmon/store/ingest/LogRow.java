package org.ctmon.store.ingest;

import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.StoreException;
import org.jdbi.v3.core.Handle;

/** The log's row, locked for the ingest transaction: its internal id and stored position. */
record LogRow(int id, long nextIndex) {
  static LogRow lock(Handle h, Sha256 logId) {
    return h.createQuery("SELECT id, next_index FROM logs WHERE log_id = :logId FOR UPDATE")
        .bind("logId", logId.bytes())
        .map((rs, ctx) -> new LogRow(rs.getInt(1), rs.getLong(2)))
        .findOne()
        .orElseThrow(() -> new StoreException("error storing batch: log " + logId.base64() + " is not registered"));
  }

  void advance(Handle h, LogPosition position, Optional<TreeHead> verified, long now) {
    h.createUpdate("UPDATE logs SET next_index = :next, compact_range = :range, range_root = :root,"
            + " updated_at = :now WHERE id = :id")
        .bind("next", position.nextIndex())
        .bind("range", position.compactRange().bytes())
        .bind("root", position.rootHash() == null ? null : position.rootHash().bytes())
        .bind("now", now)
        .bind("id", id)
        .execute();
    if (verified.isPresent()) {
      TreeHead v = verified.get();
      h.createUpdate("UPDATE logs SET verified_size = :size, verified_timestamp = :ts, verified_root = :root"
              + " WHERE id = :id")
          .bind("size", v.treeSize())
          .bind("ts", v.timestamp())
          .bind("root", v.rootHash().bytes())
          .bind("id", id)
          .execute();
    }
  }
}
