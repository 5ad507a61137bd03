package org.ctmon.fetcher.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.LogFollower;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.log.LogProtocol;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up throughput of one follower from the test log over loopback HTTP into an H2 file store:
 * entries/s and CPU ms per 1,000 entries, printed, not asserted. Run with
 * {@code mvn -Pbench test -pl fetcher -am -Dtest=LogFollowerBenchmarkTest} and
 * {@code -Dctmon.bench.entries=N} (default 5,000 entries per log).
 */
@Tag("bench")
final class LogFollowerBenchmarkTest {
  private static final long ENTRIES = Long.getLong("ctmon.bench.entries", 5_000L);

  @TempDir
  Path dir;

  @Test
  void printsCatchUpThroughputForBothProtocols() {
    TestLogOptions options = TestLogOptions.defaults()
        .withProtocols(List.of(LogProtocol.RFC6962, LogProtocol.STATIC))
        .withBatchCap(256)
        .withEntries(ENTRIES)
        .withCacheDir(Path.of(System.getProperty("java.io.tmpdir"), "ctmon-testlog-cache"));
    try (FollowerHarness h = FollowerHarness.prefilled(dir, options)) {
      for (String name : List.of("rfc6962-0", "static-1")) {
        FollowerConfig config = FollowerConfig.DEFAULT.withStartAt(StartPosition.BEGINNING)
            .withFetching(256, 4, 0).withCommitEntries(Integer.getInteger("ctmon.bench.commit", FollowerConfig.DEFAULT.commitEntries()));
        long[] commitNanos = new long[1];
        LogFollower f = h.follower(name, config, b -> {
          long c0 = System.nanoTime();
          try {
            return h.ingest.commit(b);
          } finally {
            commitNanos[0] += System.nanoTime() - c0;
          }
        });
        long size = h.testLog(name).publishedSize();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        f.runOnce();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        assertEquals(size, f.status().position(), () -> f.status().toString());
        System.out.printf("follower bench %s: %d entries in %.2f s = %.0f entries/s, %.1f cpu ms per 1000 entries"
                + " (test log server in the same JVM), %.2f s of it committing, %d cores%n",
            name, size, seconds, size / seconds, cpuMs / size * 1000, commitNanos[0] / 1e9,
            Runtime.getRuntime().availableProcessors());
      }
    }
  }
}
