package org.ctmon.fetcher.follow;

import org.ctmon.testlog.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class RateLimiterTest {
  @Test
  void aBurstGoesAtOnceAndFurtherRequestsWaitTheirTurn() {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
    RateLimiter limiter = new RateLimiter(2, 2, clock);
    assertEquals(Duration.ZERO, limiter.reserve());
    assertEquals(Duration.ZERO, limiter.reserve());
    assertEquals(Duration.ofMillis(500), limiter.reserve());
    assertEquals(Duration.ofMillis(1000), limiter.reserve());
    clock.advance(Duration.ofMillis(1500));
    assertEquals(Duration.ZERO, limiter.reserve(), "three tokens came back, two were owed");
  }

  @Test
  void idleTimeRefillsNoMoreThanTheBurst() {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
    RateLimiter limiter = new RateLimiter(10, 3, clock);
    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, limiter.reserve());
    }
    assertEquals(Duration.ofMillis(100), limiter.reserve());
  }

  @Test
  void zeroMeansNoLimit() {
    RateLimiter limiter = new RateLimiter(0, 1, new ManualClock(Instant.EPOCH));
    for (int i = 0; i < 1000; i++) {
      assertEquals(Duration.ZERO, limiter.reserve());
    }
  }
}
