package org.ctmon.web.serve;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.store.log.LogSamples;

/**
 * Once a minute: each follower's tree size and position into {@link LogSamples} for the dashboard's
 * charts, and samples older than {@link #KEPT} out. A log that has shown no head yet is skipped.
 */
final class LogSampling implements Runnable {
  /** How long samples are kept: the charts show a day, a little more covers a clock change. */
  static final Duration KEPT = Duration.ofHours(26);
  private final Supplier<List<FollowerStatus>> statuses;
  private final LogSamples samples;
  private final Clock clock;

  LogSampling(Supplier<List<FollowerStatus>> statuses, LogSamples samples, Clock clock) {
    this.statuses = statuses;
    this.samples = samples;
    this.clock = clock;
  }

  @Override
  public void run() {
    var now = clock.instant();
    List<LogSamples.Sample> batch = new ArrayList<>();
    for (FollowerStatus s : statuses.get()) {
      s.latestHead().ifPresent(h -> batch.add(new LogSamples.Sample(s.logId(), now,
          Math.max(h.treeSize(), s.position()), s.position())));
    }
    samples.record(batch);
    samples.purgeBefore(now.minus(KEPT));
  }
}
