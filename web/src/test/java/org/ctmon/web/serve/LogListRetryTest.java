package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ctmon.testlog.ManualClock;
import org.junit.jupiter.api.Test;

class LogListRetryTest {
  private static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
  private final ManualClock clock = new ManualClock(T0);
  private final AtomicBoolean standingIn = new AtomicBoolean(true);
  private final List<Long> askedAt = new ArrayList<>();
  private final AtomicInteger finished = new AtomicInteger();
  private final LogListRetry retry = new LogListRetry(standingIn::get,
      () -> askedAt.add(Duration.between(T0, clock.instant()).toSeconds()), Duration.ofMinutes(1), clock,
      finished::incrementAndGet);

  @Test
  void asksAgainAfter5SecondsThenTwiceAsLongUntilTheRegularRefreshTakesOver() {
    tick(300);
    assertEquals(List.of(5L, 15L, 35L, 75L), askedAt, "5 s, then 10, 20, 40; the next wait, 80 s, passes the 60 s refresh");
    assertEquals(1, finished.get(), "done once, and then quiet");
  }

  @Test
  void isDoneAsSoonAsTheConfiguredListLoaded() {
    tick(6);
    standingIn.set(false); // the retry at 5 s loaded it, or the regular refresh did
    tick(100);
    assertEquals(List.of(5L), askedAt);
    assertEquals(1, finished.get());
  }

  private void tick(int seconds) {
    for (int s = 0; s < seconds; s++) {
      retry.run();
      clock.advance(Duration.ofSeconds(1));
    }
  }
}
