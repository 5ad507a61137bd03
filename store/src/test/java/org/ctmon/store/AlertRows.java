package org.ctmon.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.parser.Sha256;
import org.ctmon.store.ingest.AttachedWrites;
import org.jdbi.v3.core.Handle;

/**
 * Test fixture: rows in the alert tables written in plain SQL. The queries over these tables live
 * in alerts, which the store cannot see; store tests that need such rows (copy, purge, schema
 * upgrades, rollback) write them here, as the store sees them: tables.
 */
public final class AlertRows {
  private AlertRows() {}

  /** A watch list of the account with {@code items}, an expected issuer and a known key; returns its id. */
  public static long watchlist(Store s, long account, String name, List<String> items, long now) {
    return s.jdbi().inTransaction(h -> {
      long id = h.createUpdate("INSERT INTO watchlists (account_id, name, lookalikes, alert_history, created_at)"
              + " VALUES (:account, :name, TRUE, FALSE, :now)")
          .bind("account", account)
          .bind("name", name)
          .bind("now", now)
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
      for (int i = 0; i < items.size(); i++) {
        h.execute("INSERT INTO watch_items (watchlist_id, ordinal, item) VALUES (?, ?, ?)", id, i, items.get(i));
      }
      h.execute("INSERT INTO watch_policies (watchlist_id, kind, ordinal, policy_value) VALUES (?, ?, ?, ?)", id,
          "expected_issuer", 0, "letsencrypt.org");
      return id;
    });
  }

  /** An unexpected match of {@code tbs} on the watch list, written with the batch that holds it; its DER is kept. */
  public static AttachedWrites match(long account, long watchlist, Sha256 tbs, String watchItem) {
    return new AttachedWrites() {
      @Override
      public Set<Sha256> keepDer() {
        return Set.of(tbs);
      }

      @Override
      public Written write(Handle h, Map<Sha256, Long> issuanceIds, long now) {
        int n = h.createUpdate("INSERT INTO matches (account_id, watchlist_id, tbs_sha256, issuance_id, verdict,"
                + " reasons, watch_items, created_at) VALUES (:account, :watchlist, :tbs, :issuance, 'unexpected',"
                + " '[]', :items, :now)")
            .bind("account", account)
            .bind("watchlist", watchlist)
            .bind("tbs", tbs.bytes())
            .bind("issuance", issuanceIds.get(tbs))
            .bind("items", "[\"" + watchItem + "\"]")
            .bind("now", now)
            .execute();
        return new Written(n, 0);
      }
    };
  }
}
