package org.ctmon.store.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes tree heads received before {@code now - window}, except the evidence: heads an incident
 * refers to, and each log's verified head (the one its stored entries reproduce).
 *
 * <p>Why: every poll of every log stores the head it got, and busy logs serve a new head on
 * nearly every poll (static-ct-api logs sign a checkpoint every second), so about 45 logs polled
 * every 10 s add a quarter of a million rows a day. Past the window an ordinary head proves
 * nothing the verified head does not. One short transaction per batch, oldest first; a head an
 * incident starts to refer to meanwhile makes its batch fail on the foreign key: that batch rolls
 * back and {@link #purge()} throws, the batches before it stay deleted, and the next run goes on.
 */
public final class TreeHeadPurge {
  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration window;
  private final int batchSize;

  public TreeHeadPurge(Jdbi jdbi, Clock clock, Duration window, int batchSize) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("retention.treeHeads must be positive, not " + window);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
    }
    this.jdbi = jdbi;
    this.clock = clock;
    this.window = window;
    this.batchSize = batchSize;
  }

  /** Batches until nothing is past the window; returns the number of heads deleted. */
  public long purge() {
    long cutoff = clock.millis() - window.toMillis();
    long total = 0;
    int n;
    do {
      n = jdbi.inTransaction(h -> {
        List<Long> ids = h.createQuery("SELECT t.id FROM tree_heads t WHERE t.received_at < :cutoff"
                + " AND NOT EXISTS (SELECT 1 FROM log_incidents i WHERE i.head_a = t.id OR i.head_b = t.id)"
                + " AND NOT EXISTS (SELECT 1 FROM logs l WHERE l.id = t.log AND l.verified_size = t.tree_size"
                + " AND l.verified_timestamp = t.head_timestamp AND l.verified_root = t.root_hash)"
                + " ORDER BY t.id LIMIT " + batchSize)
            .bind("cutoff", cutoff)
            .mapTo(Long.class)
            .list();
        return ids.isEmpty() ? 0
            : h.createUpdate("DELETE FROM tree_heads WHERE id IN (<ids>)").bindList("ids", ids).execute();
      });
      total += n;
    } while (n > 0);
    return total;
  }
}
