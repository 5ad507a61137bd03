package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.web.account.BearerAuth;
import org.ctmon.web.account.Caller;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /api/v1/dashboard?hours=1..24} (bearer): what the dashboard shows above its log table:
 * ingest now, issuances and the caller's alerts since midnight UTC, lag, logs by health, and the
 * lag and ingest series in 10-minute buckets (5-minute up to 6 hours). The per-log table is
 * {@code GET /api/v1/logs}.
 */
public final class DashboardApi {
  private final Supplier<List<FollowerStatus>> statuses;
  private final DashboardFigures figures;
  private final BearerAuth auth;
  private final Clock clock;

  public DashboardApi(Jdbi jdbi, Clock clock, Supplier<List<FollowerStatus>> statuses) {
    this.statuses = statuses;
    this.figures = new DashboardFigures(jdbi, clock);
    this.auth = new BearerAuth(new ApiTokens(jdbi, clock, new SecureRandom()));
    this.clock = clock;
  }

  public void register(RoutesConfig routes) {
    auth.register(routes, "/api/v1/dashboard");
    routes.get("/api/v1/dashboard", this::show);
  }

  private void show(Context ctx) {
    int hours = 24;
    String text = ctx.queryParam("hours");
    if (text != null) {
      try {
        hours = Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        hours = -1;
      }
      if (hours < 1 || hours > 24) {
        ApiError.send(ctx, io.javalin.http.HttpStatus.BAD_REQUEST, "hours must be a whole number from 1 to 24");
        return;
      }
    }
    DashboardFigures.Today today = figures.today(Caller.of(ctx).accountId());
    double rate = 0;
    long lag = 0;
    Map<String, Integer> health = new LinkedHashMap<>();
    for (FollowerHealth h : FollowerHealth.values()) {
      health.put(h.name().toLowerCase(java.util.Locale.ROOT), 0);
    }
    for (FollowerStatus s : statuses.get()) {
      rate += s.entriesPerSecond();
      lag += s.lag();
      health.merge(s.health().name().toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
    }
    Instant now = clock.instant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("entries_per_second", Math.round(rate * 10) / 10.0);
    body.put("issuances_today", today.issuances());
    body.put("alerts_today", today.alerts());
    body.put("lag", lag);
    body.put("logs", health);
    body.put("series", figures.series(now.minus(Duration.ofHours(hours)), now,
        Duration.ofMinutes(hours <= 6 ? 5 : 10)).json());
    ctx.json(body);
  }
}
