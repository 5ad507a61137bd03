package org.ctmon.fetcher.loglist;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A log's state in the list: its status, since when, and for a read-only log its final tree head
 * (absent when the list does not give one).
 */
public record ListState(ListStatus status, Instant since, Optional<FinalTreeHead> finalTreeHead) {
  public ListState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(finalTreeHead, "finalTreeHead");
  }

  /** A state without a final tree head. */
  public static ListState of(ListStatus status, Instant since) {
    return new ListState(status, since, Optional.empty());
  }
}
