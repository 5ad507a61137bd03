package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ctmon.fetcher.harness.ChildFollower;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.fetcher.harness.PostgresSchema;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.Logs;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.TestIssuance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the ingesting JVM ({@code kill -9}) at seeded random moments of a catch-up of both
 * protocols, restarts it each time, and then proves from the database alone that nothing was lost
 * or doubled and that the compact range reproduces each log's signed root.
 */
final class CrashSafetyTest {
  private static final int ISSUANCES = 900;
  private static final int KILLS = 24;
  /** Pages of 16 and commits of 16 entries: hundreds of commits, so kills land in them. */
  private static final int PAGE = 16;

  @TempDir
  Path dir;

  @Test
  void killingTheIngestingJvmAtRandomMomentsLosesAndDoublesNothing() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("ctmon");
    killAndRestart("h2", url, List.of(), StoreConfig.defaults().withDatabase(url, "", ""));
  }

  /** The same on PostgreSQL, as several nodes or a big install run it: a node rebooted at any moment. */
  @Test
  void killingTheIngestingJvmAtRandomMomentsLosesAndDoublesNothingOnPostgresql() throws Exception {
    try (PostgresSchema pg = new PostgresSchema()) {
      killAndRestart("postgresql", pg.url, pg.childProperties(),
          StoreConfig.defaults().withDatabase(pg.url, pg.user, pg.password));
    }
  }

  private void killAndRestart(String database, String url, List<String> childProperties, StoreConfig storeConfig)
      throws Exception {
    long t0 = System.nanoTime();
    TestLogOptions options = TestLogOptions.defaults().withBatchCap(PAGE);
    try (TestLogServer server = TestLogServer.start(options, FollowerHarness.PKI, Clock.systemUTC())) {
      List<TestIssuance> issued = server.grow(ISSUANCES);
      server.publish();
      Path list = server.writeLogList(dir.resolve("log_list.json"));
      Map<String, Long> sizes = new HashMap<>();
      long total = 0;
      for (TestLog log : server.logs()) {
        sizes.put(log.name(), log.publishedSize());
        total += log.publishedSize();
      }
      System.out.printf("crash safety (%s): %d issuances, logs %s, made in %.1f s%n", database, issued.size(), sizes,
          (System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();

      // Kill targets: combined positions spread over the first 90% of the catch-up.
      Random random = new Random(6962);
      long[] targets = new long[KILLS];
      for (int i = 0; i < KILLS; i++) {
        targets[i] = (long) (random.nextDouble() * total * 0.9);
      }
      java.util.Arrays.sort(targets);

      List<String> args = List.of(list.toString(), url, String.valueOf(PAGE), String.valueOf(PAGE), "2");
      List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
      jvm.addAll(childProperties);
      Path stderr = dir.resolve("child.err");
      Map<String, Long> progress = new HashMap<>();
      List<String> kills = new ArrayList<>();
      int midCommit = 0;
      int starts = 0;
      boolean done = false;
      int next = 0;
      List<String> lost = new ArrayList<>();
      while (!done) {
        starts++;
        if (starts > KILLS + 10) {
          fail("the child never finished after " + starts + " starts; stderr:\n" + stderrTail(stderr));
        }
        try (ChildFollower child = ChildFollower.start(jvm, args, stderr)) {
          boolean killThisRun = next < KILLS;
          boolean waitForBegin = next % 2 == 0;
          boolean armed = false;
          Set<String> resumed = new HashSet<>();
          while (true) {
            String line = child.next(60_000);
            if (line == null) {
              fail("the child printed nothing for 60 s; stderr:\n" + child.stderrTail());
            }
            if (line.equals(ChildFollower.EOF)) {
              int rc = child.process.waitFor();
              assertEquals(0, rc, () -> "child exit code; stderr:\n" + child.stderrTail());
              done = child.seen.stream().anyMatch(l -> l.startsWith("DONE "));
              assertTrue(done, "the child exited without DONE; stderr:\n" + child.stderrTail());
              break;
            }
            if (line.startsWith("BEGIN ")) {
              String[] p = line.split(" ");
              long from = Long.parseLong(p[2]);
              long acked = progress.getOrDefault(p[1], 0L);
              if (resumed.add(p[1]) && from < acked) {
                // A commit returned (END printed) and yet the next run resumes before it.
                lost.add(p[1] + " [" + from + ", " + acked + ")");
              }
            }
            if (line.startsWith("END ")) {
              String[] p = line.split(" ");
              progress.put(p[1], Long.parseLong(p[2]));
            }
            if (!killThisRun) {
              continue;
            }
            long combined = progress.values().stream().mapToLong(Long::longValue).sum();
            if (!armed && combined >= targets[next]) {
              armed = true;
            }
            if (armed && (!waitForBegin || line.startsWith("BEGIN "))) {
              // Right after a BEGIN (the store is inside the transaction), or after a random pause.
              child.killAfter(waitForBegin ? random.nextInt(3) : random.nextInt(25));
              child.drain(5_000);
              String at = child.lastMarker();
              boolean inCommit = at.startsWith("BEGIN ");
              if (inCommit) {
                midCommit++;
              }
              kills.add(String.format("kill %2d at combined %5d: %s", next + 1, combined,
                  inCommit ? "mid-commit of " + at.substring(6) : at.isEmpty() ? "before any commit"
                      : "between commits, after " + at.substring(4)));
              next++;
              break;
            }
          }
        }
      }
      kills.forEach(k -> System.out.println("crash safety (" + database + "): " + k));
      System.out.printf("crash safety (%s): %d kills (%d mid-commit), %d starts, %d entries in %s, %.1f s%n",
          database, kills.size(), midCommit, starts, total, sizes, (System.nanoTime() - t1) / 1e9);
      System.out.println("crash safety (" + database + "): commits that had returned but were rolled back by the"
          + " kill (re-fetched on restart): " + lost);
      assertTrue(kills.size() >= 20, "at least 20 kills landed: " + kills.size());
      assertTrue(midCommit >= 3, "several kills landed mid-commit: " + midCommit);
      // A commit that returned is durable (H2 WRITE_DELAY=0; PostgreSQL commits on the server): a
      // kill never takes back a batch whose alerts may already have gone out.
      assertEquals(List.of(), lost, "commits that had returned were lost to kill -9");

      try (Store store = Store.open(storeConfig)) {
        Logs logs = new Logs(store.jdbi(), Clock.systemUTC());
        for (TestLog log : server.logs()) {
          long size = log.publishedSize();
          Sha256 id = log.logKey().logId();
          assertArrayEquals(new long[] {size, size, 0, size - 1}, entryStats(store, id),
              log.name() + ": entries, distinct indices, min index, max index");
          LogState state = logs.state(id).orElseThrow();
          assertEquals(size, state.nextIndex(), log.name() + ": position");
          assertEquals(log.head().rootHash(), state.rangeRoot().orElseThrow(),
              log.name() + ": stored compact-range root is the signed root");
          assertEquals(size, state.verified().orElseThrow().treeSize(), log.name() + ": verified size");
          assertEquals(0L, count(store, "SELECT COUNT(*) FROM log_incidents i JOIN logs l ON l.id = i.log"
              + " WHERE l.log_id = :id", id), log.name() + ": incidents");
          assertEquals(0L, count(store, "SELECT COUNT(*) FROM malformed_entries m JOIN logs l ON l.id = m.log"
              + " WHERE l.log_id = :id", id), log.name() + ": malformed entries");
        }
        Set<Sha256> expected = new HashSet<>();
        issued.forEach(i -> expected.add(i.tbsSha256()));
        List<Sha256> stored = store.jdbi().withHandle(h -> h.createQuery("SELECT tbs_sha256 FROM issuances")
            .map((rs, ctx) -> Sha256.wrap(rs.getBytes(1))).list());
        assertEquals(expected.size(), stored.size(), "issuances stored once each");
        assertEquals(expected, new HashSet<>(stored), "the stored issuances are the test log's");
      }
    }
  }

  /** A log's stored entries: count, distinct indexes, lowest and highest index (-1 when none). */
  static long[] entryStats(Store store, Sha256 id) {
    return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*), COUNT(DISTINCT e.entry_index),"
            + " COALESCE(MIN(e.entry_index), -1), COALESCE(MAX(e.entry_index), -1)"
            + " FROM log_entries e JOIN logs l ON l.id = e.log WHERE l.log_id = :id")
        .bind("id", id.bytes())
        .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
        .one());
  }

  private static long count(Store store, String sql, Sha256 id) {
    return store.jdbi().withHandle(h -> h.createQuery(sql).bind("id", id.bytes()).mapTo(Long.class).one());
  }

  private static String stderrTail(Path stderr) {
    try {
      List<String> all = java.nio.file.Files.readAllLines(stderr);
      return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    } catch (java.io.IOException e) {
      return "(no stderr)";
    }
  }
}
