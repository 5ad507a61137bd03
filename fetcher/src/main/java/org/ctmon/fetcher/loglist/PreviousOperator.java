package org.ctmon.fetcher.loglist;

import java.time.Instant;
import java.util.Objects;

/** An operator that ran the log before its current one, until {@code endTime}. */
public record PreviousOperator(String name, Instant endTime) {
  public PreviousOperator {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a previous operator needs a name");
    }
    Objects.requireNonNull(endTime, "endTime");
  }
}
