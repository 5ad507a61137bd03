package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.MatchFilter;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.store.Page;
import org.ctmon.web.account.Caller;

/**
 * An account's matches (the alerts page's rows), newest first:
 * {@code GET /api/v1/matches?watchlist=ID&since=RFC3339&verdict=&delivery=&acknowledged=&cursor=&limit=}
 * ({@code {"results": [...], "next": cursor|null}} as search); {@code GET /api/v1/matches/{id}} adds
 * the deliveries of its alerts; {@code PUT|DELETE /api/v1/matches/{id}/acknowledgement} acknowledges
 * it or takes that back.
 */
final class MatchesApi {
  static final int DEFAULT_LIMIT = 100;
  private final Matches matches;
  private final Watchlists lists;
  private final Outbox outbox;
  private final Clock clock;

  MatchesApi(Matches matches, Watchlists lists, Outbox outbox, Clock clock) {
    this.matches = matches;
    this.lists = lists;
    this.outbox = outbox;
    this.clock = clock;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/matches", this::list);
    routes.get("/api/v1/matches/{id}", this::get);
    routes.put("/api/v1/matches/{id}/acknowledgement", ctx -> acknowledge(ctx, true));
    routes.delete("/api/v1/matches/{id}/acknowledgement", ctx -> acknowledge(ctx, false));
  }

  private void list(Context ctx) {
    long account = Caller.of(ctx).accountId();
    Optional<Long> watchlist = Optional.ofNullable(ctx.queryParam("watchlist")).filter(s -> !s.isBlank()).map(s -> {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        throw RequestRejected.badRequest("watchlist must be a watch list id");
      }
    });
    watchlist.ifPresent(w -> lists.get(account, w).orElseThrow(() -> RequestRejected.notFound("no watch list " + w)));
    Optional<Instant> since = Optional.ofNullable(ctx.queryParam("since")).filter(s -> !s.isBlank()).map(MatchesApi::time);
    OptionalInt limit = PageLimit.of(ctx, DEFAULT_LIMIT, Matches.MAX_LIMIT);
    if (limit.isEmpty()) {
      return;
    }
    Page<MatchView> page;
    try {
      MatchFilter filter = MatchQuery.parse(ctx::queryParam,
          new MatchFilter(watchlist, Optional.empty(), Optional.empty(), Optional.empty(), since));
      page = matches.list(account, filter, PageJson.cursor(ctx), limit.getAsInt());
    } catch (IllegalArgumentException e) {
      throw RequestRejected.badRequest(e.getMessage());
    }
    ctx.json(PageJson.of(page, MatchJson::of));
  }

  private void get(Context ctx) {
    long account = Caller.of(ctx).accountId();
    long id = PathId.of(ctx, "match");
    MatchView v = matches.get(account, id).orElseThrow(() -> RequestRejected.notFound("no match " + id));
    ctx.json(withDeliveries(account, v));
  }

  private void acknowledge(Context ctx, boolean ack) {
    long account = Caller.of(ctx).accountId();
    long id = PathId.of(ctx, "match");
    if (!matches.acknowledge(account, id, ack ? Optional.of(clock.instant()) : Optional.empty())) {
      throw RequestRejected.notFound("no match " + id);
    }
    ctx.json(withDeliveries(account, matches.get(account, id).orElseThrow(() -> RequestRejected.notFound("no match " + id))));
  }

  private Map<String, Object> withDeliveries(long account, MatchView v) {
    Map<String, Object> m = MatchJson.of(v);
    List<Map<String, Object>> deliveries = new ArrayList<>();
    for (Alert a : outbox.ofIssuance(account, v.issuance().tbsSha256())) {
      Map<String, Object> d = AlertJson.of(a);
      d.remove("payload"); // GET /api/v1/alerts/{id} has it; here it would repeat the match
      deliveries.add(d);
    }
    m.put("deliveries", deliveries);
    return m;
  }

  static Instant time(String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw RequestRejected.badRequest("since must be an RFC 3339 time such as 2025-06-01T00:00:00Z");
    }
  }
}
