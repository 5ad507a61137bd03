package org.ctmon.fetcher.loglist;

import java.time.Instant;
import java.util.Objects;

/**
 * The range of certificate expiry dates a log accepts (a temporally sharded log, e.g.
 * "2026h1"): {@code [startInclusive, endExclusive)}.
 */
public record TemporalInterval(Instant startInclusive, Instant endExclusive) {
  public TemporalInterval {
    Objects.requireNonNull(startInclusive, "startInclusive");
    Objects.requireNonNull(endExclusive, "endExclusive");
    if (!startInclusive.isBefore(endExclusive)) {
      throw new IllegalArgumentException(
          "temporal interval start " + startInclusive + " is not before its end " + endExclusive);
    }
  }

  /** True when {@code t} is inside the interval. */
  public boolean contains(Instant t) {
    return !t.isBefore(startInclusive) && t.isBefore(endExclusive);
  }

  /** True when the whole interval lies before {@code t}: every certificate it accepts has expired. */
  public boolean endedBefore(Instant t) {
    return !endExclusive.isAfter(t);
  }
}
