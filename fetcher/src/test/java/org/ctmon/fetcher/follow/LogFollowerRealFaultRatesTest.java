package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.store.log.LogState;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.fault.Fault;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults at the rates real logs show them, over a long catch-up: 429 on one request in ten
 * (Retry-After 1 s), 500 on one in twenty, 20 ms on every answer, short pages, an HTML page in a
 * hundred; alone and all together, on an RFC 6962 log whose pages hold 32 entries (Google's) and on
 * a static log. Each log is caught up in one run, from the product's defaults: a failed request is
 * asked again, not the run. Nothing is lost or stored twice. Time is a benchmark's figure
 * ({@code DefaultsPeerBenchmark}), not asserted here.
 */
final class LogFollowerRealFaultRatesTest {
  private static final long ENTRIES = 4_000;
  private static final List<String> LOGS = List.of("rfc6962-0", "static-1");
  private static final FollowerConfig DEFAULTS = FollowerConfig.DEFAULT.withStartAt(StartPosition.BEGINNING);

  @TempDir
  Path dir;

  static Stream<Arguments> faults() {
    Fault throttled = new Fault.RateLimited(10, Duration.ofSeconds(1));
    Fault serverErrors = new Fault.ServerError(20, 500);
    Fault slow = new Fault.Slow(Duration.ofMillis(20));
    Fault truncated = new Fault.TruncatedPages(20);
    Fault garbage = new Fault.GarbagePages(100);
    return Stream.of(
        Arguments.of("429 at 10%", List.of(throttled), "HTTP 429 (retry after 1 s)"),
        Arguments.of("500 at 5%", List.of(serverErrors), "HTTP 500"),
        Arguments.of("20 ms slow", List.of(slow), null),
        Arguments.of("pages of at most 20", List.of(truncated), null),
        Arguments.of("garbage at 1%", List.of(garbage), "malformed response"),
        Arguments.of("all together", List.of(throttled, serverErrors, slow, truncated, garbage), "error fetching"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void aLogFailingAtRealRatesIsCaughtUpInOneRunWithEveryEntryOnce(String name, List<Fault> faults,
                                                                  String expectedError) {
    try (FollowerHarness h = FollowerHarness.prefilled(dir,
        TestLogOptions.defaults().withEntries(ENTRIES).withBatchCap(32))) {
      for (String log : LOGS) {
        h.testLog(log).faults().clear();
        faults.forEach(h.testLog(log).faults()::add);
        long size = h.testLog(log).publishedSize();
        LogFollower f = h.follower(log, DEFAULTS);
        f.runOnce();

        FollowerStatus s = f.status();
        assertEquals(FollowerHealth.OK, s.health(), () -> log + ": " + s);
        assertEquals(size, s.position(), () -> log + ": " + s);
        assertEquals(size, s.verified().orElseThrow().treeSize(), log);
        long[] stats = h.entryStats(log);
        assertEquals(List.of(size, size, 0L, size - 1), List.of(stats[0], stats[1], stats[2], stats[3]),
            log + ": every entry once");
        LogState stored = h.logs.state(h.logId(log)).orElseThrow();
        assertEquals(h.testLog(log).head().rootHash(), stored.rangeRoot().orElseThrow(), log);
        if (expectedError != null && log.startsWith("rfc6962")) {
          // Pages of 32 make enough requests for every fault to strike, and it is reported.
          assertTrue(s.lastError().orElseThrow().contains(expectedError), () -> log + ": " + s.lastError());
          assertTrue(s.lastErrorAt().isPresent());
        }
        if (log.startsWith("rfc6962")) {
          int page = faults.stream().anyMatch(x -> x instanceof Fault.TruncatedPages) ? 20 : 32;
          assertEquals(page, s.pace().pageSize(), () -> log + " learned its page size: " + s.pace());
        }
      }
    }
  }
}
