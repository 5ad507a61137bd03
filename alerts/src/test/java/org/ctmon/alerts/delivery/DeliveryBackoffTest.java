package org.ctmon.alerts.delivery;

import org.ctmon.testlog.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class DeliveryBackoffTest {
  private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
  private final ManualClock clock = new ManualClock(NOW);

  @Test
  void eachRetryIsWithinItsDoublingCeilingAndNeverBeyondAnHour() {
    DeliveryBackoff backoff = new DeliveryBackoff(clock, new SplittableRandom(42));
    for (int attempt = 1; attempt <= 40; attempt++) {
      long ceiling = Math.min(3600, 30L << Math.min(attempt - 1, 20));
      for (int i = 0; i < 50; i++) {
        Instant next = backoff.next(attempt);
        assertFalse(next.isBefore(NOW.plusSeconds(1)), "at least a second");
        assertFalse(next.isAfter(NOW.plusSeconds(ceiling)), "attempt " + attempt + " within " + ceiling + " s");
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameSchedule() {
    DeliveryBackoff a = new DeliveryBackoff(clock, new SplittableRandom(7));
    DeliveryBackoff b = new DeliveryBackoff(clock, new SplittableRandom(7));
    for (int attempt = 1; attempt < 10; attempt++) {
      assertEquals(a.next(attempt), b.next(attempt));
    }
  }

  @Test
  void retryAfterInSecondsOrAsAnHttpDateWinsCappedAtAnHour() {
    DeliveryBackoff backoff = new DeliveryBackoff(clock, new SplittableRandom(1));
    assertEquals(NOW.plusSeconds(7), backoff.next(1, Optional.of("7")));
    assertEquals(NOW.plusSeconds(90), backoff.next(1, Optional.of("Sun, 01 Feb 2026 00:01:30 GMT")));
    assertEquals(NOW, backoff.next(1, Optional.of("Sat, 31 Jan 2026 23:00:00 GMT")), "a date in the past: now");
    assertEquals(NOW.plus(Duration.ofHours(1)), backoff.next(1, Optional.of("86400")));
    assertEquals(NOW.plus(Duration.ofHours(1)), backoff.next(1, Optional.of("99999999999999999999")));
  }

  @Test
  void anUnreadableRetryAfterFallsBackToTheBackoff() {
    DeliveryBackoff backoff = new DeliveryBackoff(clock, new SplittableRandom(3));
    Instant next = backoff.next(1, Optional.of("soon"));
    assertFalse(next.isAfter(NOW.plusSeconds(30)));
    assertFalse(next.isBefore(NOW.plusSeconds(1)));
  }
}
