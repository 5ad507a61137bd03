package org.ctmon.web.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.web.harness.ClusterNodes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Aggregate catch-up rate of 1, 2 and 3 ctmon nodes ({@code cluster.mode: postgresql}, default
 * fetch settings) on one PostgreSQL database over the same four test logs, and the time the
 * survivors take to follow a log of a node killed with {@code kill -9}. Prints figures for
 * docs/benchmarks.md; asserts only that every entry was stored. Run with
 * {@code mvn -B -Pbench test -pl web -am -Dtest=ClusterBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
final class ClusterBenchmark {
  private static final long ENTRIES = Long.getLong("ctmon.bench.clusterEntries", 25_000);
  private static final int RUNS = Integer.getInteger("ctmon.bench.clusterRuns", 2);

  @Test
  void aggregateRateWithOneTwoAndThreeNodesAndTheTakeOverTime(@TempDir Path dir) throws Exception {
    Path cache = Path.of("target", "testlog-cache");
    Files.createDirectories(cache);
    TestLogOptions options = TestLogOptions.defaults().withEntries(ENTRIES).withCacheDir(cache)
        .withProtocols(List.of(LogProtocol.RFC6962, LogProtocol.STATIC, LogProtocol.RFC6962, LogProtocol.STATIC));
    try (TestLogServer logs = TestLogServer.start(options)) {
      long total = logs.logs().stream().mapToLong(TestLog::publishedSize).sum();
      for (int run = 1; run <= RUNS; run++) {
        for (int n = 1; n <= 3; n++) {
          Path d = Files.createDirectories(dir.resolve("run" + run + "-nodes" + n));
          try (ClusterNodes cluster = new ClusterNodes(d)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
              // Each node takes its share of the four logs catching up, not the first one all of them.
              cluster.start(logs.logListUrl(), java.util.Map.of("CTMON_CLUSTER_MAX_LOGS_PER_NODE",
                  Integer.toString((4 + n - 1) / n)), "fetch:", "  contact: ct-test@example.org");
            }
            long[] first = {0};
            ClusterNodes.await(() -> {
              long stored = cluster.count("SELECT COALESCE(SUM(next_index), 0) FROM logs");
              if (stored > 0 && first[0] == 0) {
                first[0] = System.nanoTime();
              }
              return stored == total;
            }, cluster::logs);
            double seconds = (System.nanoTime() - first[0]) / 1e9;
            int nodesUsed = (int) cluster.count("SELECT COUNT(DISTINCT node) FROM follow_runs");
            System.out.printf("cluster bench run %d: %d node(s): %,d entries in %.1f s from the first commit"
                    + " (%.1f s from start): %,.0f entries/s; %d node(s) ran followers%n", run, n, total, seconds,
                (System.nanoTime() - t0) / 1e9, total / seconds, nodesUsed);
            assertEquals(total, cluster.count("SELECT COUNT(*) FROM log_entries")
                + cluster.count("SELECT COUNT(*) FROM malformed_entries"));
          }
        }
        try (ClusterNodes cluster = new ClusterNodes(Files.createDirectories(dir.resolve("run" + run + "-takeover")))) {
          for (int i = 0; i < 3; i++) {
            cluster.start(logs.logListUrl(), "fetch:", "  contact: ct-test@example.org");
          }
          String[] victim = new String[1];
          ClusterNodes.await(() -> {
            List<String> open = cluster.runningNodes();
            if (open.isEmpty() || cluster.count("SELECT COUNT(*) FROM log_entries") < total / 10) {
              return false;
            }
            victim[0] = open.get(0);
            return true;
          }, cluster::logs);
          List<String> jobs = cluster.db.withHandle(h -> h.createQuery(
              "SELECT job FROM follow_runs WHERE node = :node AND ended_at IS NULL").bind("node", victim[0])
              .mapTo(String.class).list());
          Process p = cluster.node(cluster.indexOf(victim[0]));
          p.destroyForcibly();
          p.waitFor(30, TimeUnit.SECONDS);
          long killedAt = System.currentTimeMillis();
          ClusterNodes.await(() -> jobs.stream().allMatch(job -> cluster.count("SELECT COUNT(*) FROM follow_runs"
              + " WHERE job = '" + job + "' AND started_at >= " + killedAt) > 0), cluster::logs);
          long last = 0;
          for (String job : jobs) {
            last = Math.max(last, cluster.count("SELECT MIN(started_at) FROM follow_runs WHERE job = '" + job
                + "' AND started_at >= " + killedAt) - killedAt);
          }
          System.out.printf("cluster bench run %d: take-over of %d log(s) of a killed node: %.1f s after the kill"
              + " (checkinInterval 1s, pollInterval 500ms)%n", run, jobs.size(), last / 1000.0);
          ClusterNodes.await(() -> cluster.count("SELECT COALESCE(SUM(next_index), 0) FROM logs") == total, cluster::logs);
        }
      }
    }
  }
}
