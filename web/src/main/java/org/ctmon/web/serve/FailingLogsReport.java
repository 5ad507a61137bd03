package org.ctmon.web.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log, once per change, which logs cannot be followed and why ("12 of 45 logs cannot
 * be followed right now: …"), instead of one line per failed request: an offline start or a log
 * outage stays readable, and recovery is announced.
 */
final class FailingLogsReport implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(FailingLogsReport.class);
  static final int NAMED = 5;

  private final Supplier<List<FollowerStatus>> statuses;
  private List<String> lastReported = List.of();

  FailingLogsReport(Supplier<List<FollowerStatus>> statuses) {
    this.statuses = statuses;
  }

  @Override
  public synchronized void run() {
    List<FollowerStatus> all = statuses.get();
    List<String> failing = new ArrayList<>();
    for (FollowerStatus s : all) {
      if (s.health() != FollowerHealth.OK && s.lastError().isPresent()) {
        failing.add(s.description() + " (" + s.health().name().toLowerCase(Locale.ROOT) + "): "
            + s.lastError().get());
      }
    }
    List<String> names = failing.stream().map(f -> f.substring(0, f.indexOf(" ("))).toList();
    if (names.equals(lastReported.stream().map(f -> f.substring(0, f.indexOf(" ("))).toList())) {
      return;
    }
    lastReported = failing;
    if (failing.isEmpty()) {
      LOG.info("all {} logs are followed", all.size());
      return;
    }
    StringBuilder b = new StringBuilder();
    b.append(failing.size()).append(" of ").append(all.size()).append(" logs cannot be followed right now");
    for (int i = 0; i < Math.min(NAMED, failing.size()); i++) {
      b.append("\n  ").append(failing.get(i));
    }
    if (failing.size() > NAMED) {
      b.append("\n  and ").append(failing.size() - NAMED).append(" more (GET /api/v1/logs has every log and its last error)");
    }
    LOG.warn(b.toString());
  }
}
