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
import org.ctmon.parser.Sha256;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.Logs;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.Issuance;
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
  private static final int PAGE = 16;

  @TempDir
  Path dir;

  @Test
  void twoFollowerProcessesOnOneDatabaseStoreEveryEntryOnceBetweenThemAndReportNoFailure() throws Exception {
    try (PostgresSchema pg = new PostgresSchema();
         TestLogServer server = TestLogServer.start(TestLogOptions.defaults().withBatchCap(PAGE), FollowerHarness.PKI,
             Clock.systemUTC())) {
      List<Issuance> issued = server.grow(ISSUANCES);
      server.publish();
      Path list = server.writeLogList(dir.resolve("log_list.json"));
      // Pages of 16 for one, 10 for the other: their batches overlap, so one often finds the log's
      // position inside the batch it brings (not only at or past its end).
      List<String> argsA = List.of(list.toString(), pg.url, String.valueOf(PAGE), String.valueOf(PAGE), "2");
      List<String> argsB = List.of(list.toString(), pg.url, "10", "10", "2");
      List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
      jvm.addAll(pg.childProperties());

      List<Integer> commits = new ArrayList<>();
      try (ChildFollower a = ChildFollower.start(jvm, argsA, dir.resolve("a.err"));
           ChildFollower b = ChildFollower.start(jvm, argsB, dir.resolve("b.err"))) {
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
          String err = Files.readString(child.stderr);
          assertFalse(err.contains("not caught up yet"), "a lost race is no failure of the log:\n" + child.stderrTail());
        }
      }
      System.out.println("shared database: commits returned per process (replays included): " + commits);

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
