package org.ctmon.fetcher.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a log again after consecutive failures: exponential backoff with full jitter (a
 * uniformly random wait between zero and {@code min(cap, base * 2^(failures-1))}), but never sooner
 * than the log's {@code Retry-After}.
 *
 * <p>Full jitter spreads the retries of many followers (and of ctmon nodes restarted together) over
 * the whole window, which is what keeps a throttling log from being hit in waves. A value: the
 * randomness and the time are passed in, so tests are deterministic. Defaults: base 1 s, cap 5 min.
 *
 * @param base the window after the first failure
 * @param cap the largest window
 */
public record Backoff(Duration base, Duration cap) {
  /** Base 1 s, cap 5 min. */
  public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

  public Backoff {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("backoff base " + base + " must be positive");
    }
    if (cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff cap " + cap + " is below its base " + base);
    }
  }

  /**
   * The window after {@code failures} consecutive failures: {@code base * 2^(failures-1)}, at most
   * the cap.
   *
   * @param failures {@code >= 1}
   */
  public Duration window(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures " + failures + " must be at least 1");
    }
    long baseMillis = base.toMillis();
    long capMillis = cap.toMillis();
    int shift = failures - 1;
    if (shift >= 62 || baseMillis > (capMillis >> shift)) {
      return cap;
    }
    return Duration.ofMillis(Math.min(capMillis, baseMillis << shift));
  }

  /**
   * The wait after {@code failures} consecutive failures: uniform in {@code [0, window]} (whole
   * milliseconds), or {@code retryAfter} if that is longer.
   */
  public Duration delay(int failures, Optional<Duration> retryAfter, RandomGenerator random) {
    long window = window(failures).toMillis();
    Duration jittered = Duration.ofMillis((long) Math.floor(random.nextDouble() * (window + 1)));
    if (retryAfter.isPresent() && retryAfter.get().compareTo(jittered) > 0) {
      return retryAfter.get();
    }
    return jittered;
  }

  /**
   * When to retry after {@code failures} consecutive failures, the last being {@code error}:
   * {@code clock.instant()} plus {@link #delay}, honouring the error's {@code Retry-After}.
   */
  public Instant retryAt(int failures, LogFetchException error, Clock clock, RandomGenerator random) {
    return clock.instant().plus(delay(failures, error.retryAfter(), random));
  }
}
