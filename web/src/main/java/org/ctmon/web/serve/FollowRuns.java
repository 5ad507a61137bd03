package org.ctmon.web.serve;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of which node ran which log's follower when ({@code follow_runs}, cluster.mode
 * postgresql): a row when a run starts, its end when it ends; a node that dies mid-run leaves its
 * end empty. Rows older than a day are deleted now and then. A failure to record is logged and
 * never stops a run: the record is evidence, not a lock (Quartz's clustered job store is the lock).
 */
final class FollowRuns {
  private static final Logger LOG = LoggerFactory.getLogger(FollowRuns.class);
  private static final Duration KEPT = Duration.ofDays(1);
  private static final int PURGE_EVERY = 1000;

  private final Jdbi jdbi;
  private final Clock clock;
  private final String node;
  private final AtomicLong runs = new AtomicLong();

  FollowRuns(Jdbi jdbi, Clock clock, String node) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.node = node;
  }

  /** Records the start of a run of {@code job}; returns its id, 0 when it could not be recorded. */
  long started(String job) {
    try {
      if (runs.incrementAndGet() % PURGE_EVERY == 0) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM follow_runs WHERE started_at < :before")
            .bind("before", clock.millis() - KEPT.toMillis()).execute());
      }
      return jdbi.withHandle(h -> h.createUpdate("INSERT INTO follow_runs (job, node, started_at) VALUES (:job, :node, :now)")
          .bind("job", job).bind("node", node).bind("now", clock.millis())
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    } catch (RuntimeException e) {
      LOG.warn("cannot record the start of {} on {}: {}", job, node, e.getMessage());
      return 0;
    }
  }

  /** Records the end of run {@code id}. */
  void ended(long id) {
    if (id == 0) {
      return;
    }
    try {
      jdbi.useHandle(h -> h.createUpdate("UPDATE follow_runs SET ended_at = :now WHERE id = :id")
          .bind("now", clock.millis()).bind("id", id).execute());
    } catch (RuntimeException e) {
      LOG.warn("cannot record the end of run {} on {}: {}", id, node, e.getMessage());
    }
  }
}
