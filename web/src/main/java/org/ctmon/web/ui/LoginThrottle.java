package org.ctmon.web.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after {@link #FREE_FAILURES} failed sign-ins for one email, or
 * {@link #FREE_FAILURES_PER_ADDRESS} from one client address, further attempts are refused for a
 * delay that doubles with each failure (30 s, 1 min, 2 min, … at most 15 min). A success clears
 * the email's count; failures are forgotten an hour after the last one. Kept in memory, per node:
 * a restart forgets it. Thread safe.
 */
final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 20;
  static final Duration FIRST_DELAY = Duration.ofSeconds(30);
  static final Duration MAX_DELAY = Duration.ofMinutes(15);
  private static final Duration FORGET_AFTER = Duration.ofHours(1);
  private static final int MAX_KEYS = 100_000;
  private final Clock clock;
  private final Map<String, Failures> failures = new HashMap<>();

  private record Failures(int count, Instant last) {}

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must still wait before trying this email from this address; empty when it may try now. */
  synchronized Optional<Duration> wait(String email, String address) {
    Instant now = clock.instant();
    Duration byEmail = remaining(emailKey(email), FREE_FAILURES, now);
    Duration byAddress = remaining(addressKey(address), FREE_FAILURES_PER_ADDRESS, now);
    Duration longer = byEmail.compareTo(byAddress) >= 0 ? byEmail : byAddress;
    return longer.isZero() ? Optional.empty() : Optional.of(longer);
  }

  /** Counts a failed sign-in against the email and the address. */
  synchronized void failed(String email, String address) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_KEYS) {
      failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
    }
    for (String key : new String[] {emailKey(email), addressKey(address)}) {
      Failures f = current(key, now);
      failures.put(key, new Failures(f == null ? 1 : f.count() + 1, now));
    }
  }

  /** A successful sign-in: the email starts afresh (the address keeps its count). */
  synchronized void succeeded(String email) {
    failures.remove(emailKey(email));
  }

  private Duration remaining(String key, int free, Instant now) {
    Failures f = current(key, now);
    if (f == null || f.count() < free) {
      return Duration.ZERO;
    }
    Duration delay = delay(f.count() - free);
    Duration left = Duration.between(now, f.last().plus(delay));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The delay after {@code extra} failures beyond the free ones: 30 s doubling, capped. */
  static Duration delay(int extra) {
    if (extra >= 10) {
      return MAX_DELAY;
    }
    Duration d = FIRST_DELAY.multipliedBy(1L << extra);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }

  private Failures current(String key, Instant now) {
    Failures f = failures.get(key);
    if (f != null && f.last().plus(FORGET_AFTER).isBefore(now)) {
      failures.remove(key);
      return null;
    }
    return f;
  }

  private static String emailKey(String email) {
    return "email " + email.strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static String addressKey(String address) {
    return "address " + address;
  }
}
