package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.OptionalInt;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.store.Page;
import org.ctmon.web.account.Caller;

/** An account's alerts and their delivery: {@code GET /api/v1/alerts?cursor=&limit=}, {@code GET /api/v1/alerts/{id}}. */
final class AlertsApi {
  static final int DEFAULT_LIMIT = 100;
  private final Outbox outbox;

  AlertsApi(Outbox outbox) {
    this.outbox = outbox;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/alerts", this::list);
    routes.get("/api/v1/alerts/{id}", this::get);
  }

  private void list(Context ctx) {
    long account = Caller.of(ctx).accountId();
    OptionalInt limit = PageLimit.of(ctx, DEFAULT_LIMIT, Outbox.MAX_LIMIT);
    if (limit.isEmpty()) {
      return;
    }
    Page<Alert> page;
    try {
      page = outbox.list(account, PageJson.cursor(ctx), limit.getAsInt());
    } catch (IllegalArgumentException e) {
      throw RequestRejected.badRequest(e.getMessage());
    }
    ctx.json(PageJson.of(page, AlertJson::of));
  }

  private void get(Context ctx) {
    long id = PathId.of(ctx, "alert");
    ctx.json(AlertJson.of(outbox.get(Caller.of(ctx).accountId(), id)
        .orElseThrow(() -> RequestRejected.notFound("no alert " + id))));
  }
}
