package org.ctmon.fetcher.follow;

import java.util.Objects;
import org.ctmon.fetcher.http.Backoff;

/**
 * How one follower fetches: request size, requests in flight, request rate, commit size, where a
 * new log starts and how failures back off.
 *
 * @param batchSize entries per {@code get-entries} request (RFC 6962 logs cap pages at 32 to 1000;
 *     the log's cap wins, the rest is asked again). Static logs always fetch whole data tiles (256)
 * @param parallelism requests in flight for this log, {@code >= 1}
 * @param requestsPerSecond at most this many requests per second to the log (token bucket with a
 *     burst of {@code parallelism}); 0 for no limit
 * @param commitEntries entries per committed batch, at least; a batch also ends where the range
 *     reaches the head
 * @param startAt where a log never followed before starts
 * @param backoff when to retry after failures
 */
public record FollowerConfig(int batchSize, int parallelism, double requestsPerSecond, int commitEntries,
                             StartPosition startAt, Backoff backoff) {
  /**
   * Defaults that respect real logs: 256 entries per request (what most logs serve, and a data
   * tile), 4 in flight, 10 requests/s, commits of about 1,024 entries, start at the end,
   * {@link Backoff#DEFAULT}.
   *
   * <p>Commit size measured on H2 with durable commits (docs/benchmarks.md): catching up a
   * million-entry log, 1,024 entries per commit gave 8,394 entries/s and 4,096 gave 7,833; the
   * store benchmark peaks at 1,024 too (512: 11,011 issuances/s, 1,024: 11,300, 2,048: 9,152,
   * 4,096: 8,564), as larger transactions make H2 write pages before they commit. At a log's head
   * the follower commits what it has, so alerts never wait for a full batch.
   */
  public static final FollowerConfig DEFAULT = new FollowerConfig(256, 4, 10, 1024, StartPosition.END, Backoff.DEFAULT);

  public FollowerConfig {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size " + batchSize + " must be at least 1");
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism " + parallelism + " must be at least 1");
    }
    if (requestsPerSecond < 0 || Double.isNaN(requestsPerSecond)) {
      throw new IllegalArgumentException("requests per second " + requestsPerSecond + " must not be negative");
    }
    if (commitEntries < 1) {
      throw new IllegalArgumentException("commit entries " + commitEntries + " must be at least 1");
    }
    Objects.requireNonNull(startAt, "startAt");
    Objects.requireNonNull(backoff, "backoff");
  }

  /** This config starting new logs at {@code startAt}. */
  public FollowerConfig withStartAt(StartPosition startAt) {
    return new FollowerConfig(batchSize, parallelism, requestsPerSecond, commitEntries, startAt, backoff);
  }

  /** This config with {@code batchSize}, {@code parallelism} and {@code requestsPerSecond}. */
  public FollowerConfig withFetching(int batchSize, int parallelism, double requestsPerSecond) {
    return new FollowerConfig(batchSize, parallelism, requestsPerSecond, commitEntries, startAt, backoff);
  }

  /** This config committing about {@code commitEntries} entries per batch. */
  public FollowerConfig withCommitEntries(int commitEntries) {
    return new FollowerConfig(batchSize, parallelism, requestsPerSecond, commitEntries, startAt, backoff);
  }
}
