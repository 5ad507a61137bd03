package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
 * Two ctmon processes following the same logs into one PostgreSQL database, as two nodes of an
 * install do until one of them is told to leave a log to the other: their batches race for each
 * log's position, the loser's batch writes nothing and it goes on from where the winner stopped.
 * Nothing may be missed or stored twice, and neither may report the log as failing for it.
 */
final class SharedDatabaseTest {
  private static final int ISSUANCES = 600;

  @TempDir
  Path dir;

  @Test
  void twoFollowerProcessesOnOneDatabaseStoreEveryEntryOnceBetweenThemAndReportNoFailure() throws Exception {
    try (PostgresSchema pg = new PostgresSchema();
         TestLogServer server = TestLogServer.start(TestLogOptions.defaults().withBatchCap(16), FollowerHarness.PKI,
             Clock.systemUTC())) {
      List<TestIssuance> issued = server.grow(ISSUANCES);
      server.publish();
      Path list = server.writeLogList(dir.resolve("log_list.json"));
      // A: pages and commits of 16, slowed to 10 requests a second. B, started once A has committed:
      // pages of 10, commits of 400, unthrottled. B's first batch finds A's position inside it
      // (past its start, short of its end) and loses the race, and so on until A is done.
      List<String> argsA = List.of(list.toString(), pg.url, "16", "16", "1", "10");
      List<String> argsB = List.of(list.toString(), pg.url, "400", "10", "2", "0");
      List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
      jvm.addAll(pg.childProperties());

      List<Integer> commits = new ArrayList<>();
      long lostRaces = 0;
      try (ChildFollower a = ChildFollower.start(jvm, argsA, dir.resolve("a.err"))) {
        String first;
        do {
          first = a.next(60_000);
          assertTrue(first != null && !first.equals(ChildFollower.EOF), "A committed nothing; stderr:\n" + a.stderrTail());
        } while (!first.startsWith("END "));
        try (ChildFollower b = ChildFollower.start(jvm, argsB, dir.resolve("b.err"))) {
        for (ChildFollower child : List.of(a, b)) {
          String line;
          do {
            line = child.next(120_000);
            assertTrue(line != null, "a follower printed nothing for 120 s; stderr:\n" + child.stderrTail());
          } while (!line.equals(ChildFollower.EOF));
          assertEquals(0, child.process.waitFor(), () -> "exit code; stderr:\n" + child.stderrTail());
          assertTrue(child.seen.stream().anyMatch(l -> l.startsWith("DONE ")), "caught up; stderr:\n"
              + child.stderrTail());
          commits.add((int) child.seen.stream().filter(l -> l.startsWith("END ")).count());
          // A batch whose BEGIN has no END lost the race: the store refused it, nothing written.
          lostRaces += child.seen.stream().filter(l -> l.startsWith("BEGIN ")).count()
              - child.seen.stream().filter(l -> l.startsWith("END ")).count();
          String err = Files.readString(child.stderr);
          assertFalse(err.contains("not caught up yet"), "a lost race is no failure of the log:\n" + child.stderrTail());
        }
        }
      }
      System.out.println("shared database: commits returned per process (replays included): " + commits
          + ", batches refused for a lost race: " + lostRaces);
      assertTrue(lostRaces > 0, "the two processes raced for a position at least once");

      try (Store store = Store.open(StoreConfig.defaults().withDatabase(pg.url, pg.user, pg.password))) {
        Logs logs = new Logs(store.jdbi(), Clock.systemUTC());
        for (TestLog log : server.logs()) {
          long size = log.publishedSize();
          Sha256 id = log.logKey().logId();
          assertArrayEquals(new long[] {size, size, 0, size - 1}, CrashSafetyTest.entryStats(store, id),
              log.name() + ": entries, distinct indices, min index, max index");
          LogState state = logs.state(id).orElseThrow();
          assertEquals(size, state.nextIndex(), log.name() + ": position");
          assertEquals(log.head().rootHash(), state.rangeRoot().orElseThrow(), log.name() + ": compact-range root");
        }
        Set<Sha256> expected = new HashSet<>();
        issued.forEach(i -> expected.add(i.tbsSha256()));
        List<Sha256> stored = store.jdbi().withHandle(h -> h.createQuery("SELECT tbs_sha256 FROM issuances")
            .map((rs, ctx) -> Sha256.wrap(rs.getBytes(1))).list());
        assertEquals(expected.size(), stored.size(), "issuances stored once each");
        assertEquals(expected, new HashSet<>(stored));
      }
    }
  }
}
