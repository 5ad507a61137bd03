package org.ctmon.web.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.store.issuance.IssuanceCounts;
import org.ctmon.store.log.LogSamples;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's figures, for its page and {@code GET /api/v1/dashboard}: issuances and an
 * account's alerts since midnight UTC, and the lag and ingest series. The issuance count reads an
 * index range as long as a day of issuance, so it is cached for {@link #ISSUANCES_FOR} whoever
 * asks. Thread safe.
 */
public final class DashboardFigures {
  static final Duration ISSUANCES_FOR = Duration.ofMinutes(1);
  private final IssuanceCounts issuances;
  private final Matches matches;
  private final LogSamples samples;
  private final Clock clock;
  private volatile Cached cached = new Cached(Instant.MIN, Instant.MIN, 0);

  /**
   * Today's figures.
   *
   * @param issuances issuances first logged since midnight UTC (at most a minute old)
   * @param alerts the account's matches stored since midnight UTC
   */
  public record Today(long issuances, long alerts) {}

  private record Cached(Instant day, Instant at, long count) {}

  public DashboardFigures(Jdbi jdbi, Clock clock) {
    this.issuances = new IssuanceCounts(jdbi);
    this.matches = new Matches(jdbi);
    this.samples = new LogSamples(jdbi);
    this.clock = clock;
  }

  /** Today's figures for the account. */
  public Today today(long accountId) {
    Instant now = clock.instant();
    Instant day = now.truncatedTo(ChronoUnit.DAYS);
    Cached c = cached;
    if (!c.day().equals(day) || c.at().plus(ISSUANCES_FOR).isBefore(now)) {
      c = new Cached(day, now, issuances.firstSeenSince(day));
      cached = c;
    }
    return new Today(c.count(), matches.countSince(accountId, day));
  }

  /** Lag and ingest from {@code from} to {@code to} in buckets of {@code bucket}. */
  public IngestSeries series(Instant from, Instant to, Duration bucket) {
    return IngestSeries.of(samples.since(from), from, to, bucket);
  }
}
