package org.ctmon.store.issuance;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts of stored issuances for the dashboard. A count reads the {@code first_seen} index over
 * its range, so callers showing it on every page view should cache it. Thread safe.
 */
public final class IssuanceCounts {
  private final Jdbi jdbi;

  public IssuanceCounts(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Issuances whose first stored log entry is at or after {@code since}. */
  public long firstSeenSince(Instant since) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM issuances WHERE first_seen >= :since")
        .bind("since", since.toEpochMilli())
        .mapTo(Long.class)
        .one());
  }
}
