package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ctmon.testlog.ManualClock;
import org.junit.jupiter.api.Test;

class LogListRetryTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T08:00:00Z"));
  private final AtomicBoolean standingIn = new AtomicBoolean(true);
  private final List<Instant> asked = new ArrayList<>();
  private final LogListRetry retry = new LogListRetry(standingIn::get, () -> asked.add(clock.instant()),
      Duration.ofMinutes(1), clock);

  @Test
  void asksAgainAfter5SecondsThenTwiceAsLongEachTimeUpToTheRefreshInterval() {
    for (int s = 0; s < 200; s++) {
      retry.run();
      clock.advance(Duration.ofSeconds(1));
    }
    Instant t0 = Instant.parse("2026-11-29T08:00:00Z");
    assertEquals(List.of(5L, 15L, 35L, 75L, 135L, 195L), asked.stream().map(t -> Duration.between(t0, t).toSeconds()).toList(),
        "5 s, then 10, 20, 40, then the 60 s cap");
  }

  @Test
  void asksNothingOnceTheConfiguredListLoaded() {
    clock.advance(Duration.ofSeconds(5));
    retry.run();
    standingIn.set(false);
    for (int s = 0; s < 100; s++) {
      clock.advance(Duration.ofSeconds(1));
      retry.run();
    }
    assertEquals(1, asked.size());
  }
}
