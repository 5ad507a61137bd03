package org.ctmon.store.retention;

import java.time.Clock;
import java.util.List;
import org.ctmon.store.NameKey;
import org.ctmon.store.StoreConfig;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Deletes what retention no longer keeps: issuances first seen before {@code now - window} that
 * no watch list matched, with their names, IP addresses and log entries.
 *
 * <p>Each call of {@link #purgeBatch()} is one short transaction over at most
 * {@code purgeBatchSize} issuances, oldest first, so concurrent ingest waits at most for one
 * batch's row locks; {@link #purge()} repeats it until nothing is left. An issuance seen again
 * after it was purged is simply stored again. Logs' positions are untouched: a purged entry is
 * never fetched again. Thread safe; run it from one scheduler.
 */
public final class Purge {
  private final Jdbi jdbi;
  private final Clock clock;
  private final StoreConfig.Retention retention;

  public Purge(Jdbi jdbi, Clock clock, StoreConfig.Retention retention) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.retention = retention;
  }

  /** One batch in one transaction; returns the number of issuances deleted (0: nothing left). */
  public int purgeBatch() {
    long cutoff = clock.millis() - retention.window().toMillis();
    return jdbi.inTransaction(h -> purgeBatch(h, cutoff));
  }

  /** Batches until nothing is past the window; returns the number of issuances deleted. */
  public long purge() {
    long total = 0;
    int n;
    do {
      n = purgeBatch();
      total += n;
    } while (n > 0);
    return total;
  }

  private int purgeBatch(Handle h, long cutoff) {
    List<Long> ids = h.createQuery("SELECT i.id FROM issuances i WHERE i.first_seen < :cutoff"
            + " AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.issuance_id = i.id)"
            + " ORDER BY i.first_seen, i.id LIMIT " + retention.purgeBatchSize())
        .bind("cutoff", cutoff)
        .mapTo(Long.class)
        .list();
    if (ids.isEmpty()) {
      return 0;
    }
    // The key range for H2 (its row key), issuance_id for PostgreSQL (its primary key's first column).
    PreparedBatch names = h.prepareBatch("DELETE FROM issuance_names WHERE issuance_id = :id"
        + " AND name_key >= :from AND name_key < :to");
    for (long id : ids) {
      names.bind("id", id).bind("from", NameKey.first(id)).bind("to", NameKey.end(id)).add();
    }
    names.execute();
    for (String table : List.of("issuance_ips", "log_entries")) {
      h.createUpdate("DELETE FROM " + table + " WHERE issuance_id IN (<ids>)").bindList("ids", ids).execute();
    }
    // A match committed since the SELECT makes this statement fail on the matches foreign key:
    // the whole batch rolls back, names and entries included, and the next run skips it.
    return h.createUpdate("DELETE FROM issuances WHERE id IN (<ids>)").bindList("ids", ids).execute();
  }
}
