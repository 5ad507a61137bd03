package org.ctmon.web.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Sha256;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meters read from the store: alert deliveries by state and channel, the oldest pending
 * delivery's age, and incidents by log and kind. Two small grouped queries, run at most once per
 * {@link #TTL} however often Prometheus scrapes. When the database does not answer, these series
 * are absent until it does (the follower meters are still served). Not thread safe:
 * {@link CtmonMetrics} refreshes under its lock.
 */
final class StoreMeters {
  /** How long a reading of the store is reused. */
  static final Duration TTL = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(StoreMeters.class);
  // The outbox's stored states, and the words the alerts API shows for them.
  private static final Map<String, String> STATES = Map.of("pending", "pending", "delivered", "delivered",
      "gave_up", "dead");
  private static final List<String> CHANNELS = List.of("email", "webhook");

  private final Jdbi jdbi;
  private final Clock clock;
  private final MultiGauge deliveries;
  private final MultiGauge oldestPending;
  private final MultiGauge incidents;
  private Instant readAt = Instant.MIN;

  /** Deliveries in one state on one channel; the oldest one's creation time (ms), if any. */
  private record Outboxed(String state, String channel, long count, Long oldestMs) {}

  StoreMeters(MeterRegistry registry, Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    deliveries = MultiGauge.builder("ctmon.alert.deliveries")
        .description("alert deliveries in the outbox by state (pending, delivered, dead) and channel")
        .register(registry);
    oldestPending = MultiGauge.builder("ctmon.alert.oldest.pending.age").baseUnit("seconds")
        .description("age of the oldest alert still waiting to be delivered, by channel; 0 when none waits")
        .register(registry);
    incidents = MultiGauge.builder("ctmon.log.incidents")
        .description("misbehaviour incidents on record (failed verifications) by log and kind")
        .register(registry);
  }

  /** Reads the store again when the last reading is older than {@link #TTL}. */
  void refresh() {
    Instant now = clock.instant();
    if (now.isBefore(readAt.plus(TTL)) && !readAt.equals(Instant.MIN)) {
      return;
    }
    readAt = now;
    try {
      readOutbox(now);
      readIncidents();
    } catch (RuntimeException e) {
      LOG.warn("error reading alert and incident counts for /metrics; leaving them out", e);
      deliveries.register(List.of(), true);
      oldestPending.register(List.of(), true);
      incidents.register(List.of(), true);
    }
  }

  private void readOutbox(Instant now) {
    List<Outboxed> read = jdbi.withHandle(h -> h.createQuery("SELECT state, channel, COUNT(*) AS n,"
            + " MIN(created_at) AS oldest FROM outbox GROUP BY state, channel")
        .map((rs, ctx) -> new Outboxed(rs.getString("state"), rs.getString("channel"), rs.getLong("n"),
            rs.getObject("oldest", Long.class)))
        .list());
    List<MultiGauge.Row<?>> counts = new ArrayList<>();
    List<MultiGauge.Row<?>> ages = new ArrayList<>();
    // Every state and channel, zeros included: a panel sums series that exist from the start.
    for (String channel : CHANNELS) {
      for (Map.Entry<String, String> state : STATES.entrySet()) {
        long n = read.stream().filter(o -> o.state().equals(state.getKey()) && o.channel().equals(channel))
            .mapToLong(Outboxed::count).sum();
        counts.add(MultiGauge.Row.of(Tags.of("state", state.getValue(), "channel", channel), n));
      }
      double age = read.stream().filter(o -> o.state().equals("pending") && o.channel().equals(channel))
          .filter(o -> o.oldestMs() != null)
          .mapToDouble(o -> Math.max(0, now.toEpochMilli() - o.oldestMs()) / 1000.0).max().orElse(0);
      ages.add(MultiGauge.Row.of(Tags.of("channel", channel), age));
    }
    deliveries.register(counts, true);
    oldestPending.register(ages, true);
  }

  private void readIncidents() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    jdbi.useHandle(h -> h.createQuery("SELECT l.log_id, l.description, l.kind AS protocol, i.kind, COUNT(*) AS n"
            + " FROM log_incidents i JOIN logs l ON l.id = i.log GROUP BY l.log_id, l.description, l.kind, i.kind")
        .map((rs, ctx) -> MultiGauge.Row.of(LogMeters.tags(rs.getString("description"),
            Sha256.wrap(rs.getBytes("log_id")), rs.getString("protocol")).and("kind", rs.getString("kind")),
            rs.getLong("n")))
        .forEach(rows::add));
    incidents.register(rows, true);
  }
}
