package org.ctmon.store.log;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ctmon.parser.Sha256;
import org.jdbi.v3.core.Jdbi;

/**
 * Each followed log's tree size and position over time, sampled about once a minute, for the
 * dashboard's lag and ingest charts: small (one row per log per minute), purged after a day or
 * so, and kept in the database so a restart does not blank the charts. Thread safe.
 */
public final class LogSamples {
  private final Jdbi jdbi;

  /**
   * One sample of one log.
   *
   * @param logId the log
   * @param at when it was taken
   * @param treeSize the largest tree size the log had shown then
   * @param position every entry below it was stored then
   */
  public record Sample(Sha256 logId, Instant at, long treeSize, long position) {
    public Sample {
      Objects.requireNonNull(logId, "logId");
      Objects.requireNonNull(at, "at");
    }
  }

  public LogSamples(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Stores samples; a log that is not registered is skipped, and a second sample of a log at the
   * same millisecond is ignored.
   */
  public void record(List<Sample> samples) {
    if (samples.isEmpty()) {
      return;
    }
    jdbi.useTransaction(h -> {
      var batch = h.prepareBatch("INSERT INTO log_samples (log, sampled_at, tree_size, position)"
          + " SELECT id, :at, :size, :position FROM logs WHERE log_id = :logId ON CONFLICT DO NOTHING");
      for (Sample s : samples) {
        batch.bind("at", s.at().toEpochMilli()).bind("size", s.treeSize()).bind("position", s.position())
            .bind("logId", s.logId().bytes()).add();
      }
      batch.execute();
    });
  }

  /** Every sample taken at or after {@code since}, by log then time. */
  public List<Sample> since(Instant since) {
    return jdbi.withHandle(h -> h.createQuery("SELECT l.log_id, s.sampled_at, s.tree_size, s.position"
            + " FROM log_samples s JOIN logs l ON l.id = s.log WHERE s.sampled_at >= :since"
            + " ORDER BY s.log, s.sampled_at")
        .bind("since", since.toEpochMilli())
        .map((rs, ctx) -> new Sample(Sha256.wrap(rs.getBytes(1)), Instant.ofEpochMilli(rs.getLong(2)), rs.getLong(3),
            rs.getLong(4)))
        .list());
  }

  /** Deletes samples taken before {@code before}; returns how many. */
  public int purgeBefore(Instant before) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM log_samples WHERE sampled_at < :before")
        .bind("before", before.toEpochMilli())
        .execute());
  }
}
