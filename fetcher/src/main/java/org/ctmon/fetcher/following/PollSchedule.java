package org.ctmon.fetcher.following;

import java.time.Duration;

/**
 * Where followers are run: one named job per log, every poll interval. The application implements
 * it (on Quartz, in memory or clustered); a job never runs twice at once.
 */
public interface PollSchedule {
  /** Runs {@code job} every {@code interval} under {@code name}, replacing a job of that name. */
  void every(String name, Duration interval, Runnable job);

  /** Stops running the job {@code name}; a run in progress finishes. */
  void cancel(String name);
}
