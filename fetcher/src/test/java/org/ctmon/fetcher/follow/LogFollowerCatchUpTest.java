package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.log.LogState;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.TestIssuance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LogFollowerCatchUpTest {
  private static final FollowerConfig FROM_BEGINNING = FollowerConfig.DEFAULT
      .withStartAt(StartPosition.BEGINNING).withFetching(100, 4, 0).withCommitEntries(300);

  @TempDir
  Path dir;

  @Test
  void catchingUpBothProtocolsFromTheBeginningStoresExactlyWhatTheTestLogIssued() {
    // Pages of at most 50 entries while the follower asks for 100: every request is followed up.
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults().withBatchCap(50))) {
      h.grow(400);
      assertNotEquals(0, h.testLog("static-1").publishedSize() % 256, "the static log must end in a partial tile");
      LogFollower rfc = h.follower("rfc6962-0", FROM_BEGINNING);
      LogFollower tiled = h.follower("static-1", FROM_BEGINNING);
      rfc.runOnce();
      tiled.runOnce();

      assertCaughtUp(h, "rfc6962-0", rfc);
      assertCaughtUp(h, "static-1", tiled);
      // Every issuance once, across precert/final and across the two logs.
      assertEquals(h.issuedTbs(), h.storedTbs());
      assertEquals(h.issuedTbs().size(), h.issuanceCount());
      assertPrecertAndFinalFlags(h);
    }
  }

  @Test
  void aSecondRunAfterGrowthFetchesOnlyTheNewEntries() {
    // Gzip data tiles, and partial tiles deleted once full: the second run reads the old size's
    // right edge from full tiles for the consistency check.
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults().withGzip(true)
        .withDeletePartialTiles(true))) {
      h.grow(150);
      for (String name : List.of("rfc6962-0", "static-1")) {
        List<IngestBatch> batches = new ArrayList<>();
        LogFollower f = h.follower(name, FROM_BEGINNING, b -> {
          batches.add(b);
          return h.ingest.commit(b);
        });
        f.runOnce();
        long before = h.testLog(name).publishedSize();
        assertEquals(0, batches.get(0).fromIndex());
        batches.clear();
        h.grow(100);
        f.runOnce();
        assertEquals(before, batches.get(0).fromIndex(), name + ": the second run starts where the first ended");
        assertCaughtUp(h, name, f);
        h.grow(0);
      }
    }
  }

  @Test
  void startingAtTheEndFetchesNothingBeforeTheCurrentSizeButVerifiesWhatFollows() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(300);
      FollowerConfig atEnd = FROM_BEGINNING.withStartAt(StartPosition.END);
      for (String name : List.of("rfc6962-0", "static-1")) {
        TestLog log = h.testLog(name);
        long size = log.publishedSize();
        LogFollower f = h.follower(name, atEnd);
        f.runOnce();
        LogState seeded = h.logs.state(h.logId(name)).orElseThrow();
        assertEquals(size, seeded.nextIndex());
        assertEquals(log.head().rootHash(), seeded.rangeRoot().orElseThrow());
        assertEquals(size, seeded.verified().orElseThrow().treeSize());
        assertEquals(0, h.entryStats(name)[0], name + ": nothing before the start is fetched");
      }
      h.grow(120);
      for (String name : List.of("rfc6962-0", "static-1")) {
        long before = h.logs.state(h.logId(name)).orElseThrow().nextIndex();
        LogFollower f = h.follower(name, atEnd);
        f.runOnce();
        long size = h.testLog(name).publishedSize();
        assertArrayEquals(new long[] {size - before, size - before, before, size - 1}, h.entryStats(name));
        LogState state = h.logs.state(h.logId(name)).orElseThrow();
        assertEquals(h.testLog(name).head().rootHash(), state.rangeRoot().orElseThrow());
        assertEquals(size, state.verified().orElseThrow().treeSize());
        assertEquals(FollowerHealth.OK, f.status().health());
      }
    }
  }

  @Test
  void requestsArePacedToTheConfiguredRate() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(200);
      long size = h.testLog("rfc6962-0").publishedSize();
      long pages = (size + 24) / 25;
      java.time.Instant start = h.clock.instant();
      LogFollower f = h.follower("rfc6962-0", FROM_BEGINNING.withFetching(25, 1, 5));
      f.runOnce();
      assertCaughtUp(h, "rfc6962-0", f);
      // 5 requests/s with a burst of 1: every page after the first waited 200 ms (on the fake clock).
      assertEquals(java.time.Duration.ofMillis((pages - 1) * 200), java.time.Duration.between(start, h.clock.instant()));
    }
  }

  static void assertCaughtUp(FollowerHarness h, String name, LogFollower f) {
    assertCaughtUpFrom(h, name, f, 0);
  }

  /** Entries [start, size) stored once each, the signed root reached, the follower healthy. */
  static void assertCaughtUpFrom(FollowerHarness h, String name, LogFollower f, long start) {
    TestLog log = h.testLog(name);
    long size = log.publishedSize();
    assertArrayEquals(new long[] {size - start, size - start, start, size - 1}, h.entryStats(name),
        name + ": count, distinct, min, max");
    LogState state = h.logs.state(h.logId(name)).orElseThrow();
    assertEquals(size, state.nextIndex());
    assertEquals(log.head().rootHash(), state.rangeRoot().orElseThrow(), name + ": stored root is the signed root");
    assertEquals(size, state.verified().orElseThrow().treeSize());
    FollowerStatus status = f.status();
    assertEquals(FollowerHealth.OK, status.health(), () -> name + ": " + status);
    assertEquals(0, status.lag());
    assertEquals(size, status.position());
  }

  private static void assertPrecertAndFinalFlags(FollowerHarness h) {
    for (TestIssuance i : h.issued) {
      boolean[] flags = h.store.jdbi().withHandle(x -> x.createQuery("SELECT precert_seen, final_seen FROM issuances"
              + " WHERE tbs_sha256 = :tbs")
          .bind("tbs", i.tbsSha256().bytes())
          .map((rs, ctx) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
          .one());
      assertEquals(i.precert().isPresent(), flags[0], "precert seen of " + i.tbsSha256());
      assertTrue(flags[1], "final seen of " + i.tbsSha256());
    }
  }
}
