package org.ctmon.web.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many searches run at once; the others wait their turn, first come first served. Fifty
 * clients searching at once on two cores otherwise run fifty searches side by side: each takes
 * fifty times its own time, the database's connections are fought over, and a small search waits
 * behind the share of every large one. In turn, a search waits only for those ahead of it. A search
 * that cannot start within {@link #MOST_WAIT} is refused ({@link Busy}), so an overloaded server
 * says so instead of holding every connection. Thread safe.
 */
final class SearchSlots {
  /** The longest a search waits for its turn before it is refused. */
  static final Duration MOST_WAIT = Duration.ofSeconds(10);

  private final Semaphore slots;
  private final Duration mostWait;

  SearchSlots(int slots, Duration mostWait) {
    this.slots = new Semaphore(slots, true);
    this.mostWait = mostWait;
  }

  /** Two searches per core (one computing while the other reads), at least 2 and at most 8. */
  static SearchSlots forThisMachine() {
    int slots = Math.max(2, Math.min(8, 2 * Runtime.getRuntime().availableProcessors()));
    return new SearchSlots(slots, MOST_WAIT);
  }

  /** Runs {@code search} in its turn. */
  <T> T run(Supplier<T> search) {
    boolean acquired;
    try {
      acquired = slots.tryAcquire(mostWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy("the search was interrupted while waiting for its turn");
    }
    if (!acquired) {
      throw new Busy("too many searches at once: none started within " + mostWait.toSeconds() + " s; try again");
    }
    try {
      return search.get();
    } finally {
      slots.release();
    }
  }

  /** A search refused because its turn did not come in time. */
  static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Busy(String message) {
      super(message, null, false, false);
    }
  }
}
