package org.ctmon.fetcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class RetryAfterTest {
  private static final Instant NOW = Instant.parse("1994-11-06T08:49:00Z");

  @Test
  void readsDelaySeconds() {
    assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse("120", null, NOW));
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(" 0 ", null, NOW));
  }

  @Test
  void readsAnImfFixdateAgainstTheLocalClockWhenTheResponseHasNoDate() {
    // RFC 9110's example date; 37 s after NOW.
    assertEquals(Optional.of(Duration.ofSeconds(37)), RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", null, NOW));
  }

  @Test
  void prefersTheResponsesDateHeaderToTheLocalClock() {
    assertEquals(Optional.of(Duration.ofSeconds(7)),
        RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:30 GMT", NOW));
  }

  @Test
  void aDateInThePastMeansNow() {
    assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Sun, 06 Nov 1994 08:00:00 GMT", null, NOW));
  }

  @Test
  void capsLongWaitsAtTenMinutes() {
    assertEquals(Optional.of(Duration.ofMinutes(10)), RetryAfter.parse("86400", null, NOW));
    assertEquals(Optional.of(Duration.ofMinutes(10)), RetryAfter.parse("99999999999999999999", null, NOW));
    assertEquals(Optional.of(Duration.ofMinutes(10)), RetryAfter.parse("Mon, 07 Nov 1994 08:49:00 GMT", null, NOW));
  }

  @Test
  void ignoresGarbage() {
    assertEquals(Optional.empty(), RetryAfter.parse("soon", null, NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("-5", null, NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("1.5", null, NOW));
    assertEquals(Optional.empty(), RetryAfter.parse("", null, NOW));
    assertEquals(Optional.empty(), RetryAfter.parse(null, null, NOW));
  }
}
