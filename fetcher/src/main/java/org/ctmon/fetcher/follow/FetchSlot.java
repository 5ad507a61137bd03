package org.ctmon.fetcher.follow;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fetch unit of a catch-up on its way: waiting for its turn, in flight, fetched, or failed for
 * good. Owned by the catch-up's thread; only {@link #state} and {@link #abandonedKib} are touched
 * by the request's worker, to hand the unit's bytes back to the budget when the run has left it.
 */
final class FetchSlot {
  static final int IDLE = 0;
  static final int RUNNING = 1;
  static final int DONE = 2;
  static final int ABANDONED = 3;

  LogSource.FetchUnit unit;
  /** The memory budget held for the unit (KiB). */
  int reservedKib;
  int attempts;
  Instant sendAt;
  Pace.Turn turn;
  CompletableFuture<DecodedChunk> result;
  DecodedChunk chunk;
  /** A failure that ends the run once every entry before this unit is committed. */
  RuntimeException fatal;
  /** IDLE, RUNNING, then DONE (by the request) or ABANDONED (by the run, which left it running). */
  final AtomicInteger state = new AtomicInteger(IDLE);
  /** What an abandoned request gives back to the budget when it ends. */
  volatile int abandonedKib;

  FetchSlot(LogSource.FetchUnit unit, int reservedKib, Instant sendAt) {
    this.unit = unit;
    this.reservedKib = reservedKib;
    this.sendAt = sendAt;
  }
}
