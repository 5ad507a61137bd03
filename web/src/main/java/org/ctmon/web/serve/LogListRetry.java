package org.ctmon.web.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.ctmon.fetcher.http.Backoff;

/**
 * Asks again for a configured log list that did not load at start, while the bundled snapshot
 * stands in for it: after 5 s, then twice as long each time ({@link Backoff#window}, without
 * jitter: one monitor, one list), until the wait would reach the regular refresh interval, which
 * takes over from there. Without it a monitor started a moment
 * before its list's server (a test log starting in another terminal, a mirror still booting)
 * followed Chrome's logs for an hour before its own.
 */
final class LogListRetry implements Runnable {
  /** How often the scheduler asks whether a retry is due. */
  static final Duration TICK = Duration.ofSeconds(1);
  static final Duration FIRST = Duration.ofSeconds(5);

  private final BooleanSupplier standingIn;
  private final Runnable refresh;
  private final Backoff backoff;
  private final Clock clock;
  private final Runnable finished;
  private int asked;
  private Instant due;
  private boolean done;

  /**
   * @param standingIn whether the list in use stands in for the configured one
   * @param refresh loads the configured list again and follows what it gives
   * @param cap the regular refresh interval, longer than {@link #FIRST}: no retry waits that long
   * @param finished called once, when the list loaded or the regular refresh takes over
   */
  LogListRetry(BooleanSupplier standingIn, Runnable refresh, Duration cap, Clock clock, Runnable finished) {
    this.standingIn = standingIn;
    this.refresh = refresh;
    this.backoff = new Backoff(FIRST, cap);
    this.clock = clock;
    this.finished = finished;
    this.due = clock.instant().plus(FIRST);
  }

  @Override
  public synchronized void run() {
    if (done) {
      return;
    }
    if (standingIn.getAsBoolean() && !clock.instant().isBefore(due)) {
      refresh.run();
      asked++;
      due = clock.instant().plus(backoff.window(asked + 1));
    }
    if (!standingIn.getAsBoolean() || backoff.window(asked + 1).compareTo(backoff.cap()) >= 0) {
      done = true;
      finished.run();
    }
  }
}
