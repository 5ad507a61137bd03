package org.ctmon.fetcher.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * How fast a follower's position moves: entries committed per second over the last minute, and
 * when it last moved. Shown next to the last error, so a log that fails now and then but keeps
 * up reads as such. Thread safe.
 */
final class Progress {
  private static final Duration WINDOW = Duration.ofMinutes(1);

  private final Clock clock;
  private final Deque<long[]> samples = new ArrayDeque<>(); // {millis, position}
  private Instant last;

  Progress(Clock clock) {
    this.clock = clock;
  }

  /** The position is now {@code position}. */
  synchronized void at(long position) {
    long now = clock.millis();
    if (!samples.isEmpty() && samples.peekLast()[1] == position) {
      return;
    }
    if (samples.size() >= 2 && now - samples.peekLast()[0] < 1000) {
      samples.peekLast()[1] = position; // one sample a second at most
    } else {
      samples.addLast(new long[] {now, position});
    }
    last = Instant.ofEpochMilli(now);
    trim(now);
  }

  /** Entries committed per second over the last minute (0 when nothing moved). */
  synchronized double entriesPerSecond() {
    long now = clock.millis();
    trim(now);
    if (samples.size() < 2) {
      return 0;
    }
    long[] first = samples.peekFirst();
    long[] lastSample = samples.peekLast();
    long span = Math.max(1000, now - first[0]);
    return (lastSample[1] - first[1]) * 1000.0 / span;
  }

  /** When the position last moved, if it has. */
  synchronized Optional<Instant> last() {
    return Optional.ofNullable(last);
  }

  /** Takes over what {@code previous} measured (a follower replaced for new limits). */
  synchronized void continueFrom(Progress previous) {
    synchronized (previous) {
      samples.clear();
      samples.addAll(previous.samples);
      last = previous.last;
    }
  }

  private void trim(long now) {
    // Keep one sample older than the window, so the rate spans all of it.
    while (samples.size() > 2 && samples.toArray(new long[0][])[1][0] < now - WINDOW.toMillis()) {
      samples.removeFirst();
    }
  }
}
