package org.ctmon.fetcher.follow;

import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket: at most {@code perSecond} requests a second on average, bursts of up to
 * {@code burst}. {@link #reserve()} takes a token and says how long the caller must wait before
 * using it; the caller waits (see {@link Sleeper}), so this class never sleeps and tests drive it
 * with a fake clock. Thread safe (the workers of one follower share it).
 */
final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final Clock clock;
  private double tokens;
  private long lastMillis;

  /** @param perSecond requests per second; 0 or less for no limit */
  RateLimiter(double perSecond, int burst, Clock clock) {
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.clock = clock;
    this.tokens = this.burst;
    this.lastMillis = clock.millis();
  }

  /** Takes one token; returns how long to wait before the request may go (zero if now). */
  synchronized Duration reserve() {
    if (perSecond <= 0) {
      return Duration.ZERO;
    }
    long now = clock.millis();
    if (now > lastMillis) {
      tokens = Math.min(burst, tokens + (now - lastMillis) * perSecond / 1000.0);
      lastMillis = now;
    }
    tokens -= 1;
    if (tokens >= 0) {
      return Duration.ZERO;
    }
    // A debt of -tokens is paid back at perSecond.
    return Duration.ofMillis((long) Math.ceil(-tokens * 1000.0 / perSecond));
  }
}
