package org.ctmon.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.parser.Sha256;

/**
 * The per log meters, read from one snapshot of the followers' statuses per scrape: a log that is
 * no longer followed loses its gauges at the next scrape. Not thread safe: {@link CtmonMetrics}
 * refreshes under its lock.
 */
final class LogMeters {
  private final MeterRegistry registry;
  private final Supplier<List<FollowerStatus>> statuses;
  private final List<Gauged> gauges = new ArrayList<>();
  private final MultiGauge health;
  private final Map<Sha256, Ingested> ingested = new HashMap<>();

  /** One gauge family and how a status gives its value; absent (no head yet) is {@code NaN}, skipped. */
  private record Gauged(MultiGauge gauge, ToDoubleFunction<FollowerStatus> value) {}

  /** The entries counter of one log and the position it last saw. */
  private record Ingested(Counter counter, long position) {}

  LogMeters(MeterRegistry registry, Supplier<List<FollowerStatus>> statuses) {
    this.registry = registry;
    this.statuses = statuses;
    gauge("ctmon.log.tree.size", null, "entries in the newest tree head the log served",
        s -> s.latestHead().map(h -> (double) h.treeSize()).orElse(Double.NaN));
    gauge("ctmon.log.position", null, "entries stored: every index below this one", s -> s.position());
    gauge("ctmon.log.lag", "entries", "entries the log has that are not stored yet", s -> s.lag());
    gauge("ctmon.log.verified.head.age", "seconds", "age of the newest tree head the stored entries reproduced",
        s -> s.verifiedAge().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN));
    gauge("ctmon.log.entries.per.second", null, "entries committed per second over the last minute",
        FollowerStatus::entriesPerSecond);
    gauge("ctmon.log.consecutive.failures", null, "failed requests in a row since the last success",
        FollowerStatus::consecutiveFailures);
    gauge("ctmon.log.requests.in.flight", null, "requests to the log in flight now", s -> s.pace().inFlight());
    gauge("ctmon.log.request.window", null, "requests the follower allows in flight (learned pace)",
        s -> s.pace().window());
    gauge("ctmon.log.requests.per.second", null, "requests sent per second over the last 10 s",
        s -> s.pace().requestsPerSecond());
    gauge("ctmon.log.page.size", null, "entries asked for per request (learned pace)",
        s -> s.pace().pageSize());
    gauge("ctmon.log.last.progress.timestamp", "seconds", "when the position last moved (Unix time)",
        s -> s.lastProgress().map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN));
    health = MultiGauge.builder("ctmon.log.follower.health")
        .description("1 for the follower's health state (ok, failing, backing_off, stopped), 0 for the others")
        .register(registry);
  }

  private void gauge(String name, String unit, String help, ToDoubleFunction<FollowerStatus> value) {
    gauges.add(new Gauged(MultiGauge.builder(name).baseUnit(unit).description(help).register(registry), value));
  }

  /** Tags of one log: its description, base64 id and protocol. */
  static Tags tags(String description, Sha256 logId, String protocol) {
    return Tags.of("log", description, "log_id", logId.base64(), "protocol", protocol);
  }

  /** Reads the statuses once and sets every per log meter from them. */
  void refresh() {
    List<FollowerStatus> now = statuses.get();
    for (Gauged g : gauges) {
      g.gauge().register(rows(now, s -> {
        double v = g.value().applyAsDouble(s);
        return Double.isNaN(v) ? List.of() : List.of(MultiGauge.Row.of(tags(s), v));
      }), true);
    }
    health.register(rows(now, s -> {
      List<MultiGauge.Row<?>> states = new ArrayList<>();
      for (FollowerHealth h : FollowerHealth.values()) {
        states.add(MultiGauge.Row.of(tags(s).and("state", h.name().toLowerCase(Locale.ROOT)), s.health() == h ? 1 : 0));
      }
      return states;
    }), true);
    for (FollowerStatus s : now) {
      count(s);
    }
  }

  // A counter fed by the position's advance, not a function of the position: a rewind after a
  // root mismatch would otherwise look like a counter reset, and rate() would report a spike.
  private void count(FollowerStatus s) {
    Ingested last = ingested.get(s.logId());
    if (last == null) {
      Counter c = Counter.builder("ctmon.log.entries.ingested")
          .description("entries stored since this process started").tags(tags(s)).register(registry);
      ingested.put(s.logId(), new Ingested(c, s.position()));
      return;
    }
    if (s.position() > last.position()) {
      last.counter().increment(s.position() - last.position());
    }
    ingested.put(s.logId(), new Ingested(last.counter(), s.position()));
  }

  private static Tags tags(FollowerStatus s) {
    return tags(s.description(), s.logId(), s.protocol());
  }

  private static List<MultiGauge.Row<?>> rows(List<FollowerStatus> statuses,
                                              Function<FollowerStatus, List<MultiGauge.Row<?>>> rowsOf) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (FollowerStatus s : statuses) {
      rows.addAll(rowsOf.apply(s));
    }
    return rows;
  }
}
