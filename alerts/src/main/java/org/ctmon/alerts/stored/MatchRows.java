package org.ctmon.alerts.stored;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.parser.Sha256;
import org.ctmon.store.JsonStrings;
import org.ctmon.store.ingest.AttachedWrites;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A batch's matches and alerts, written in the batch's transaction by the store's ingest. Every
 * insert is {@code ON CONFLICT DO NOTHING}: the same issuance from several logs is matched once
 * and alerted once, and a replay stores nothing twice. Rows are sorted by key, so concurrent
 * batches lock them in the same order.
 *
 * @param matches watch-list matches among the batch's issuances (each names an issuance of the batch)
 * @param outbox alerts to deliver
 */
public record MatchRows(List<MatchRecord> matches, List<OutboxRecord> outbox) implements AttachedWrites {
  public MatchRows {
    matches = List.copyOf(matches);
    outbox = List.copyOf(outbox);
  }

  /** Matched issuances keep their DER. */
  @Override
  public Set<Sha256> keepDer() {
    Set<Sha256> matched = new HashSet<>();
    for (MatchRecord m : matches) {
      matched.add(m.tbsSha256());
    }
    return matched;
  }

  @Override
  public Written write(Handle h, Map<Sha256, Long> issuanceIds, long now) {
    for (MatchRecord m : matches) {
      if (!issuanceIds.containsKey(m.tbsSha256())) {
        throw new IllegalArgumentException("a match of watch list " + m.watchlistId() + " names issuance "
            + m.tbsSha256() + " that is not in the batch");
      }
    }
    return new Written(insertMatches(h, issuanceIds, now), insertOutbox(h, outbox, now));
  }

  private int insertMatches(Handle h, Map<Sha256, Long> issuanceIds, long now) {
    if (matches.isEmpty()) {
      return 0;
    }
    PreparedBatch b = h.prepareBatch("INSERT INTO matches (account_id, watchlist_id, tbs_sha256, issuance_id,"
        + " verdict, reasons, watch_items, created_at) VALUES (:account, :watchlist, :tbs, :issuance, :verdict,"
        + " :reasons, :items, :now) ON CONFLICT DO NOTHING");
    List<MatchRecord> sorted = new ArrayList<>(matches);
    sorted.sort(Comparator.comparingLong(MatchRecord::watchlistId).thenComparing(MatchRecord::tbsSha256));
    for (MatchRecord m : sorted) {
      b.bind("account", m.accountId())
          .bind("watchlist", m.watchlistId())
          .bind("tbs", m.tbsSha256().bytes())
          .bind("issuance", issuanceIds.get(m.tbsSha256()).longValue())
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
}
