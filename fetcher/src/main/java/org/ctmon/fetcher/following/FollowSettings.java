package org.ctmon.fetcher.following;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.ctmon.fetcher.follow.FetchOverride;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogSelection;

/**
 * What the configuration says about following the log list: which logs, how they are fetched and
 * how often polled. Changes while running ({@link FollowedLogs#follow}) replace the followers they
 * concern.
 *
 * @param selection which logs of the list are followed
 * @param defaults start position and fetch ceilings of every log
 * @param perLog ceilings for the logs that need their own, applied in order over the defaults
 * @param pollInterval how often each follower runs
 */
public record FollowSettings(LogSelection selection, FollowerConfig defaults, List<FetchOverride> perLog,
                             Duration pollInterval) {
  public FollowSettings {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(pollInterval, "pollInterval");
    perLog = List.copyOf(perLog);
  }

  /** How {@code log} is fetched: {@link #perLog} applied over the defaults. */
  FollowerConfig forLog(CtLog log) {
    return FetchOverride.resolve(defaults, perLog, log);
  }
}
