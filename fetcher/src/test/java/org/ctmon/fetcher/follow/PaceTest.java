package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ctmon.fetcher.http.Backoff;
import org.ctmon.fetcher.http.LogHttpException;
import org.ctmon.fetcher.http.LogTransportException;
import org.ctmon.testlog.ManualClock;
import org.junit.jupiter.api.Test;

final class PaceTest {
  private static final URI LOG = URI.create("https://ct.example/log/");
  private static final Duration FAST = Duration.ofMillis(20);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-06T12:00:00Z"));

  private Pace pace(int batchSize, int parallelism, double requestsPerSecond) {
    return new Pace(FollowerConfig.DEFAULT.withFetching(batchSize, parallelism, requestsPerSecond), clock,
        new SplittableRandom(7));
  }

  private static LogHttpException http(int status, Optional<Duration> retryAfter) {
    return new LogHttpException(LOG, "entries 0-999", status, retryAfter, "");
  }

  @Test
  void theWindowStartsAtTwoAndGrowsWithFastCleanAnswersUpToTheCeiling() {
    Pace p = pace(1000, 8, 0);
    assertEquals(2, p.window());
    for (int i = 0; i < 3; i++) {
      p.succeeded(p.take(), FAST);
    }
    assertEquals(5, p.window(), "one more per answer before the first cut");
    for (int i = 0; i < 50; i++) {
      p.succeeded(p.take(), FAST);
    }
    assertEquals(8, p.window(), "never past fetch.parallelism");
    assertTrue(p.status(0).lastChange().contains("fast and clean"), p.status(0).lastChange());
  }

  @Test
  void anAnswerToARequestSentBeforeAFailedOneDoesNotResetTheFailureCount() {
    Pace p = pace(1000, 8, 0);
    Pace.Turn earlier = p.take();
    Pace.Turn later = p.take();
    p.failed(later, http(500, Optional.empty()), Backoff.DEFAULT);
    p.succeeded(earlier, FAST);
    assertEquals(1, p.consecutiveFailures(), "the failed request is still the last one sent");
    p.succeeded(p.take(), FAST);
    assertEquals(0, p.consecutiveFailures());
  }

  @Test
  void slowAnswersDoNotGrowTheWindow() {
    Pace p = pace(1000, 8, 0);
    p.succeeded(p.take(), FAST);
    int before = p.window();
    for (int i = 0; i < 10; i++) {
      p.succeeded(p.take(), Duration.ofSeconds(2));
    }
    assertEquals(before, p.window());
  }

  @Test
  void throttlingHalvesTheWindowOncePerWindowAndGrowthIsThenOnePerWindowOfAnswers() {
    Pace p = pace(1000, 16, 0);
    for (int i = 0; i < 20; i++) {
      p.succeeded(p.take(), FAST);
    }
    assertEquals(16, p.window());
    // Four requests in flight under the same window all come back 429: one cut, not four.
    Pace.Turn[] turns = {p.take(), p.take(), p.take(), p.take()};
    for (Pace.Turn t : turns) {
      p.failed(t, http(429, Optional.empty()), Backoff.DEFAULT);
    }
    assertEquals(8, p.window());
    assertTrue(p.status(0).lastChange().startsWith("HTTP 429: 8 in flight"), p.status(0).lastChange());

    // A request sent after the cut cuts again.
    p.failed(p.take(), http(503, Optional.empty()), Backoff.DEFAULT);
    assertEquals(4, p.window());

    // Congestion avoidance: a window's worth of answers (and a little) for one more.
    for (int i = 0; i < 4; i++) {
      p.succeeded(p.take(), FAST);
    }
    assertEquals(4, p.window());
    p.succeeded(p.take(), FAST);
    assertEquals(5, p.window());
  }

  @Test
  void timeoutsCutTheWindowButAServerErrorOnlyBacksOff() {
    Pace p = pace(1000, 8, 0);
    for (int i = 0; i < 10; i++) {
      p.succeeded(p.take(), FAST);
    }
    p.failed(p.take(), http(500, Optional.empty()), Backoff.DEFAULT);
    assertEquals(8, p.window(), "a 500 says nothing about load");
    LogTransportException timeout = new LogTransportException(LOG, "entries 0-999",
        new SocketTimeoutException("timeout"));
    p.failed(p.take(), timeout, Backoff.DEFAULT);
    assertEquals(4, p.window());
    assertEquals(2, p.consecutiveFailures());
  }

  @Test
  void theWindowNeverGoesBelowOne() {
    Pace p = pace(1000, 8, 0);
    for (int i = 0; i < 10; i++) {
      p.failed(p.take(), http(429, Optional.empty()), Backoff.DEFAULT);
    }
    assertEquals(1, p.window());
  }

  @Test
  void retryAfterHoldsEveryRequestToTheLogAndWinsOverAShorterBackoff() {
    Pace p = pace(1000, 8, 0);
    Duration wait = p.failed(p.take(), http(429, Optional.of(Duration.ofSeconds(30))), Backoff.DEFAULT);
    assertEquals(Duration.ofSeconds(30), wait, "the first backoff window is 1 s; the log asked for 30");
    assertEquals(Duration.ofSeconds(30), p.take().delay(), "any other request waits too");
    clock.advance(Duration.ofSeconds(10));
    assertEquals(Duration.ofSeconds(20), p.take().delay());
    assertEquals(Optional.of(clock.instant().plusSeconds(20)), p.status(0).notBefore());
    clock.advance(Duration.ofSeconds(20));
    assertEquals(Duration.ZERO, p.take().delay());
  }

  @Test
  void theBackoffGrowsWithFailedRequestsInARowAndStartsAgainAtTheFirstSuccess() {
    Pace p = pace(1000, 8, 0);
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));
    long longest = 0;
    for (int i = 1; i <= 8; i++) {
      Duration d = p.failed(p.take(), http(500, Optional.empty()), backoff);
      assertTrue(d.compareTo(backoff.window(i)) <= 0, i + ": " + d);
      longest = Math.max(longest, d.toMillis());
    }
    assertEquals(8, p.consecutiveFailures());
    assertTrue(longest > 1000, "the waits grew past the first window: " + longest + " ms");
    p.succeeded(p.take(), FAST);
    assertEquals(0, p.consecutiveFailures());
    Duration after = p.failed(p.take(), http(500, Optional.empty()), backoff);
    assertTrue(after.compareTo(Duration.ofSeconds(1)) <= 0, "back to the first window: " + after);
  }

  @Test
  void theRateCeilingSpacesRequestsWhenOneIsSet() {
    Pace p = pace(1000, 2, 10);
    assertEquals(Duration.ZERO, p.take().delay());
    assertEquals(Duration.ZERO, p.take().delay());
    assertEquals(Duration.ofMillis(100), p.take().delay());
    assertEquals(Duration.ofMillis(200), p.take().delay());
  }

  @Test
  void aLogWhosePagesHold32EntriesIsAskedFor32AlignedToItsPages() {
    Pace p = pace(1000, 8, 0);
    assertEquals(1000, p.nextUnitSize());
    // Starting mid-page (index 5): Google's logs answer to the end of their 32-entry page. A
    // short page from an unaligned start teaches nothing yet.
    p.page(5, 995, 27, false);
    assertEquals(1000, p.pageSize());
    p.page(32, 968, 32, false);
    assertEquals(32, p.pageSize());
    assertTrue(p.status(0).lastChange().contains("pages of 32"), p.status(0).lastChange());
    assertEquals(32, p.nextUnitSize());
  }

  @Test
  void aLogThatDoesNotAlignIsLearnedFromTwoEqualShortPages() {
    Pace p = pace(1000, 8, 0);
    p.page(5, 995, 100, false);
    assertEquals(1000, p.pageSize());
    p.page(105, 895, 100, false);
    assertEquals(100, p.pageSize());
  }

  @Test
  void aFewEntriesBeforeAnAlignedLogsPageBoundaryDoNotShrinkThePageLearned() {
    Pace p = pace(1000, 8, 0);
    p.page(10752, 1000, 256, false); // 10752 = 42 * 256
    assertEquals(256, p.pageSize());
    // [11000, 12000) is answered up to 11008, the next multiple of 256: 8 entries from a start
    // that 8 divides. Once is no lesson.
    p.page(11000, 1000, 8, false);
    assertEquals(256, p.pageSize());
    p.page(11008, 992, 256, false);
    assertEquals(256, p.pageSize());
  }

  @Test
  void aFirstLessonTooSmallIsCorrectedByTheNextLargerPage() {
    Pace p = pace(1000, 8, 0);
    p.page(11000, 1000, 8, false); // the first request of a catch-up, just before a page boundary
    assertEquals(8, p.pageSize());
    p.page(11008, 992, 256, false);
    assertEquals(256, p.pageSize(), "the log served 256 at once: its pages hold at least that");
  }

  @Test
  void aShortPageAtTheTreesEndTeachesNothing() {
    Pace p = pace(1000, 8, 0);
    p.page(0, 1000, 1000, false);
    p.page(1000, 1000, 1000, false);
    // A frontend behind the head the follower is fetching toward serves fewer near the end.
    p.page(2000, 400, 17, true);
    p.page(2017, 383, 17, true);
    assertEquals(1000, p.pageSize());
  }

  @Test
  void afterManyFullPagesALargerPageIsTriedAndKeptWhenTheLogServesIt() {
    Pace p = pace(1000, 8, 0);
    p.page(0, 1000, 256, false);
    assertEquals(256, p.pageSize());
    long start = 256;
    for (int i = 0; i < Pace.PROBE_AFTER; i++) {
      assertEquals(256, p.nextUnitSize());
      p.page(start, 256, 256, false);
      start += 256;
    }
    int probe = p.nextUnitSize();
    assertEquals(512, probe);
    assertEquals(256, p.nextUnitSize(), "one probe, then the learned size again");
    p.page(start, probe, probe, false);
    assertEquals(512, p.pageSize());
  }

  @Test
  void aProbeTheLogAnswersShortKeepsThePageSize() {
    Pace p = pace(1000, 8, 0);
    p.page(0, 1000, 32, false);
    long start = 32;
    for (int i = 0; i < Pace.PROBE_AFTER; i++) {
      p.page(start, 32, 32, false);
      start += 32;
    }
    assertEquals(64, p.nextUnitSize());
    p.page(start, 64, 32, false);
    assertEquals(32, p.pageSize());
    assertEquals(32, p.nextUnitSize());
  }

  @Test
  void newLimitsKeepWhatWasLearnedWithinTheNewCeilings() {
    Pace p = pace(1000, 16, 0);
    p.page(0, 1000, 256, false);
    for (int i = 0; i < 20; i++) {
      p.succeeded(p.take(), FAST);
    }
    p.failed(p.take(), http(429, Optional.of(Duration.ofSeconds(60))), Backoff.DEFAULT);
    Pace q = p.withLimits(FollowerConfig.DEFAULT.withFetching(100, 4, 0));
    assertEquals(100, q.pageSize());
    assertEquals(4, q.window());
    assertEquals(1, q.consecutiveFailures());
    assertEquals(p.status(0).notBefore(), q.status(0).notBefore());
  }

  @Test
  void theRequestRateIsMeasuredOverTheLastTenSeconds() {
    Pace p = pace(1000, 8, 0);
    for (int i = 0; i < 50; i++) {
      p.take();
    }
    assertEquals(5.0, p.status(0).requestsPerSecond(), 0.001);
    clock.advance(Duration.ofSeconds(11));
    assertEquals(0.0, p.status(0).requestsPerSecond(), 0.001);
  }

}
