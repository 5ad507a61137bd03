package org.ctmon.web.metrics;

import io.javalin.config.RoutesConfig;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.jdbi.v3.core.Jdbi;

/**
 * ctmon's Prometheus metrics and {@code GET /metrics}, their text exposition (format 0.0.4).
 *
 * <pre>
 *   scrape ─► followers' statuses (one snapshot) ─► per log gauges, entries counter
 *          ─► store (outbox, log_incidents; at most every 5 s) ─► delivery and incident gauges
 *          ─► registry (plus HTTP timings and JVM binders, recorded as they happen) ─► text
 * </pre>
 *
 * Every metric is listed in {@code docs/metrics.md}. Thread safe: concurrent scrapes are
 * serialized. {@link #close()} stops the GC listener.
 */
public final class CtmonMetrics implements AutoCloseable {
  /** The content type of the text exposition format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;
  private final LogMeters logs;
  private final StoreMeters store;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /**
   * Metrics into {@code registry}, per log from {@code statuses} (called once per scrape), alert
   * and incident counts from the store behind {@code jdbi}, their age and cache measured with
   * {@code clock}. Binds the JVM's memory, GC, thread, class, processor and uptime meters.
   */
  public CtmonMetrics(PrometheusMeterRegistry registry, Supplier<List<FollowerStatus>> statuses, Jdbi jdbi,
                      Clock clock) {
    this.registry = registry;
    this.logs = new LogMeters(registry, statuses);
    this.store = new StoreMeters(registry, jdbi, clock);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Times every request of the server and serves {@code GET /metrics}. */
  public void register(RoutesConfig routes) {
    new HttpTimer(registry).register(routes);
    routes.get("/metrics", ctx -> ctx.contentType(CONTENT_TYPE).result(scrape()));
  }

  /** Refreshes the per log and store meters and returns every metric in the text format. */
  public synchronized String scrape() {
    logs.refresh();
    store.refresh();
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
  }
}
