package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

final class FetchBudgetTest {
  private static final long MIB = 1 << 20;

  @Test
  void aReservationThatDoesNotFitIsRefusedUntilTheBytesComeBack() {
    FetchBudget budget = new FetchBudget(4 * MIB);
    int a = budget.tryReserve(3 * MIB);
    assertEquals(3 * 1024, a);
    assertEquals(0, budget.tryReserve(2 * MIB));
    assertEquals(3 * MIB, budget.usedBytes());
    budget.release(a);
    assertEquals(2 * 1024, budget.tryReserve(2 * MIB));
    assertEquals(3 * MIB, budget.peakBytes());
  }

  @Test
  @Timeout(10)
  void aFollowerWaitingForItsFirstBytesIsServedBeforeOthersTakeMore() throws Exception {
    FetchBudget budget = new FetchBudget(4 * MIB);
    int held = budget.tryReserve(3 * MIB);
    CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> {
      try {
        return budget.reserve(2 * MIB, () -> false);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    while (!budget.hasWaiters()) {
      Thread.onSpinWait();
    }
    assertEquals(0, budget.tryReserve(512 * 1024), "1 MiB is free, but a follower holding nothing waits first");
    budget.release(held);
    assertEquals(2 * 1024, waiter.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aReservationLargerThanTheWholeBudgetTakesTheWholeBudget() {
    FetchBudget budget = new FetchBudget(2 * MIB);
    assertEquals(2 * 1024, budget.tryReserve(100 * MIB));
  }

  @Test
  @Timeout(10)
  void aWaitGivesUpWhenTheFollowerIsStopped() throws Exception {
    FetchBudget budget = new FetchBudget(2 * MIB);
    budget.tryReserve(2 * MIB);
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<Integer> waiter = CompletableFuture.supplyAsync(() -> {
      try {
        return budget.reserve(MIB, stop::get);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    stop.set(true);
    assertEquals(0, waiter.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aBudgetUnderOneMibIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FetchBudget(1000));
    assertTrue(e.getMessage().contains("below 1 MiB"), e.getMessage());
  }
}
