package org.ctmon.alerts.operator;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One thing wrong with ctmon's own monitoring, as {@link HealthAlerts} judges it. */
sealed interface HealthProblem {
  /** Names the problem in keys and payloads, e.g. {@code stale_head}. */
  String kind();

  /** The log concerned, if the problem is about one. */
  Optional<LogHealth> log();

  /** No verified head from a log for {@code age}, since {@code since} (or since ctmon started). */
  record StaleHead(LogHealth health, Instant since, Duration age, boolean never) implements HealthProblem {
    @Override
    public String kind() {
      return "stale_head";
    }

    @Override
    public Optional<LogHealth> log() {
      return Optional.of(health);
    }
  }

  /** A backlog over the threshold that grew from {@code before} (at {@code beforeAt}) to {@code now}. */
  record GrowingBacklog(LogHealth health, long before, Instant beforeAt, long now) implements HealthProblem {
    @Override
    public String kind() {
      return "growing_backlog";
    }

    @Override
    public Optional<LogHealth> log() {
      return Optional.of(health);
    }
  }

  /** The log list was last loaded {@code age} ago (or never, since ctmon started). */
  record StaleLogList(Optional<Instant> loadedAt, Duration age) implements HealthProblem {
    @Override
    public String kind() {
      return "stale_log_list";
    }

    @Override
    public Optional<LogHealth> log() {
      return Optional.empty();
    }
  }
}
