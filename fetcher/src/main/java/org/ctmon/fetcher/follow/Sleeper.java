package org.ctmon.fetcher.follow;

import java.time.Duration;

/**
 * How a fetch worker waits for the rate limiter: {@link #SYSTEM} blocks the thread; tests pass one
 * that advances a fake clock instead.
 */
@FunctionalInterface
public interface Sleeper {
  /** Blocks the thread for {@code d}. */
  Sleeper SYSTEM = d -> {
    if (!d.isZero() && !d.isNegative()) {
      Thread.sleep(d.toMillis());
    }
  };

  /** Waits for {@code d}. */
  void sleep(Duration d) throws InterruptedException;
}
