package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.fetcher.harness.FollowerProcess;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.log.LogProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty logs catching up at once, as after a night offline, share one small memory budget: each
 * is caught up with every entry once, the budget was what held them back (followers waited for
 * it), and no follower starved. The heap after collection is printed, as a figure to read, not
 * asserted.
 */
final class LogFollowerMemoryBudgetTest {
  private static final int LOGS = 20;
  private static final long ENTRIES = 1_500;

  @TempDir
  Path dir;

  @Test
  @Timeout(300)
  void twentyLogsCatchingUpAtOnceShareOneBudgetAndEveryOneIsCaughtUp() throws Exception {
    List<LogProtocol> protocols = new ArrayList<>();
    for (int i = 0; i < LOGS; i++) {
      protocols.add(i % 2 == 0 ? LogProtocol.RFC6962 : LogProtocol.STATIC);
    }
    try (FollowerHarness h = FollowerHarness.prefilled(dir,
        TestLogOptions.defaults().withProtocols(protocols).withEntries(ENTRIES).withBatchCap(256))) {
      // 2 MiB: a fraction of what twenty logs at their full window of 256-entry pages would hold.
      FetchBudget budget = new FetchBudget(2L << 20);
      FollowerConfig defaults = FollowerConfig.DEFAULT.withStartAt(StartPosition.BEGINNING);
      List<String> names = h.server.logs().stream().map(l -> l.name()).toList();
      assertEquals(LOGS, names.size());
      ExecutorService runs = Executors.newFixedThreadPool(LOGS); // one thread per log, as Quartz gives
      HeapSampler heap = new HeapSampler();
      ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor();
      sampling.scheduleAtFixedRate(heap, 0, 200, TimeUnit.MILLISECONDS);
      try {
        List<LogFollower> followers = new ArrayList<>();
        List<Future<?>> done = new ArrayList<>();
        for (String name : names) {
          LogFollower f = h.realTimeFollower(name, defaults, budget);
          followers.add(f);
          done.add(runs.submit(f::runOnce));
        }
        for (Future<?> d : done) {
          d.get(240, TimeUnit.SECONDS);
        }
        sampling.shutdown();
        sampling.awaitTermination(10, TimeUnit.SECONDS);
        for (LogFollower f : followers) {
          FollowerStatus s = f.status();
          String log = FollowerProcess.shortName(f.log());
          long size = h.testLog(log).publishedSize();
          assertEquals(FollowerHealth.OK, s.health(), () -> log + ": " + s);
          assertEquals(size, s.position(), log);
          long[] stats = h.entryStats(log);
          assertEquals(List.of(size, size), List.of(stats[0], stats[1]), log + ": every entry once");
        }
        assertTrue(budget.waits() > 0, "the budget was the limit: followers waited for it");
        assertEquals(0, budget.usedBytes(), "every reservation was given back");
        System.out.printf("memory budget: %d logs x %d entries, budget %d KiB, peak reserved %d KiB, %d waits,"
                + " peak heap after collection %.1f MB%n", LOGS, ENTRIES, budget.capacityBytes() >> 10,
            budget.peakBytes() >> 10, budget.waits(), heap.peak / 1e6);
      } finally {
        sampling.shutdownNow();
        runs.shutdownNow();
      }
    }
  }

  /** Samples the heap in use right after a collection (the pools' collection usage). */
  private static final class HeapSampler implements Runnable {
    volatile long peak;

    @Override
    public void run() {
      System.gc();
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
          used += pool.getCollectionUsage().getUsed();
        }
      }
      peak = Math.max(peak, used);
    }
  }
}
