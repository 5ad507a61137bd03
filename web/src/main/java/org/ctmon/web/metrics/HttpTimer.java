package org.ctmon.web.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times every HTTP request into {@code http_server_requests_seconds}, tagged with the method, the
 * route template ({@code /api/v1/certs/{tbs}}, never the raw path: one series per route, however
 * many certificates are asked for), the status and its class. Requests no route matched are
 * {@code NOT_FOUND}; the tag names are Micrometer's (Spring's), so stock dashboards work.
 */
final class HttpTimer {
  private static final String START = "ctmon.metrics.start";
  // Buckets for the histogram: a p95 target of 50 ms (docs/benchmarks.md) sits on a boundary.
  private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;

  HttpTimer(MeterRegistry registry) {
    this.registry = registry;
  }

  void register(RoutesConfig routes) {
    routes.before(ctx -> ctx.attribute(START, registry.config().clock().monotonicTime()));
    routes.after(this::record);
  }

  private void record(Context ctx) {
    Long start = ctx.attribute(START);
    if (start == null) {
      return;
    }
    int status = ctx.statusCode();
    Timer.builder("http.server.requests")
        .description("HTTP requests served, by method, route template and status")
        .tag("method", ctx.method().name())
        .tag("uri", route(ctx, status))
        .tag("status", Integer.toString(status))
        .tag("outcome", outcome(status))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record(Duration.ofNanos(registry.config().clock().monotonicTime() - start));
  }

  private static String route(Context ctx, int status) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    if (matched != null) {
      return matched.path;
    }
    return status == 404 ? "NOT_FOUND" : "UNKNOWN";
  }

  private static String outcome(int status) {
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (status >= 400) {
      return "CLIENT_ERROR";
    }
    if (status >= 300) {
      return "REDIRECTION";
    }
    return status >= 200 ? "SUCCESS" : "INFORMATIONAL";
  }
}
