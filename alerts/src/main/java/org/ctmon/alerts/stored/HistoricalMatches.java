package org.ctmon.alerts.stored;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.store.JsonStrings;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Matches found in what was already stored when a watch list was saved, with their alerts, in one
 * transaction. Like ingest, a match or alert already stored (same watch list and issuance, same
 * idempotency key) is not stored twice, so saving a list again finds only what is new. Thread safe.
 */
public final class HistoricalMatches {
  private final Jdbi jdbi;
  private final Clock clock;

  public HistoricalMatches(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A match of a stored issuance, named by its TBS hash and validity start (how the store finds it fast). */
  public record Found(MatchRecord match, Instant notBefore) {}

  /**
   * Stores the matches (flagged historical) and the alerts; returns how many matches were new.
   * Matches of issuances purged meanwhile are left out.
   */
  public int record(List<Found> found, List<OutboxRecord> outbox) {
    long now = clock.millis();
    return jdbi.inTransaction(h -> {
      int n = 0;
      if (!found.isEmpty()) {
        PreparedBatch b = h.prepareBatch("INSERT INTO matches (account_id, watchlist_id, tbs_sha256, issuance_id,"
            + " verdict, reasons, watch_items, created_at, historical)"
            + " SELECT :account, :watchlist, i.tbs_sha256, i.id, :verdict, :reasons, :items, :now, TRUE"
            + " FROM issuances i WHERE i.not_before = :notBefore AND i.tbs_sha256 = :tbs ON CONFLICT DO NOTHING");
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingLong((Found f) -> f.match().watchlistId())
            .thenComparing(f -> f.match().tbsSha256()));
        for (Found f : sorted) {
          MatchRecord m = f.match();
          b.bind("account", m.accountId())
              .bind("watchlist", m.watchlistId())
              .bind("verdict", m.verdict().sqlName())
              .bind("reasons", JsonStrings.encode(m.reasons()))
              .bind("items", JsonStrings.encode(m.watchItems()))
              .bind("now", now)
              .bind("notBefore", f.notBefore().toEpochMilli())
              .bind("tbs", m.tbsSha256().bytes())
              .add();
        }
        n = MatchRows.countInserted(b.execute());
      }
      MatchRows.insertOutbox(h, outbox, now);
      return n;
    });
  }
}
