package org.ctmon.fetcher.follow;

import java.util.Objects;
import org.ctmon.fetcher.http.Backoff;

/**
 * The ceilings one follower fetches within, and how it commits, starts and backs off. The pace
 * within the ceilings is learned from the log's answers ({@link Pace}): a user who sets nothing
 * gets a fast follower, and a log that pushes back gets less.
 *
 * @param batchSize the most entries asked for in one {@code get-entries} request; the log's own
 *     page size, learned from its answers, wins when smaller (Google's logs: 32). Static logs always
 *     fetch whole data tiles (256)
 * @param parallelism the most requests in flight for this log, {@code >= 1}; the window starts at 2
 *     and grows while answers come fast and clean
 * @param requestsPerSecond the most requests per second to the log (token bucket with a burst of
 *     {@code parallelism}); 0 for no ceiling but the log's own (429 and Retry-After)
 * @param commitEntries entries per committed batch, at least; a batch also ends where the range
 *     reaches the head
 * @param startAt where a log never followed before starts
 * @param backoff how long a failed request waits, by failed requests in a row
 */
public record FollowerConfig(int batchSize, int parallelism, double requestsPerSecond, int commitEntries,
                             StartPosition startAt, Backoff backoff) {
  /**
   * The defaults a user gets: pages of up to 1,000 entries (the largest any real log serves), up
   * to 8 requests in flight, no fixed rate ceiling, commits of about 1,024 entries (the store's
   * best: docs/benchmarks.md), start at the end, {@link Backoff#DEFAULT}.
   */
  public static final FollowerConfig DEFAULT = new FollowerConfig(1000, 8, 0, 1024, StartPosition.END, Backoff.DEFAULT);

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
