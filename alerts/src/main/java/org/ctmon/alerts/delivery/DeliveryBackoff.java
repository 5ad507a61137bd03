package org.ctmon.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential backoff with full jitter, from 30 s doubling
 * per attempt to a cap of one hour, unless the receiver said when (a {@code Retry-After} of
 * seconds or an HTTP date, also capped at one hour). Full jitter spreads the retries of many
 * alerts that failed together (a receiver down) instead of sending them back in one burst.
 * Thread safe when the random generator is.
 */
public final class DeliveryBackoff {
  /** The first retry's ceiling. */
  public static final Duration BASE = Duration.ofSeconds(30);
  /** No retry is scheduled further away than this. */
  public static final Duration CAP = Duration.ofHours(1);
  private static final Duration FLOOR = Duration.ofSeconds(1);
  private final Clock clock;
  private final RandomGenerator random;

  public DeliveryBackoff(Clock clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  /**
   * When to retry after the failure of attempt number {@code failedAttempts} (1 for the first
   * attempt): a uniformly random delay in [1 s, min(cap, 30 s × 2^(failedAttempts-1))].
   */
  public Instant next(int failedAttempts) {
    int doublings = Math.max(0, Math.min(failedAttempts - 1, 20));
    long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << doublings);
    long delay = Math.max(FLOOR.toMillis(), random.nextLong(ceiling + 1));
    return clock.instant().plusMillis(delay);
  }

  /**
   * As {@link #next(int)}, but a parseable {@code Retry-After} value wins: that many seconds,
   * or that HTTP date, capped at one hour and never in the past.
   */
  public Instant next(int failedAttempts, Optional<String> retryAfter) {
    return retryAfter.flatMap(this::retryAfter)
        .map(d -> clock.instant().plus(d.compareTo(CAP) > 0 ? CAP : d))
        .orElseGet(() -> next(failedAttempts));
  }

  private Optional<Duration> retryAfter(String value) {
    String v = value.trim();
    try {
      if (v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
        return Optional.of(v.length() > 9 ? CAP : Duration.ofSeconds(Long.parseLong(v)));
      }
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration d = Duration.between(clock.instant(), at);
      return Optional.of(d.isNegative() ? Duration.ZERO : d);
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
