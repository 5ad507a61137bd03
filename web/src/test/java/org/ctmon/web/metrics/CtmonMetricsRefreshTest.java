package org.ctmon.web.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.testlog.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the meters follow what changes between scrapes: positions, logs, the store. */
final class CtmonMetricsRefreshTest {
  private static final Sha256 LOG = Sha256.of(new byte[] {7});
  private static final String TAGS = "{log=\"Google 'Argon2027h1'\",log_id=\"" + LOG.base64() + "\",protocol=\"rfc6962\"}";
  @TempDir Path dir;
  private Store store;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-10-05T12:00:00Z"));
  private final AtomicReference<List<FollowerStatus>> statuses = new AtomicReference<>(List.of());
  private CtmonMetrics metrics;

  @BeforeEach
  void open() {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    metrics = new CtmonMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), statuses::get, store.jdbi(), clock);
  }

  @AfterEach
  void close() {
    metrics.close();
    store.close();
  }

  @Test
  void countsEntriesIngestedFromThePositionsAdvanceNotFromItsValue() {
    statuses.set(List.of(CtmonMetricsTest.following(LOG, 1_000)));
    assertLine(metrics.scrape(), "ctmon_log_entries_ingested_total" + TAGS + " 0.0");
    statuses.set(List.of(CtmonMetricsTest.following(LOG, 1_750)));
    assertLine(metrics.scrape(), "ctmon_log_entries_ingested_total" + TAGS + " 750.0");
    // A rewind after a root mismatch: the counter holds, and counts again from the rewound position.
    statuses.set(List.of(CtmonMetricsTest.following(LOG, 1_500)));
    assertLine(metrics.scrape(), "ctmon_log_entries_ingested_total" + TAGS + " 750.0");
    statuses.set(List.of(CtmonMetricsTest.following(LOG, 1_600)));
    assertLine(metrics.scrape(), "ctmon_log_entries_ingested_total" + TAGS + " 850.0");
  }

  @Test
  void dropsTheGaugesOfALogNoLongerFollowed() {
    statuses.set(List.of(CtmonMetricsTest.following(LOG, 1_000)));
    assertLine(metrics.scrape(), "ctmon_log_position" + TAGS + " 1000.0");
    statuses.set(List.of());
    String body = metrics.scrape();
    assertTrue(body.lines().noneMatch(l -> l.startsWith("ctmon_log_position{")), body);
  }

  @Test
  void readsTheStoreAgainOnlyAfterAFewSeconds() {
    assertLine(metrics.scrape(), "ctmon_alert_deliveries{channel=\"email\",state=\"pending\"} 0.0");
    long account = new Accounts(store.jdbi(), clock, new SecureRandom()).create("ops@example.com", "a long password", true);
    new Outbox(store.jdbi(), clock).enqueue(new OutboxRecord(account, "k1", EventType.HEALTH,
        new Recipient.Email("ops@example.com"), null, null, "{}"));
    clock.advance(StoreMeters.TTL.minusMillis(1));
    assertLine(metrics.scrape(), "ctmon_alert_deliveries{channel=\"email\",state=\"pending\"} 0.0");
    clock.advance(Duration.ofMillis(1));
    assertLine(metrics.scrape(), "ctmon_alert_deliveries{channel=\"email\",state=\"pending\"} 1.0");
  }

  private static void assertLine(String body, String line) {
    assertTrue(body.lines().anyMatch(line::equals), () -> "no line " + line + " in\n" + body);
  }
}
