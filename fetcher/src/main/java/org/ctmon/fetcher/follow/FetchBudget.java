package org.ctmon.fetcher.follow;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The bytes every follower together may hold fetched but not yet committed: one budget shared by
 * all logs, so that every log catching up at once (after a night offline) needs no bigger heap than
 * one. A request reserves what its entries are expected to take before it is sent; what its
 * decoded entries keep stays reserved until their batch commits.
 *
 * <p>Fair: a follower that holds nothing waits in turn for its first reservation, and while one
 * waits, followers that already hold some get no more (they commit what they have, which frees
 * it). So no log starves and no set of logs can hold the budget in pieces none can use. A single
 * reservation larger than the whole budget is cut to the budget. Thread safe; reserved in KiB.
 */
public final class FetchBudget {
  /** The default: 64 MiB, about 20,000 certificates in flight or waiting to commit. */
  public static final long DEFAULT_BYTES = 64L << 20;

  private final long capacityKib;
  private final Semaphore permits;
  private final AtomicLong peakKib = new AtomicLong();
  private final AtomicLong waits = new AtomicLong();

  /** @param bytes the budget, at least 1 MiB */
  public FetchBudget(long bytes) {
    if (bytes < (1 << 20)) {
      throw new IllegalArgumentException("fetch memory budget " + bytes + " bytes is below 1 MiB");
    }
    capacityKib = Math.min(Integer.MAX_VALUE, bytes >> 10);
    permits = new Semaphore((int) capacityKib, true);
  }

  /** The budget in bytes. */
  public long capacityBytes() {
    return capacityKib << 10;
  }

  /** Bytes reserved now. */
  public long usedBytes() {
    return (capacityKib - permits.availablePermits()) << 10;
  }

  /** The most bytes ever reserved at once. */
  public long peakBytes() {
    return peakKib.get() << 10;
  }

  /** How many times a follower had to wait for the budget: how often it was the limit. */
  public long waits() {
    return waits.get();
  }

  /** Whether a follower is waiting for its turn. */
  boolean hasWaiters() {
    return permits.hasQueuedThreads();
  }

  /**
   * Reserves {@code bytes} if that can be done now without jumping the queue.
   *
   * @return the KiB reserved (to {@link #release}), or 0 if nothing was
   */
  int tryReserve(long bytes) {
    int kib = kib(bytes);
    try {
      if (!permits.tryAcquire(kib, 0, TimeUnit.NANOSECONDS)) {
        return 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
    notePeak();
    return kib;
  }

  /**
   * Waits in turn until {@code bytes} can be reserved, or {@code stop} says to give up.
   *
   * @return the KiB reserved, or 0 if stopped
   */
  int reserve(long bytes, BooleanSupplier stop) throws InterruptedException {
    int kib = kib(bytes);
    waits.incrementAndGet();
    while (!stop.getAsBoolean()) {
      if (permits.tryAcquire(kib, 100, TimeUnit.MILLISECONDS)) {
        notePeak();
        return kib;
      }
    }
    return 0;
  }

  /** Gives back {@code kib} from {@link #tryReserve} or {@link #reserve}. */
  void release(int kib) {
    if (kib > 0) {
      permits.release(kib);
    }
  }

  private int kib(long bytes) {
    return (int) Math.max(1, Math.min(capacityKib, (bytes + 1023) >> 10));
  }

  private void notePeak() {
    long used = capacityKib - permits.availablePermits();
    peakKib.accumulateAndGet(used, Math::max);
  }
}
