package org.ctmon.fetcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

final class BackoffTest {
  /** Returns the given fractions from nextDouble(), in order: jitter chosen by the test. */
  private static final class ScriptedRandom implements RandomGenerator {
    private final double[] fractions;
    private int next;

    ScriptedRandom(double... fractions) {
      this.fractions = fractions;
    }

    @Override
    public double nextDouble() {
      return fractions[next++];
    }

    @Override
    public long nextLong() {
      throw new AssertionError("backoff draws doubles");
    }
  }

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void windowsDoubleFromTheBaseUpToTheCap() {
    List<Duration> windows = new ArrayList<>();
    for (int failures = 1; failures <= 11; failures++) {
      windows.add(Backoff.DEFAULT.window(failures));
    }
    List<Duration> expected = new ArrayList<>();
    for (long s : new long[] {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300}) {
      expected.add(Duration.ofSeconds(s));
    }
    assertEquals(expected, windows);
  }

  @Test
  void theWindowStaysAtTheCapForever() {
    assertEquals(Duration.ofMinutes(5), Backoff.DEFAULT.window(63));
    assertEquals(Duration.ofMinutes(5), Backoff.DEFAULT.window(Integer.MAX_VALUE));
  }

  @Test
  void fullJitterPicksUniformlyWithinTheWindow() {
    // failures 1..4: windows 1 s, 2 s, 4 s, 8 s (+1 ms, inclusive); fractions 0, 0.5, 0.25, 0.999999.
    ScriptedRandom random = new ScriptedRandom(0.0, 0.5, 0.25, 0.999999);
    assertEquals(Duration.ZERO, Backoff.DEFAULT.delay(1, Optional.empty(), random));
    assertEquals(Duration.ofMillis(1000), Backoff.DEFAULT.delay(2, Optional.empty(), random)); // 0.5 * 2001
    assertEquals(Duration.ofMillis(1000), Backoff.DEFAULT.delay(3, Optional.empty(), random)); // 0.25 * 4001
    assertEquals(Duration.ofMillis(8000), Backoff.DEFAULT.delay(4, Optional.empty(), random));
  }

  @Test
  void aLongerRetryAfterWins() {
    assertEquals(Duration.ofSeconds(30),
        Backoff.DEFAULT.delay(1, Optional.of(Duration.ofSeconds(30)), new ScriptedRandom(0.9)));
  }

  @Test
  void aShorterRetryAfterDoesNotShortenTheBackoff() {
    // Window after 9 failures is 256 s; half of it is longer than the log's 10 s.
    assertEquals(Duration.ofMillis(128000),
        Backoff.DEFAULT.delay(9, Optional.of(Duration.ofSeconds(10)), new ScriptedRandom(0.5)));
  }

  @Test
  void retryAtAddsTheDelayToTheClockAndHonoursTheErrorsRetryAfter() {
    LogHttpException throttled = new LogHttpException(URI.create("https://log.example/"), "sth", 429,
        Optional.of(Duration.ofSeconds(45)), "");
    assertEquals(Instant.parse("2026-11-28T12:00:45Z"),
        Backoff.DEFAULT.retryAt(1, throttled, CLOCK, new ScriptedRandom(0.5)));
    LogHttpException failing = new LogHttpException(URI.create("https://log.example/"), "sth", 503,
        Optional.empty(), "");
    assertEquals(Instant.parse("2026-11-28T12:00:02Z"),
        Backoff.DEFAULT.retryAt(3, failing, CLOCK, new ScriptedRandom(0.5))); // 0.5 * 4001 ms
  }

  @Test
  void aSeededSequenceIsReproducibleAndStaysInItsWindows() {
    Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(20));
    List<Duration> first = sequence(b, new SplittableRandom(42));
    List<Duration> again = sequence(b, new SplittableRandom(42));
    assertEquals(first, again);
    for (int i = 0; i < first.size(); i++) {
      Duration d = first.get(i);
      assertTrue(!d.isNegative() && d.compareTo(b.window(i + 1)) <= 0, "delay " + i + " = " + d);
    }
    assertTrue(first.stream().distinct().count() > 10, "jitter varies: " + first);
  }

  private static List<Duration> sequence(Backoff b, RandomGenerator random) {
    List<Duration> out = new ArrayList<>();
    for (int failures = 1; failures <= 20; failures++) {
      out.add(b.delay(failures, Optional.empty(), random));
    }
    return out;
  }

  @Test
  void rejectsNonsense() {
    assertEquals("backoff cap PT1S is below its base PT2S", assertThrows(IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).getMessage());
    assertEquals("failures 0 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> Backoff.DEFAULT.window(0)).getMessage());
  }
}
