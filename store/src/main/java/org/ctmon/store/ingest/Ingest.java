package org.ctmon.store.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.ctmon.parser.Sha256;
import org.ctmon.store.IndexPartition;
import org.ctmon.store.SqlText;
import org.ctmon.store.StoreException;
import org.ctmon.store.Vendor;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The fetcher's sink: persists one {@link IngestBatch} of one log in one transaction.
 *
 * <pre>
 *   lock the log row ─ position as expected? ── no, already past ──> replay: write nothing
 *        │ yes                               └─ no, elsewhere ────> StaleLogPositionException
 *        v
 *   issuances (insert if absent; existing ones get precert/final flags, fingerprints, DER)
 *   names, IPs of new issuances ─ log entries ─ malformed entries ─ attached writes (alerts)
 *        v
 *   log position, compact range, verified head ──> commit
 * </pre>
 *
 * <p>Every statement is a JDBC batch, never a row at a time. Every insert is
 * {@code INSERT ... ON CONFLICT DO NOTHING} on a unique key, so the same issuance from several
 * logs is stored once, and a batch committed before a crash but
 * never acknowledged is a no-op when replayed. A failure anywhere rolls the whole batch back.
 *
 * <p>Thread safe; batches of the same log are serialized by the log row's lock. On H2, batches of
 * all logs are committed one at a time, which measured faster and cheaper than letting them
 * contend: use one {@code Ingest} per store.
 */
public final class Ingest {
  private final Jdbi jdbi;
  private final Clock clock;
  private final boolean keepAllDer;
  private final Vendor vendor; // decides the index partition, and whether commits take turns
  // H2: one batch at a time (fair, so no log waits behind another for long): concurrent writers
  // contend for H2's B-tree roots and redo their work (docs/benchmarks.md). PostgreSQL commits in parallel.
  private final ReentrantLock h2Writer = new ReentrantLock(true);

  /**
   * @param jdbi the store's Jdbi ({@link org.ctmon.store.Store#jdbi()}: it names the database vendor)
   * @param clock time of malformed-entry records and of attached writes
   * @param keepAllDer whether to store DER for every issuance, or for matched ones only
   */
  public Ingest(Jdbi jdbi, Clock clock, boolean keepAllDer) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.keepAllDer = keepAllDer;
    this.vendor = Vendor.of(jdbi);
  }

  /** Persists {@code batch} atomically, with nothing attached; as {@link #commit(IngestBatch, AttachedWrites)}. */
  public IngestResult commit(IngestBatch batch) {
    return commit(batch, AttachedWrites.NONE);
  }

  /**
   * Persists {@code batch} and what {@code attached} writes atomically.
   *
   * @return what was written; {@link IngestResult#replay()} when the log was already at or past
   *     the batch's end
   * @throws StaleLogPositionException when the stored position is neither the batch's start nor
   *     at or past its end
   * @throws org.ctmon.store.StoreException when the log is not registered
   */
  public IngestResult commit(IngestBatch batch, AttachedWrites attached) {
    if (vendor != Vendor.H2) {
      return jdbi.inTransaction(h -> commit(h, batch, attached));
    }
    // Not lockInterruptibly: a graceful shutdown interrupts followers, and the batch in hand must
    // still commit (its entries are fetched, verified and hashed into the compact range already).
    h2Writer.lock();
    try {
      return jdbi.inTransaction(h -> commit(h, batch, attached));
    } finally {
      h2Writer.unlock();
    }
  }

  private IngestResult commit(Handle h, IngestBatch batch, AttachedWrites attached) {
    LogRow log = LogRow.lock(h, batch.logId());
    long to = batch.position().nextIndex();
    if (log.nextIndex() != batch.fromIndex()) {
      if (log.nextIndex() >= to && to > batch.fromIndex()) {
        return IngestResult.REPLAY;
      }
      throw new StaleLogPositionException(batch.logId().base64(), batch.fromIndex(), log.nextIndex());
    }
    long now = clock.millis();
    Map<Sha256, MergedIssuance> merged = merge(batch);
    int newIssuances = insertIssuances(h, merged, attached.keepDer());
    EntryRows.insert(h, log.id(), batch.entries(), merged);
    insertMalformed(h, log.id(), batch.malformed(), now);
    Map<Sha256, Long> ids = new HashMap<>();
    for (MergedIssuance m : merged.values()) {
      ids.put(m.first.tbsSha256(), m.id);
    }
    AttachedWrites.Written written = attached.write(h, ids, now);
    log.advance(h, batch.position(), batch.verified(), now);
    return new IngestResult(false, newIssuances, written.matches(), written.alerts());
  }

  // Sorted by key: concurrent batches of different logs holding the same issuances lock their
  // rows in the same order, so they wait for each other instead of deadlocking.
  private static Map<Sha256, MergedIssuance> merge(IngestBatch batch) {
    Map<Sha256, MergedIssuance> merged = new TreeMap<>();
    for (Issuance i : batch.issuances()) {
      merged.computeIfAbsent(i.tbsSha256(), k -> new MergedIssuance(i)).add(i);
    }
    for (LogEntryRecord e : batch.entries()) {
      merged.get(e.tbsSha256()).seenAt(e.timestampMs());
    }
    return merged;
  }

  // An issuance already stored (from another log, or its precert/final twin in an earlier batch)
  // learns what this sighting adds; every assignment is idempotent.
  private static final String UPDATE_ISSUANCE = "UPDATE issuances SET"
      + " precert_seen = (precert_seen OR :precertSeen), final_seen = (final_seen OR :finalSeen),"
      + " cert_sha256 = COALESCE(cert_sha256, :cert), precert_sha256 = COALESCE(precert_sha256, :precert),"
      + " der = CASE WHEN :hasDer AND (der IS NULL OR (der_precert AND NOT :derPrecert)) THEN :der ELSE der END,"
      + " der_precert = CASE WHEN :hasDer AND (der IS NULL OR (der_precert AND NOT :derPrecert))"
      + " THEN :derPrecert ELSE der_precert END"
      + " WHERE id = :id";

  private int insertIssuances(Handle h, Map<Sha256, MergedIssuance> merged, Set<Sha256> matched) {
    if (merged.isEmpty()) {
      return 0;
    }
    List<MergedIssuance> rows = new ArrayList<>(merged.values());
    IssuanceIds.allocate(h, rows);
    int[] counts = IssuanceRows.insert(h, vendor, rows, m -> derToKeep(m, matched));
    List<MergedIssuance> fresh = new ArrayList<>();
    List<MergedIssuance> existing = new ArrayList<>();
    for (int k = 0; k < rows.size(); k++) {
      // 1: inserted. 0: already stored. Anything else (reWriteBatchedInserts=true in a PostgreSQL
      // URL reports SUCCESS_NO_INFO) is not supported: ingest must know which rows are new.
      if (counts[k] == 1) {
        fresh.add(rows.get(k));
      } else if (counts[k] == 0) {
        existing.add(rows.get(k));
      } else {
        throw new StoreException("error storing issuances: the driver reported no row counts"
            + " (remove reWriteBatchedInserts from the database url)");
      }
    }
    IssuanceIds.lookUp(h, existing);
    PreparedBatch update = h.prepareBatch(UPDATE_ISSUANCE);
    for (MergedIssuance m : existing) {
      byte[] der = derToKeep(m, matched);
      update.bind("id", m.id)
          .bind("precertSeen", m.precertSeen)
          .bind("finalSeen", m.finalSeen)
          .bind("cert", bytes(m.certSha256))
          .bind("precert", bytes(m.precertSha256))
          .bind("hasDer", der != null)
          .bind("der", der)
          .bind("derPrecert", m.derPrecert)
          .add();
    }
    if (!existing.isEmpty()) {
      update.execute();
    }
    NameRows.insert(h, vendor, fresh);
    return fresh.size();
  }

  private byte[] derToKeep(MergedIssuance m, Set<Sha256> matched) {
    if (m.der == null || !(keepAllDer || matched.contains(m.first.tbsSha256()))) {
      return null;
    }
    return m.der.bytes();
  }

  private static void insertMalformed(Handle h, int log, List<MalformedEntryRecord> malformed, long now) {
    if (malformed.isEmpty()) {
      return;
    }
    PreparedBatch b = h.prepareBatch("INSERT INTO malformed_entries (log, entry_index, leaf, extra, reason,"
        + " recorded_at) VALUES (:log, :index, :leaf, :extra, :reason, :now) ON CONFLICT DO NOTHING");
    for (MalformedEntryRecord m : malformed) {
      b.bind("log", log)
          .bind("index", m.index())
          .bind("leaf", m.leaf().bytes())
          .bind("extra", m.extra().bytes())
          .bind("reason", SqlText.encode(m.reason()))
          .bind("now", now)
          .add();
    }
    b.execute();
  }

  private static byte[] bytes(Sha256 h) {
    return h == null ? null : h.bytes();
  }
}
