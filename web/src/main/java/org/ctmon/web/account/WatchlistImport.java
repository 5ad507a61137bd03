package org.ctmon.web.account;

import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.alerts.watch.WatchlistSpec;

/**
 * Storing an imported certspotter watch-list file, the same way for {@code ctmon watchlist import}
 * and {@code POST /api/v1/watchlists/import}: into the account's list of that name, created with
 * default policy when absent, else its items replaced and its policy (expected issuers, known
 * keys, never-issue, lookalikes) kept.
 */
public final class WatchlistImport {
  /** The name of the list an import goes to unless another is given. */
  public static final String DEFAULT_NAME = "imported";

  private WatchlistImport() {}

  /**
   * What an import stored.
   *
   * @param list the list as stored
   * @param created whether it was new
   */
  public record Outcome(Watchlist list, boolean created) {}

  /**
   * Stores {@code items} (already parsed, every line valid) as the account's list {@code name}.
   *
   * @throws org.ctmon.store.StoreException when another import created the list meanwhile
   * @throws IllegalArgumentException when the name is not 1..200 characters
   */
  public static Outcome store(Watchlists lists, long accountId, String name, List<WatchItem> items) {
    List<String> texts = items.stream().map(WatchItem::text).toList();
    Optional<Watchlist> existing = lists.list(accountId).stream().filter(w -> w.spec().name().equals(name)).findFirst();
    if (existing.isPresent()) {
      WatchlistSpec old = existing.get().spec();
      WatchlistSpec spec = new WatchlistSpec(name, texts, old.expectedIssuers(), old.knownKeys(), old.lookalikes(),
          old.neverIssue(), old.alertHistory());
      long id = existing.get().id();
      if (!lists.replace(accountId, id, spec)) {
        throw new org.ctmon.store.StoreException("error importing watch list " + name + ": it was deleted meanwhile");
      }
      return new Outcome(lists.get(accountId, id).orElseThrow(), false);
    }
    long id = lists.create(accountId, new WatchlistSpec(name, texts, List.of(), List.of(), false));
    return new Outcome(lists.get(accountId, id).orElseThrow(), true);
  }
}
