package org.ctmon.fetcher.loglist;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A log's state in the list: its status, since when, and for a read-only log its final tree head
 * (absent when the list does not give one).
 */
public record LogState(LogStatus status, Instant since, Optional<FinalTreeHead> finalTreeHead) {
  public LogState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(finalTreeHead, "finalTreeHead");
  }

  /** A state without a final tree head. */
  public static LogState of(LogStatus status, Instant since) {
    return new LogState(status, since, Optional.empty());
  }
}
