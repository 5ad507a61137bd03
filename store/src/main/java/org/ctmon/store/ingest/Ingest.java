package org.ctmon.store.ingest;

import org.ctmon.store.outbox.OutboxRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.ctmon.parser.Sha256;
import org.ctmon.store.IndexPartition;
import org.ctmon.store.JsonStrings;
import org.ctmon.store.SqlText;
import org.ctmon.store.StoreException;
import org.ctmon.store.Vendor;
import org.ctmon.store.outbox.Recipient;
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
 *   names, IPs of new issuances ─ log entries ─ malformed entries ─ matches ─ outbox
 *        v
 *   log position, compact range, verified head ──> commit
 * </pre>
 *
 * <p>Every statement is a JDBC batch, never a row at a time. Every insert is
 * {@code INSERT ... ON CONFLICT DO NOTHING} on a unique key, so the same issuance from several
 * logs is stored once, matched once and alerted once, and a batch committed before a crash but
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
  // H2: one batch at a time (fair, so no log waits behind another for long). Two logs committing
  // at once measured 9,515 issuances/s and 38.9 CPU-s, one after the other 10,824/s and 27.5 CPU-s:
  // concurrent writers contend for H2's B-tree roots and redo their work. PostgreSQL commits in parallel.
  private final ReentrantLock h2Writer = new ReentrantLock(true);

  /**
   * @param jdbi the store's Jdbi ({@link org.ctmon.store.Store#jdbi()}: it names the database vendor)
   * @param clock time of malformed-entry records, matches and alerts
   * @param keepAllDer whether to store DER for every issuance, or for matched ones only
   */
  public Ingest(Jdbi jdbi, Clock clock, boolean keepAllDer) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.keepAllDer = keepAllDer;
    this.vendor = Vendor.of(jdbi);
  }

  /**
   * Persists {@code batch} atomically.
   *
   * @return what was written; {@link IngestResult#replay()} when the log was already at or past
   *     the batch's end
   * @throws StaleLogPositionException when the stored position is neither the batch's start nor
   *     at or past its end
   * @throws org.ctmon.store.StoreException when the log is not registered
   */
  public IngestResult commit(IngestBatch batch) {
    if (vendor != Vendor.H2) {
      return jdbi.inTransaction(h -> commit(h, batch));
    }
    // Not lockInterruptibly: a graceful shutdown interrupts followers, and the batch in hand must
    // still commit (its entries are fetched, verified and hashed into the compact range already).
    h2Writer.lock();
    try {
      return jdbi.inTransaction(h -> commit(h, batch));
    } finally {
      h2Writer.unlock();
    }
  }

  private IngestResult commit(Handle h, IngestBatch batch) {
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
    Set<Sha256> matched = new HashSet<>();
    for (MatchRecord m : batch.matches()) {
      matched.add(m.tbsSha256());
    }
    int newIssuances = insertIssuances(h, merged, matched);
    EntryRows.insert(h, log.id(), batch.entries(), merged);
    insertMalformed(h, log.id(), batch.malformed(), now);
    int newMatches = insertMatches(h, batch.matches(), merged, now);
    int newAlerts = insertOutbox(h, batch.outbox(), now);
    log.advance(h, batch.position(), batch.verified(), now);
    return new IngestResult(false, newIssuances, newMatches, newAlerts);
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

  private static int insertMatches(Handle h, List<MatchRecord> matches, Map<Sha256, MergedIssuance> merged,
                                   long now) {
    if (matches.isEmpty()) {
      return 0;
    }
    PreparedBatch b = h.prepareBatch("INSERT INTO matches (account_id, watchlist_id, tbs_sha256, issuance_id,"
        + " verdict, reasons, watch_items, created_at) VALUES (:account, :watchlist, :tbs, :issuance, :verdict,"
        + " :reasons, :items, :now) ON CONFLICT DO NOTHING");
    List<MatchRecord> sorted = new ArrayList<>(matches);
    sorted.sort(Comparator.comparingLong(MatchRecord::watchlistId).thenComparing(MatchRecord::tbsSha256));
    for (MatchRecord m : sorted) {
      MergedIssuance issuance = merged.get(m.tbsSha256()); // in the batch: IngestBatch checks
      b.bind("account", m.accountId())
          .bind("watchlist", m.watchlistId())
          .bind("tbs", m.tbsSha256().bytes())
          .bind("issuance", issuance.id)
          .bind("verdict", m.verdict().sqlName())
          .bind("reasons", JsonStrings.encode(m.reasons()))
          .bind("items", JsonStrings.encode(m.watchItems()))
          .bind("now", now)
          .add();
    }
    return countInserted(b.execute());
  }

  static int insertOutbox(Handle h, List<OutboxRecord> outbox, long now) {
    if (outbox.isEmpty()) {
      return 0;
    }
    PreparedBatch b = h.prepareBatch("INSERT INTO outbox (account_id, idempotency_key, event_type, channel,"
        + " webhook_id, email_to, watchlist_id, tbs_sha256, payload, created_at, state, attempts, next_attempt_at)"
        + " VALUES (:account, :key, :type, :channel, :webhook, :email, :watchlist, :tbs, :payload, :now, 'pending',"
        + " 0, :now) ON CONFLICT DO NOTHING");
    List<OutboxRecord> sorted = new ArrayList<>(outbox);
    sorted.sort(Comparator.comparing(OutboxRecord::idempotencyKey));
    for (OutboxRecord o : sorted) {
      Long webhook = o.recipient() instanceof Recipient.Webhook w ? w.webhookId() : null;
      String email = o.recipient() instanceof Recipient.Email e ? e.address() : null;
      b.bind("account", o.accountId())
          .bind("key", o.idempotencyKey())
          .bind("type", o.eventType().wireName())
          .bind("channel", webhook != null ? "webhook" : "email")
          .bind("webhook", webhook)
          .bind("email", email)
          .bind("watchlist", o.watchlistId())
          .bind("tbs", o.tbsSha256() == null ? null : o.tbsSha256().bytes())
          .bind("payload", o.payloadJson())
          .bind("now", now)
          .add();
    }
    return countInserted(b.execute());
  }

  static int countInserted(int[] counts) {
    int n = 0;
    for (int c : counts) {
      n += c == 1 ? 1 : 0;
    }
    return n;
  }

  private static byte[] bytes(Sha256 h) {
    return h == null ? null : h.bytes();
  }
}
