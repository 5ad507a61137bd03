package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.WatchListFile;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.store.StoreException;
import org.ctmon.web.account.Caller;
import org.ctmon.web.account.WatchlistImport;
import org.ctmon.web.account.WatchlistLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's watch lists: {@code GET|POST /api/v1/watchlists}, {@code GET|PUT|DELETE
 * /api/v1/watchlists/{id}}, certspotter files through {@code GET /api/v1/watchlists/{id}/export}
 * and {@code POST /api/v1/watchlists/import?name=}. A body with any bad entry stores nothing.
 * {@code GET /api/v1/watchlists/{id}/test?name=} tests a name against the list;
 * {@code GET /api/v1/watchlists/{id}/issuers?days=} counts its matches per issuer over time.
 */
final class WatchlistsApi {
  private static final Logger LOG = LoggerFactory.getLogger(WatchlistsApi.class);
  private final Watchlists lists;
  private final CaaIssuers caa;
  private final WatchlistListener listener;
  private final Matches matches;
  private final Clock clock;

  WatchlistsApi(Watchlists lists, CaaIssuers caa, WatchlistListener listener, Matches matches, Clock clock) {
    this.lists = lists;
    this.caa = caa;
    this.listener = listener;
    this.matches = matches;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/watchlists", this::list);
    routes.post("/api/v1/watchlists", this::create);
    routes.post("/api/v1/watchlists/import", this::importFile);
    routes.get("/api/v1/watchlists/{id}", this::get);
    routes.put("/api/v1/watchlists/{id}", this::replace);
    routes.delete("/api/v1/watchlists/{id}", this::delete);
    routes.get("/api/v1/watchlists/{id}/export", this::export);
    routes.get("/api/v1/watchlists/{id}/test", this::test);
    routes.get("/api/v1/watchlists/{id}/issuers", this::issuers);
  }

  /** {@code ?name=}: which items of the list a certificate for the name would match, and why. */
  private void test(Context ctx) {
    Watchlist w = owned(Caller.of(ctx).accountId(), PathId.of(ctx, "watch list"));
    try {
      ctx.json(NameTest.of(w.spec(), ctx.queryParam("name")).json());
    } catch (IllegalArgumentException e) {
      throw RequestRejected.badRequest(e.getMessage());
    }
  }

  /** {@code ?days=1..366} (182): the list's matched issuances per issuer, by week (by day up to 31 days). */
  private void issuers(Context ctx) {
    long account = Caller.of(ctx).accountId();
    Watchlist w = owned(account, PathId.of(ctx, "watch list"));
    int days = 182;
    String text = ctx.queryParam("days");
    if (text != null) {
      try {
        days = Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (days < 1 || days > 366) {
        throw RequestRejected.badRequest("days must be a whole number from 1 to 366");
      }
    }
    ctx.json(IssuerSeries.of(matches.issuersPerDay(account, w.id(), IssuerSeries.since(clock.instant(), days)),
        clock.instant(), days, days <= 31 ? 1 : 7).json());
  }

  private void list(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Watchlist w : lists.list(Caller.of(ctx).accountId())) {
      out.add(WatchlistJson.of(w));
    }
    ctx.json(Map.of("results", out));
  }

  private void create(Context ctx) {
    long account = Caller.of(ctx).accountId();
    WatchlistSpec spec = WatchlistBody.parse(JsonBody.of(ctx, WatchlistBody.FIELDS), caa);
    long id;
    try {
      id = lists.create(account, spec);
    } catch (StoreException e) {
      throw conflictOr(e, account, spec.name(), -1);
    }
    saved(account, id);
    ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/watchlists/" + id)
        .json(WatchlistJson.of(owned(account, id)));
  }

  private void get(Context ctx) {
    ctx.json(WatchlistJson.of(owned(Caller.of(ctx).accountId(), PathId.of(ctx, "watch list"))));
  }

  private void replace(Context ctx) {
    long account = Caller.of(ctx).accountId();
    long id = PathId.of(ctx, "watch list");
    owned(account, id); // 404 before 400: another account's id says nothing about its body
    WatchlistSpec spec = WatchlistBody.parse(JsonBody.of(ctx, WatchlistBody.FIELDS), caa);
    boolean replaced;
    try {
      replaced = lists.replace(account, id, spec);
    } catch (StoreException e) {
      throw conflictOr(e, account, spec.name(), id);
    }
    if (!replaced) {
      throw RequestRejected.notFound("no watch list " + id);
    }
    saved(account, id);
    ctx.json(WatchlistJson.of(owned(account, id)));
  }

  private void delete(Context ctx) {
    long account = Caller.of(ctx).accountId();
    long id = PathId.of(ctx, "watch list");
    if (!lists.delete(account, id)) {
      throw RequestRejected.notFound("no watch list " + id);
    }
    try {
      listener.deleted(account, id);
    } catch (RuntimeException e) {
      LOG.error("watch list {} of account {} deleted, but the matcher was not told", id, account, e);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void export(Context ctx) {
    Watchlist w = owned(Caller.of(ctx).accountId(), PathId.of(ctx, "watch list"));
    String file = WatchListFile.write(w.spec().items().stream().map(WatchItem::parse).toList());
    ctx.contentType("text/plain; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"watchlist-" + w.id() + ".txt\"")
        .result(file);
  }

  private void importFile(Context ctx) {
    long account = Caller.of(ctx).accountId();
    String name = ctx.queryParam("name");
    name = name == null || name.isBlank() ? WatchlistImport.DEFAULT_NAME : name.strip();
    if (name.length() > WatchlistBody.MAX_NAME || ApiText.hasControl(name)) {
      throw RequestRejected.badRequest("name has 1.." + WatchlistBody.MAX_NAME + " characters and no control characters");
    }
    WatchListFile.Parsed parsed = WatchListFile.parse(ctx.body());
    if (!parsed.errors().isEmpty()) {
      List<Map<String, Object>> lines = new ArrayList<>();
      for (WatchListFile.LineError e : parsed.errors()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", e.line());
        m.put("text", ApiText.clip(e.text()));
        m.put("error", e.message());
        lines.add(m);
      }
      throw new RequestRejected(HttpStatus.BAD_REQUEST, parsed.errors().size() + " bad line(s) in the watch-list file;"
          + " nothing was stored", Map.of("lines", lines));
    }
    if (parsed.items().size() > WatchlistLimits.MAX_ITEMS) {
      throw RequestRejected.badRequest("the file has " + parsed.items().size() + " items; a watch list holds at most "
          + WatchlistLimits.MAX_ITEMS);
    }
    WatchlistImport.Outcome o;
    try {
      o = WatchlistImport.store(lists, account, name, parsed.items());
    } catch (StoreException e) {
      throw conflictOr(e, account, name, -1);
    }
    saved(account, o.list().id());
    ctx.status(o.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .header("Location", "/api/v1/watchlists/" + o.list().id())
        .json(WatchlistJson.of(o.list()));
  }

  private Watchlist owned(long account, long id) {
    return lists.get(account, id).orElseThrow(() -> RequestRejected.notFound("no watch list " + id));
  }

  private void saved(long account, long id) {
    try {
      listener.saved(account, id);
    } catch (RuntimeException e) {
      LOG.error("watch list {} of account {} saved, but the matcher was not told", id, account, e);
    }
  }

  /** 409 when the failure was the name being taken (the store's only refusal here), else the failure itself. */
  private RuntimeException conflictOr(StoreException e, long account, String name, long except) {
    boolean taken = lists.list(account).stream().anyMatch(w -> w.spec().name().equals(name) && w.id() != except);
    return taken ? nameTaken(name) : e;
  }

  private static RequestRejected nameTaken(String name) {
    return new RequestRejected(HttpStatus.CONFLICT, "a watch list named \"" + ApiText.clip(name) + "\" exists already");
  }
}
