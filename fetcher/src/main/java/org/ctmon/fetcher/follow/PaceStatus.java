package org.ctmon.fetcher.follow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How fast a log is being asked right now, for {@code GET /api/v1/logs}: what {@link Pace} learned
 * and why it last changed.
 *
 * @param pageSize entries per request (learned from the log's answers, at most {@code fetch.batchSize})
 * @param window requests allowed in flight (at most {@code fetch.parallelism})
 * @param inFlight requests in flight now
 * @param requestsPerSecond requests sent per second over the last 10 s
 * @param lastChange why the page size or the window last changed, lower case
 * @param lastChangeAt when
 * @param notBefore until when the log asked not to be asked ({@code Retry-After}), if still ahead
 */
public record PaceStatus(int pageSize, int window, int inFlight, double requestsPerSecond, String lastChange,
                         Instant lastChangeAt, Optional<Instant> notBefore) {
  public PaceStatus {
    Objects.requireNonNull(lastChange, "lastChange");
    Objects.requireNonNull(lastChangeAt, "lastChangeAt");
    Objects.requireNonNull(notBefore, "notBefore");
  }
}
