package org.ctmon.fetcher.follow;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 * A follower blocks here only on its own thread, never on the shared fetch pool.
 */
public final class FetchBudget {
  /** The default: 64 MiB, about 20,000 certificates in flight or waiting to commit. */
  public static final long DEFAULT_BYTES = 64L << 20;

  private final long capacityKib;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  /** Followers waiting for their first bytes, first come first served. */
  private final ArrayDeque<Object> queue = new ArrayDeque<>();
  private long availableKib;
  private long peakKib;
  private long waits;

  /** @param bytes the budget, at least 1 MiB */
  public FetchBudget(long bytes) {
    if (bytes < (1 << 20)) {
      throw new IllegalArgumentException("fetch memory budget " + bytes + " bytes is below 1 MiB");
    }
    capacityKib = Math.min(Integer.MAX_VALUE, bytes >> 10);
    availableKib = capacityKib;
  }

  /** The budget in bytes. */
  public long capacityBytes() {
    return capacityKib << 10;
  }

  /** Bytes reserved now. */
  public long usedBytes() {
    lock.lock();
    try {
      return (capacityKib - availableKib) << 10;
    } finally {
      lock.unlock();
    }
  }

  /** The most bytes ever reserved at once. */
  public long peakBytes() {
    lock.lock();
    try {
      return peakKib << 10;
    } finally {
      lock.unlock();
    }
  }

  /** How many times a follower had to wait for the budget: how often it was the limit. */
  public long waits() {
    lock.lock();
    try {
      return waits;
    } finally {
      lock.unlock();
    }
  }

  /** Whether a follower is waiting for its turn. */
  boolean hasWaiters() {
    lock.lock();
    try {
      return !queue.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Reserves {@code bytes} if that can be done now without jumping the queue.
   *
   * @return the KiB reserved (to {@link #release}), or 0 if nothing was
   */
  int tryReserve(long bytes) {
    int kib = kib(bytes);
    lock.lock();
    try {
      if (!queue.isEmpty() || availableKib < kib) {
        return 0;
      }
      take(kib);
      return kib;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits in turn until {@code bytes} can be reserved, or {@code stop} says to give up (looked at
   * every 100 ms; the place in the queue is kept meanwhile).
   *
   * @return the KiB reserved, or 0 if stopped
   */
  int reserve(long bytes, BooleanSupplier stop) throws InterruptedException {
    int kib = kib(bytes);
    Object ticket = new Object();
    lock.lock();
    try {
      waits++;
      queue.addLast(ticket);
      try {
        while (queue.peekFirst() != ticket || availableKib < kib) {
          if (stop.getAsBoolean()) {
            return 0;
          }
          released.await(100, TimeUnit.MILLISECONDS);
        }
        take(kib);
        return kib;
      } finally {
        queue.remove(ticket);
        released.signalAll(); // the next in the queue may go now
      }
    } finally {
      lock.unlock();
    }
  }

  /** Gives back {@code kib} from {@link #tryReserve} or {@link #reserve}. */
  void release(int kib) {
    if (kib <= 0) {
      return;
    }
    lock.lock();
    try {
      availableKib += kib;
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void take(int kib) {
    availableKib -= kib;
    peakKib = Math.max(peakKib, capacityKib - availableKib);
  }

  private int kib(long bytes) {
    return (int) Math.max(1, Math.min(capacityKib, (bytes + 1023) >> 10));
  }
}
