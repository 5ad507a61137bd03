package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.IngestResult;
import org.ctmon.testlog.TestLogOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LogFollowerReplayTest {
  private static final String RFC = "rfc6962-0";
  private static final FollowerConfig CONFIG = FollowerConfig.DEFAULT
      .withStartAt(StartPosition.BEGINNING).withFetching(50, 3, 0).withCommitEntries(100);

  @TempDir
  Path dir;

  @Test
  void committingTheSameBatchesAgainWritesNothing() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(200);
      List<IngestBatch> batches = new ArrayList<>();
      LogFollower f = h.follower(RFC, CONFIG, b -> {
        batches.add(b);
        return h.ingest.commit(b);
      });
      f.runOnce();
      long[] stats = h.entryStats(RFC);
      long issuances = h.issuanceCount();
      assertTrue(batches.size() > 1, "several batches: " + batches.size());
      for (IngestBatch b : batches) {
        IngestResult again = h.ingest.commit(b);
        assertTrue(again.replay(), "batch from " + b.fromIndex());
      }
      assertArrayEquals(stats, h.entryStats(RFC));
      assertEquals(issuances, h.issuanceCount());
      LogFollowerCatchUpTest.assertCaughtUp(h, RFC, f);
    }
  }

  @Test
  void aCrashAfterACommitBeforeItsAcknowledgementResumesWithoutDuplicates() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(200);
      AtomicInteger calls = new AtomicInteger();
      LogFollower f = h.follower(RFC, CONFIG, b -> {
        IngestResult r = h.ingest.commit(b);
        if (calls.incrementAndGet() == 2) {
          throw new IllegalStateException("connection lost after commit");
        }
        return r;
      });
      f.runOnce();
      assertEquals(FollowerHealth.BACKING_OFF, f.status().health());
      assertTrue(f.status().lastError().orElseThrow().endsWith(": connection lost after commit"));
      h.clock.advance(Duration.ofMinutes(6));
      f.runOnce();
      LogFollowerCatchUpTest.assertCaughtUp(h, RFC, f);
    }
  }

  @Test
  void stopCommitsTheBatchInHandAndLaterRunsDoNothing() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(300);
      AtomicReference<LogFollower> self = new AtomicReference<>();
      List<Long> ends = new ArrayList<>();
      LogFollower f = h.follower(RFC, CONFIG, b -> {
        ends.add(b.position().nextIndex());
        self.get().stop();
        return h.ingest.commit(b);
      });
      self.set(f);
      f.runOnce();
      assertEquals(1, ends.size(), "one batch, then the run stops");
      long end = ends.get(0);
      assertTrue(end > 0 && end < h.testLog(RFC).publishedSize());
      assertArrayEquals(new long[] {end, end, 0, end - 1}, h.entryStats(RFC));
      assertEquals(FollowerHealth.STOPPED, f.status().health());
      f.runOnce();
      assertEquals(end, h.logs.state(h.logId(RFC)).orElseThrow().nextIndex());
    }
  }

  @Test
  void aSecondRunWhileOneIsInProgressReturnsAtOnce() throws Exception {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(100);
      CountDownLatch inSink = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      LogFollower f = h.follower(RFC, CONFIG, b -> {
        inSink.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        return h.ingest.commit(b);
      });
      Thread first = new Thread(f::runOnce);
      first.start();
      assertTrue(inSink.await(30, TimeUnit.SECONDS));
      f.runOnce(); // would block in the sink if it ran
      assertEquals(0, h.logs.state(h.logId(RFC)).orElseThrow().nextIndex());
      release.countDown();
      first.join();
      assertFalse(first.isAlive());
      LogFollowerCatchUpTest.assertCaughtUp(h, RFC, f);
    }
  }
}
