package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.log.LogState;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.log.TestLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LogFollowerStartAtTest {
  private static final List<String> LOGS = List.of("rfc6962-0", "static-1");
  private static final long START = 1234;
  private static final FollowerConfig AT_INDEX = FollowerConfig.DEFAULT
      .withStartAt(new StartPosition.Index(START)).withFetching(100, 4, 0).withCommitEntries(300);

  @TempDir
  Path dir;

  @Test
  void startingAtAnIndexStoresExactlyTheEntriesFromItAndReachesTheSignedRoot() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(1500);
      for (String name : LOGS) {
        long size = h.testLog(name).publishedSize();
        assertTrue(size > START + 512, name + " has " + size + " entries");
        List<IngestBatch> batches = new ArrayList<>();
        LogFollower f = h.follower(name, AT_INDEX, b -> {
          batches.add(b);
          return h.ingest.commit(b);
        });
        f.runOnce();

        IngestBatch seed = batches.get(0);
        assertEquals(0, seed.fromIndex());
        assertEquals(START, seed.position().nextIndex(), name + ": the seed places the log at the index");
        assertTrue(seed.entries().isEmpty());
        assertEquals(size, seed.verified().orElseThrow().treeSize(), name + ": the seed was checked against the head");
        assertEquals(START, batches.get(1).fromIndex());
        assertCaughtUpFrom(h, name, f, START);
      }
      // Later runs go on from there like any follower.
      h.grow(100);
      for (String name : LOGS) {
        LogFollower f = h.follower(name, AT_INDEX);
        f.runOnce();
        assertCaughtUpFrom(h, name, f, START);
      }
    }
  }

  @Test
  void anIndexAtOrBeyondTheSizeStartsAtTheEnd() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(200);
      for (String name : LOGS) {
        TestLog log = h.testLog(name);
        long size = log.publishedSize();
        h.follower(name, AT_INDEX.withStartAt(new StartPosition.Index(size + 1000))).runOnce();
        LogState state = h.logs.state(h.logId(name)).orElseThrow();
        assertEquals(size, state.nextIndex(), name);
        assertEquals(log.head().rootHash(), state.rangeRoot().orElseThrow());
        assertEquals(size, state.verified().orElseThrow().treeSize());
        assertEquals(0, h.entryStats(name)[0], name + ": nothing is fetched");
      }
    }
  }

  @Test
  void anIndexEqualToTheSizeStartsAtTheEnd() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(200);
      for (String name : LOGS) {
        long size = h.testLog(name).publishedSize();
        h.follower(name, AT_INDEX.withStartAt(new StartPosition.Index(size))).runOnce();
        assertEquals(size, h.logs.state(h.logId(name)).orElseThrow().nextIndex(), name);
        assertEquals(0, h.entryStats(name)[0], name + ": nothing is fetched");
      }
    }
  }

  @Test
  void aCatchUpFromAnIndexCutShortGoesOnFromWhereItStoppedAfterTheLogGrew() {
    // Partial tiles deleted once full: the seed reads the index's right edge from full tiles.
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults().withDeletePartialTiles(true))) {
      h.grow(1500);
      for (String name : LOGS) {
        TestLog log = h.testLog(name);
        long size = log.publishedSize();
        log.faults().add(new Fault.RateLimited(6, Duration.ofMinutes(2))); // a wait longer than a run waits
        LogFollower f = h.follower(name, AT_INDEX.withFetching(100, 1, 0).withCommitEntries(100));
        f.runOnce();
        assertEquals(FollowerHealth.BACKING_OFF, f.status().health(), name);
        LogState cut = h.logs.state(h.logId(name)).orElseThrow();
        assertTrue(cut.nextIndex() >= START && cut.nextIndex() < size, name + " stopped at " + cut.nextIndex());
        assertEquals(size, cut.verified().orElseThrow().treeSize(), name + ": the seed's head is kept");
        log.faults().clear();
      }
      h.grow(100);
      for (String name : LOGS) {
        h.clock.advance(Duration.ofHours(1));
        LogFollower f = h.follower(name, AT_INDEX);
        f.runOnce();
        assertCaughtUpFrom(h, name, f, START);
      }
    }
  }

  @Test
  void entriesFromTheIndexThatDoNotHashToTheSeededHeadAreARootMismatch() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(1500);
      long size = h.testLog("rfc6962-0").publishedSize();
      // Once the seed is stored, the log serves other entries from just after the index on.
      List<Long> ends = h.runIntoSplitView("rfc6962-0", AT_INDEX, b -> START + 10);
      LogState state = h.logs.state(h.logId("rfc6962-0")).orElseThrow();
      assertEquals(ends.get(ends.size() - 1), state.nextIndex(), "the batch that reached the bad head is not stored");
      assertTrue(state.nextIndex() >= START && state.nextIndex() < size, "batches ending at " + ends);
    }
  }

  private static void assertCaughtUpFrom(FollowerHarness h, String name, LogFollower f, long start) {
    assertNotEquals(0, start % 256, "the start is not at a tile boundary");
    LogFollowerCatchUpTest.assertCaughtUpFrom(h, name, f, start);
  }
}
