package org.ctmon.web.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.store.StoreException;
import org.ctmon.store.watch.Watchlist;
import org.ctmon.store.watch.Watchlists;
import org.ctmon.web.api.WatchlistListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|POST /watchlists} (the account's lists and the form for a new one) and
 * {@code GET /watchlists/{id}} (one list; another account's id is a 404). A form with any error
 * stores nothing and comes back with the messages next to their fields.
 */
final class WatchlistsPage {
  private static final Logger LOG = LoggerFactory.getLogger(WatchlistsPage.class);
  private final Watchlists lists;
  private final CaaIssuers caa;
  private final WatchlistListener listener;
  private final Templates templates;

  /** One list in the table. */
  record ListRow(long id, String name, int itemCount, String itemsPreview, String policy, String created) {}

  /** The list page: the lists and the form (empty, or as sent with its errors). */
  record Model(List<ListRow> lists, WatchlistForm form) {}

  WatchlistsPage(Watchlists lists, CaaIssuers caa, WatchlistListener listener, Templates templates) {
    this.lists = lists;
    this.caa = caa;
    this.listener = listener;
    this.templates = templates;
  }

  void list(Context ctx, Visitor v) {
    show(ctx, v, WatchlistForm.empty());
  }

  void create(Context ctx, Visitor v) {
    WatchlistForm form = WatchlistForm.read(ctx, caa);
    if (form.errors().isEmpty()) {
      String name = form.name().strip();
      try {
        long id = lists.create(v.accountId(), form.spec(caa));
        saved(v.accountId(), id);
        ctx.redirect("/watchlists/" + id, HttpStatus.SEE_OTHER);
        return;
      } catch (StoreException e) {
        if (lists.list(v.accountId()).stream().noneMatch(w -> w.spec().name().equals(name))) {
          throw e; // not the name: a real failure, answered 500 and logged
        }
        form = form.withError("name", "you have a watch list with this name already");
      }
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    show(ctx, v, form);
  }

  private void saved(long account, long id) {
    try {
      listener.saved(account, id);
    } catch (RuntimeException e) {
      LOG.error("watch list {} of account {} saved, but the matcher was not told", id, account, e);
    }
  }

  void one(Context ctx, Visitor v) {
    Optional<Watchlist> w = PathIds.of(ctx).flatMap(id -> lists.get(v.accountId(), id));
    if (w.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such watch list");
      return;
    }
    templates.page(ctx, "watchlist.jte", new Page(w.get().spec().name(), Page.Section.WATCHLISTS, v), w.get());
  }

  private void show(Context ctx, Visitor v, WatchlistForm form) {
    List<ListRow> rows = lists.list(v.accountId()).stream().map(WatchlistsPage::row).toList();
    templates.page(ctx, "watchlists.jte", new Page("Watch lists", Page.Section.WATCHLISTS, v), new Model(rows, form));
  }

  private static ListRow row(Watchlist w) {
    List<String> items = w.spec().items();
    String preview = String.join(", ", items.subList(0, Math.min(4, items.size())))
        + (items.size() > 4 ? " and " + (items.size() - 4) + " more" : "");
    String policy = w.spec().expectedIssuers().isEmpty() && w.spec().knownKeys().isEmpty() ? "any issuer"
        : w.spec().expectedIssuers().size() + " expected issuer(s), " + w.spec().knownKeys().size() + " known key(s)";
    return new ListRow(w.id(), w.spec().name(), items.size(), preview,
        policy + (w.spec().lookalikes() ? ", lookalikes" : ""), Display.day(w.createdAt()));
  }
}
