package org.ctmon.testlog;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ctmon.testlog.log.TestLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints how fast test logs fill (run with {@code -Pbench}; {@code -Dtestlog.bench.entries=N}). */
@Tag("bench")
final class GenerationBenchTest {
  @Test
  void printsEntriesPerSecondOfFillingTwoLogs() {
    long n = Long.getLong("testlog.bench.entries", 50_000);
    Clock clock = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long heap0 = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    try (TestLogServer server = TestLogServer.start(TestLogOptions.defaults().withEntries(n), SharedPki.PKI, clock)) {
      double s = (System.nanoTime() - t0) / 1e9;
      long entries = server.logs().stream().mapToLong(TestLog::appendedSize).sum();
      System.gc();
      long heap = rt.totalMemory() - rt.freeMemory() - heap0;
      System.out.printf("testlog generation: %d issuances, %d entries in %d logs in %.1f s: %.0f entries/s, "
              + "%.0f issuances/s on %d cores; heap %.0f MB (%.0f bytes/entry)%n",
          server.feed().issued(), entries, server.logs().size(), s, entries / s, server.feed().issued() / s,
          rt.availableProcessors(), heap / 1e6, (double) heap / entries);
    }
  }
}
