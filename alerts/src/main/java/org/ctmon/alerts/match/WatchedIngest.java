package org.ctmon.alerts.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.stored.MatchRows;
import org.ctmon.alerts.watch.Hit;
import org.ctmon.alerts.watch.IssuancePolicy;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.parser.Sha256;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.IngestResult;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;

/**
 * The store's ingest with the watch lists applied: every issuance of a batch is matched, and its
 * matches and alerts are committed with the batch's entries and position in one transaction, so a
 * crash never leaves an entry stored without its alert or an alert without its entry. The
 * application wires a follower's sink to {@link #commit}. Thread safe.
 */
public final class WatchedIngest {
  private final Ingest ingest;
  private final WatchStateSource watch;
  private final String publicUrl;
  private final Runnable alertsWritten;

  /**
   * @param ingest the store's ingest
   * @param watch the watch lists to apply
   * @param publicUrl the URL users reach ctmon at, for the certificate link in alerts
   * @param alertsWritten called after a commit that wrote alerts (wakes the delivery)
   */
  public WatchedIngest(Ingest ingest, WatchStateSource watch, String publicUrl, Runnable alertsWritten) {
    this.ingest = ingest;
    this.watch = watch;
    this.publicUrl = publicUrl;
    this.alertsWritten = alertsWritten;
  }

  /** Commits {@code batch} with its matches and alerts; a replay writes nothing, as {@link Ingest#commit}. */
  public IngestResult commit(IngestBatch batch) {
    WatchState state = watch.current();
    if (state.isEmpty() || batch.issuances().isEmpty()) {
      return ingest.commit(batch);
    }
    // Most batches match nothing: only names are looked at until something matches. Issuances
    // of one TBS have the same names, so their hits are the same.
    Map<Sha256, Issuance> byTbs = null;
    Map<Sha256, List<Hit>> hitsByTbs = null;
    for (Issuance i : batch.issuances()) {
      List<Hit> hits = state.matcher().match(i.dnsNames(), i.ipAddresses());
      if (hits.isEmpty()) {
        continue;
      }
      if (byTbs == null) {
        byTbs = new LinkedHashMap<>();
        hitsByTbs = new HashMap<>();
      }
      byTbs.merge(i.tbsSha256(), i, (a, b) -> a.issuerSpkiSha256() != null ? a : b);
      hitsByTbs.putIfAbsent(i.tbsSha256(), hits);
    }
    if (byTbs == null) {
      return ingest.commit(batch);
    }
    Map<Sha256, List<LogEntryRecord>> entries = new HashMap<>();
    for (LogEntryRecord e : batch.entries()) {
      if (byTbs.containsKey(e.tbsSha256())) {
        entries.computeIfAbsent(e.tbsSha256(), k -> new ArrayList<>()).add(e);
      }
    }
    List<MatchRecord> matches = new ArrayList<>();
    List<OutboxRecord> outbox = new ArrayList<>();
    for (Issuance i : byTbs.values()) {
      List<MatchRecord> found = Verdicts.of(state, i.tbsSha256(), i.spkiSha256(), facts(i),
          hitsByTbs.get(i.tbsSha256()));
      if (found.isEmpty()) {
        continue;
      }
      matches.addAll(found);
      for (AlertPlan.PlannedAlert a : AlertPlan.of(state, found)) {
        String body = AlertBody.of(a.type(), a.idempotencyKey(), a.match(),
            state.lists().get(a.match().watchlistId()).name(), certificate(batch, i, entries.get(i.tbsSha256())),
            publicUrl);
        outbox.add(new OutboxRecord(a.match().accountId(), a.idempotencyKey(), a.type(), a.recipient(),
            a.match().watchlistId(), i.tbsSha256(), body));
      }
    }
    if (matches.isEmpty()) {
      return ingest.commit(batch);
    }
    IngestResult result = ingest.commit(batch, new MatchRows(matches, outbox));
    if (result.newAlerts() > 0) {
      alertsWritten.run();
    }
    return result;
  }

  static IssuancePolicy.IssuanceFacts facts(Issuance i) {
    return new IssuancePolicy.IssuanceFacts(i.issuerO(), i.issuerCn(), i.issuerDn(),
        i.issuerSpkiSha256() == null ? null : i.issuerSpkiSha256().hex(), i.spkiSha256().hex(), i.dnsNames(),
        i.ipAddresses());
  }

  private static AlertBody.Certificate certificate(IngestBatch batch, Issuance i, List<LogEntryRecord> entries) {
    List<AlertBody.Entry> refs = new ArrayList<>();
    long first = Long.MAX_VALUE;
    for (LogEntryRecord e : entries == null ? List.<LogEntryRecord>of() : entries) {
      refs.add(new AlertBody.Entry(batch.logId().base64(), e.index(), e.type().sqlName()));
      first = Math.min(first, e.timestampMs());
    }
    return new AlertBody.Certificate(i.dnsNames(), i.ipAddresses(), i.issuerDn(), i.serialHex(), i.notBefore(),
        i.notAfter(), Instant.ofEpochMilli(first == Long.MAX_VALUE ? 0 : first), refs);
  }
}
