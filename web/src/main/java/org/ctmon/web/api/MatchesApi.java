package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ctmon.store.Page;
import org.ctmon.store.watch.MatchView;
import org.ctmon.store.watch.Matches;
import org.ctmon.store.watch.Watchlists;
import org.ctmon.web.account.Caller;

/**
 * An account's matches, newest first: {@code GET /api/v1/matches?watchlist=ID&since=RFC3339&cursor=&limit=}
 * ({@code {"results": [...], "next": cursor|null}} as search) and {@code GET /api/v1/matches/{id}}.
 */
final class MatchesApi {
  static final int DEFAULT_LIMIT = 100;
  private final Matches matches;
  private final Watchlists lists;

  MatchesApi(Matches matches, Watchlists lists) {
    this.matches = matches;
    this.lists = lists;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/matches", this::list);
    routes.get("/api/v1/matches/{id}", this::get);
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
      page = matches.list(account, watchlist, since, Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty()),
          limit.getAsInt());
    } catch (IllegalArgumentException e) {
      throw RequestRejected.badRequest(e.getMessage());
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (MatchView v : page.items()) {
      results.add(MatchJson.of(v));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("results", results);
    body.put("next", page.next().orElse(null));
    ctx.json(body);
  }

  private void get(Context ctx) {
    long id = PathId.of(ctx, "match");
    ctx.json(MatchJson.of(matches.get(Caller.of(ctx).accountId(), id)
        .orElseThrow(() -> RequestRejected.notFound("no match " + id))));
  }

  static Instant time(String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw RequestRejected.badRequest("since must be an RFC 3339 time such as 2025-06-01T00:00:00Z");
    }
  }
}
