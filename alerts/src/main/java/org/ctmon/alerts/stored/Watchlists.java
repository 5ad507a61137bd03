package org.ctmon.alerts.stored;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.store.StoreException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Watch lists of accounts. Thread safe. */
public final class Watchlists {
  private final Jdbi jdbi;
  private final Clock clock;

  public Watchlists(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Creates a watch list for the account and returns its id.
   *
   * @throws StoreException when the account has a watch list of that name
   */
  public long create(long accountId, WatchlistSpec spec) {
    return jdbi.inTransaction(h -> {
      requireFreeName(h, accountId, spec.name(), -1);
      long id = h.createUpdate("INSERT INTO watchlists (account_id, name, lookalikes, alert_history, created_at)"
              + " VALUES (:account, :name, :lookalikes, :history, :now)")
          .bind("account", accountId)
          .bind("name", spec.name())
          .bind("lookalikes", spec.lookalikes())
          .bind("history", spec.alertHistory())
          .bind("now", clock.millis())
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
      writeContents(h, id, spec);
      return id;
    });
  }

  /** Replaces the account's watch list's contents; false when the account has no such list. */
  public boolean replace(long accountId, long id, WatchlistSpec spec) {
    return jdbi.inTransaction(h -> {
      requireFreeName(h, accountId, spec.name(), id);
      int n = h.createUpdate("UPDATE watchlists SET name = :name, lookalikes = :lookalikes,"
              + " alert_history = :history WHERE id = :id AND account_id = :account")
          .bind("name", spec.name())
          .bind("lookalikes", spec.lookalikes())
          .bind("history", spec.alertHistory())
          .bind("id", id)
          .bind("account", accountId)
          .execute();
      if (n == 0) {
        return false;
      }
      h.createUpdate("DELETE FROM watch_items WHERE watchlist_id = :id").bind("id", id).execute();
      h.createUpdate("DELETE FROM watch_policies WHERE watchlist_id = :id").bind("id", id).execute();
      h.createUpdate("DELETE FROM watch_never_issue WHERE watchlist_id = :id").bind("id", id).execute();
      writeContents(h, id, spec);
      return true;
    });
  }

  /** Deletes the account's watch list with its matches; false when the account has no such list. */
  public boolean delete(long accountId, long id) {
    return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM watchlists WHERE id = :id AND account_id = :account")
        .bind("id", id)
        .bind("account", accountId)
        .execute() == 1);
  }

  /** The account's watch lists, oldest first. */
  public List<Watchlist> list(long accountId) {
    return jdbi.withHandle(h -> read(h, "w.account_id = :account", Map.of("account", accountId)));
  }

  /** The account's watch list with this id; empty when it is another account's or absent. */
  public Optional<Watchlist> get(long accountId, long id) {
    return jdbi.withHandle(h -> read(h, "w.account_id = :account AND w.id = :id",
        Map.of("account", accountId, "id", id))).stream().findFirst();
  }

  /**
   * Every watch list of every enabled account, for the matcher. Never for the API: it crosses
   * accounts.
   */
  public List<Watchlist> allForMatching() {
    return jdbi.withHandle(h -> read(h, "w.account_id IN (SELECT id FROM accounts WHERE NOT disabled)", Map.of()));
  }

  private static void requireFreeName(Handle h, long accountId, String name, long except) {
    boolean taken = h.createQuery("SELECT COUNT(*) FROM watchlists WHERE account_id = :account AND name = :name"
            + " AND id <> :except")
        .bind("account", accountId).bind("name", name).bind("except", except)
        .mapTo(Integer.class).one() > 0;
    if (taken) {
      throw new StoreException("error saving watch list: account " + accountId + " has one named " + name);
    }
  }

  private static void writeContents(Handle h, long id, WatchlistSpec spec) {
    var items = h.prepareBatch("INSERT INTO watch_items (watchlist_id, ordinal, item) VALUES (:id, :ordinal, :item)");
    for (int i = 0; i < spec.items().size(); i++) {
      items.bind("id", id).bind("ordinal", i).bind("item", spec.items().get(i)).add();
    }
    if (!spec.items().isEmpty()) {
      items.execute();
    }
    var policies = h.prepareBatch("INSERT INTO watch_policies (watchlist_id, kind, ordinal, policy_value)"
        + " VALUES (:id, :kind, :ordinal, :value)");
    int n = 0;
    for (int i = 0; i < spec.expectedIssuers().size(); i++, n++) {
      policies.bind("id", id).bind("kind", "expected_issuer").bind("ordinal", i)
          .bind("value", spec.expectedIssuers().get(i)).add();
    }
    for (int i = 0; i < spec.knownKeys().size(); i++, n++) {
      policies.bind("id", id).bind("kind", "known_key").bind("ordinal", i).bind("value", spec.knownKeys().get(i)).add();
    }
    if (n > 0) {
      policies.execute();
    }
    var never = h.prepareBatch("INSERT INTO watch_never_issue (watchlist_id, ordinal, item) VALUES (:id, :ordinal, :item)");
    for (int i = 0; i < spec.neverIssue().size(); i++) {
      never.bind("id", id).bind("ordinal", i).bind("item", spec.neverIssue().get(i)).add();
    }
    if (!spec.neverIssue().isEmpty()) {
      never.execute();
    }
  }

  private static List<Watchlist> read(Handle h, String where, Map<String, Object> binds) {
    record Head(long id, long account, String name, boolean lookalikes, boolean history, long created) {}
    List<Head> heads = h.createQuery("SELECT w.id, w.account_id, w.name, w.lookalikes, w.alert_history, w.created_at"
            + " FROM watchlists w WHERE " + where + " ORDER BY w.id")
        .bindMap(binds)
        .map((rs, ctx) -> new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
            rs.getLong(6)))
        .list();
    if (heads.isEmpty()) {
      return List.of();
    }
    List<Long> ids = heads.stream().map(Head::id).toList();
    Map<Long, List<String>> items = new HashMap<>();
    h.createQuery("SELECT watchlist_id, item FROM watch_items WHERE watchlist_id IN (<ids>) ORDER BY watchlist_id, ordinal")
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .forEach(e -> items.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<Long, List<String>> issuers = new HashMap<>();
    Map<Long, List<String>> keys = new HashMap<>();
    h.createQuery("SELECT watchlist_id, kind, policy_value FROM watch_policies WHERE watchlist_id IN (<ids>)"
            + " ORDER BY watchlist_id, kind, ordinal")
        .bindList("ids", ids)
        .map((rs, ctx) -> new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)})
        .forEach(r -> (r[1].equals("known_key") ? keys : issuers)
            .computeIfAbsent(Long.parseLong(r[0]), k -> new ArrayList<>()).add(r[2]));
    Map<Long, List<String>> never = new HashMap<>();
    h.createQuery("SELECT watchlist_id, item FROM watch_never_issue WHERE watchlist_id IN (<ids>)"
            + " ORDER BY watchlist_id, ordinal")
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .forEach(e -> never.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<Watchlist> out = new ArrayList<>();
    for (Head hd : heads) {
      out.add(new Watchlist(hd.id(), hd.account(), new WatchlistSpec(hd.name(), items.getOrDefault(hd.id(), List.of()),
          issuers.getOrDefault(hd.id(), List.of()), keys.getOrDefault(hd.id(), List.of()), hd.lookalikes(),
          never.getOrDefault(hd.id(), List.of()), hd.history()),
          Instant.ofEpochMilli(hd.created())));
    }
    return out;
  }
}
