package org.ctmon.store.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Sha256;
import org.ctmon.store.StoreException;
import org.jdbi.v3.core.Handle;

/**
 * Issuance ids: new ones come from the {@code issuance_ids} sequence, all of a batch's in one
 * query, so ids grow with time (the big tables are appended to) and stay dense whatever the batch
 * size (the search indexes are partitioned by id, see {@link org.ctmon.store.IndexPartition});
 * ids of issuances stored earlier are read by notBefore and TBS hash, their unique key.
 */
final class IssuanceIds {
  private IssuanceIds() {}

  /** Gives every row a fresh id (used only if the row turns out to be new). */
  static void allocate(Handle h, List<MergedIssuance> rows) {
    List<Long> ids = h.createQuery("SELECT nextval('issuance_ids') FROM generate_series(1, :n)")
        .bind("n", rows.size())
        .mapTo(Long.class)
        .list();
    if (ids.size() != rows.size()) {
      throw new StoreException("error allocating issuance ids: asked for " + rows.size() + ", got " + ids.size());
    }
    for (int k = 0; k < rows.size(); k++) {
      rows.get(k).id = ids.get(k);
    }
  }

  /** Replaces the allocated ids of rows that were already stored with their stored ids. */
  static void lookUp(Handle h, List<MergedIssuance> existing) {
    if (existing.isEmpty()) {
      return;
    }
    Map<Sha256, Long> ids = new HashMap<>();
    for (int from = 0; from < existing.size(); from += 1000) {
      List<MergedIssuance> chunk = existing.subList(from, Math.min(existing.size(), from + 1000));
      List<byte[]> keys = chunk.stream().map(m -> m.first.tbsSha256().bytes()).toList();
      List<Long> notBefore = chunk.stream().map(m -> m.first.notBefore().toEpochMilli()).distinct().toList();
      // notBefore leads the unique key on H2 (V6), where no index has the TBS hash alone first.
      // Equal TBS hashes have equal notBefore, so the extra condition drops no row.
      h.createQuery("SELECT tbs_sha256, id FROM issuances WHERE not_before IN (<notBefore>)"
              + " AND tbs_sha256 IN (<keys>)")
          .bindList("notBefore", notBefore)
          .bindList("keys", keys)
          .map((rs, ctx) -> Map.entry(Sha256.wrap(rs.getBytes(1)), rs.getLong(2)))
          .forEach(e -> ids.put(e.getKey(), e.getValue()));
    }
    for (MergedIssuance m : existing) {
      Long id = ids.get(m.first.tbsSha256());
      if (id == null) {
        throw new StoreException("error storing issuance " + m.first.tbsSha256() + ": it was reported stored but"
            + " is not there (deleted by retention meanwhile, or the issuance_ids sequence handed out an id in use);"
            + " the batch is retried");
      }
      m.id = id;
    }
  }
}
