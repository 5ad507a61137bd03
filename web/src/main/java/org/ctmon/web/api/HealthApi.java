package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code /healthz}: the process answers and its database does (for a supervisor's restart
 * decision). {@code /readyz}: ready to serve, i.e. the store is migrated and followers are
 * scheduled (for a load balancer).
 */
public final class HealthApi {
  private final Jdbi jdbi;
  private final BooleanSupplier ready;

  public HealthApi(Jdbi jdbi, BooleanSupplier ready) {
    this.jdbi = jdbi;
    this.ready = ready;
  }

  public void register(RoutesConfig routes) {
    routes.get("/healthz", ctx -> {
      Map<String, Object> body = new LinkedHashMap<>();
      boolean db = databaseAnswers();
      body.put("status", db ? "ok" : "failing");
      body.put("database", db ? "ok" : "not answering");
      ctx.status(db ? 200 : 503).json(body);
    });
    routes.get("/readyz", ctx -> {
      boolean ok = ready.getAsBoolean() && databaseAnswers();
      ctx.status(ok ? 200 : 503).json(Map.of("status", ok ? "ready" : "starting"));
    });
  }

  private boolean databaseAnswers() {
    try {
      return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
