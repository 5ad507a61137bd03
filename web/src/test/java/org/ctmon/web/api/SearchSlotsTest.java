package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ctmon.parser.Eventually;
import org.junit.jupiter.api.Test;

final class SearchSlotsTest {
  @Test
  void noMoreSearchesRunAtOnceThanThereAreSlotsAndEveryOneRuns() throws Exception {
    SearchSlots slots = new SearchSlots(2, Duration.ofSeconds(30));
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger asked = new AtomicInteger();
    AtomicInteger waiting = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        int n = i;
        done.add(clients.submit(() -> {
          asked.incrementAndGet();
          waiting.incrementAndGet();
          return slots.run(() -> {
            waiting.decrementAndGet();
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            // A search takes its time: it holds its slot until the other one is taken too, or every
            // search has been asked for and none waits.
            try {
              Eventually.await(Duration.ofSeconds(30), Duration.ofMillis(1),
                  () -> running.get() >= 2 || asked.get() == 48 && waiting.get() == 0, () -> "the other slot stayed free");
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            running.decrementAndGet();
            return n;
          });
        }));
      }
      for (int i = 0; i < done.size(); i++) {
        assertEquals(i, done.get(i).get(30, TimeUnit.SECONDS));
      }
    } finally {
      clients.shutdownNow();
    }
    assertEquals(2, most.get(), "at most two at once, and the slots were used");
  }

  @Test
  void aSearchWhoseTurnDoesNotComeInTimeIsRefusedSayingSo() throws Exception {
    SearchSlots slots = new SearchSlots(1, Duration.ofMillis(200));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> slots.run(() -> {
      holding.countDown();
      try {
        return release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }));
    holder.start();
    assertTrue(holding.await(30, TimeUnit.SECONDS));
    SearchSlots.Busy busy = assertThrows(SearchSlots.Busy.class, () -> slots.run(() -> "never"));
    assertTrue(busy.getMessage().contains("too many searches at once"), busy.getMessage());
    release.countDown();
    holder.join();
    assertEquals("now", slots.run(() -> "now"), "the slot is free again once the search holding it ends");
  }
}
