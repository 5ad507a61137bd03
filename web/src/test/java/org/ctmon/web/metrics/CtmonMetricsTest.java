package org.ctmon.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.fetcher.follow.PaceStatus;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.log.IncidentKind;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;
import org.ctmon.web.serve.WebServer;
import org.ctmon.web.api.HealthApi;
import org.ctmon.web.api.SearchApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} scraped over HTTP from a real server, with the followers' statuses of two
 * real logs (Argon2027h1 following, ParcelYard2026h2 backing off), a real H2 store holding
 * deliveries in each state and staged incidents, and a real API behind the same timer.
 */
final class CtmonMetricsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Instant NOW = Instant.parse("2026-10-05T12:00:00Z");
  @TempDir static Path dir;
  private static Store store;
  private static WebServer web;
  private static CtmonMetrics metrics;
  private static String argon;
  private static String parcel;

  @BeforeAll
  static void startAServerOverAStoreWithDeliveriesAndIncidents() throws Exception {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    Clock then = Clock.fixed(NOW.minusSeconds(90), ZoneOffset.UTC);
    LogKey argonKey = key("argon2027h1");
    LogKey parcelKey = key("parcelyard2026h2");
    argon = argonKey.logId().base64();
    parcel = parcelKey.logId().base64();
    Logs logs = new Logs(store.jdbi(), then);
    logs.register(new LogSpec(argonKey.logId(), argonKey.spki(), "Google 'Argon2027h1'", "Google", LogKind.RFC6962,
        "https://ct.googleapis.com/logs/us1/argon2027h1/", null, "usable", 86400));
    logs.recordIncident(argonKey.logId(), IncidentKind.ROOT_MISMATCH, "staged: root mismatch", null, null);
    logs.recordIncident(argonKey.logId(), IncidentKind.ROOT_MISMATCH, "staged: root mismatch again", null, null);
    logs.recordIncident(argonKey.logId(), IncidentKind.BAD_SIGNATURE, "staged: bad signature", null, null);

    long account = new Accounts(store.jdbi(), then, new SecureRandom()).create("arjun@example.com", "a long password", false);
    long hook = new Webhooks(store.jdbi(), then).create(account, "https://hooks.example.com/ct", "secret", WebhookFormat.JSON);
    Outbox outbox = new Outbox(store.jdbi(), then);
    for (String key : List.of("email-1", "email-2", "email-3")) {
      outbox.enqueue(alert(account, key, new Recipient.Email("arjun@example.com")));
    }
    for (String key : List.of("hook-1", "hook-2")) {
      outbox.enqueue(alert(account, key, new Recipient.Webhook(hook)));
    }
    for (Alert a : outbox.claimDue(10, Duration.ofMinutes(1))) {
      if (a.idempotencyKey().equals("email-3") || a.idempotencyKey().equals("hook-1")) {
        outbox.delivered(a.id());
      } else if (a.idempotencyKey().equals("hook-2")) {
        outbox.gaveUp(a.id(), "error posting to https://hooks.example.com/ct: HTTP 410");
      }
    }

    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    metrics = new CtmonMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        () -> List.of(following(argonKey.logId(), 400_000_000L), backingOff(parcelKey.logId())), store.jdbi(), clock);
    web = new WebServer(routes -> {
      metrics.register(routes);
      new SearchApi(new IssuanceSearch(store.jdbi()), clock).register(routes);
      new HealthApi(store.jdbi(), () -> true).register(routes);
      routes.get("/test/fails/{n}", ctx -> {
        throw new IllegalStateException("staged failure " + ctx.pathParam("n"));
      });
    }).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    web.close();
    metrics.close();
    store.close();
  }

  @Test
  void servesTheTextFormatWithItsContentType() throws Exception {
    HttpResponse<String> r = get("/metrics");
    assertEquals(200, r.statusCode());
    assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
    assertTrue(r.body().contains("# TYPE ctmon_log_lag_entries gauge"), r.body());
  }

  @Test
  void showsEachLogsTreeSizePositionLagAndPaceWithItsLabels() throws Exception {
    String body = get("/metrics").body();
    String a = "{log=\"Google 'Argon2027h1'\",log_id=\"" + argon + "\",protocol=\"rfc6962\"}";
    assertLine(body, "ctmon_log_tree_size" + a + " 4.0000001E8");
    assertLine(body, "ctmon_log_position" + a + " 4.0E8");
    assertLine(body, "ctmon_log_lag_entries" + a + " 10.0");
    assertLine(body, "ctmon_log_verified_head_age_seconds" + a + " 42.5");
    assertLine(body, "ctmon_log_entries_per_second" + a + " 1234.5");
    assertLine(body, "ctmon_log_requests_in_flight" + a + " 3.0");
    assertLine(body, "ctmon_log_request_window" + a + " 4.0");
    assertLine(body, "ctmon_log_page_size" + a + " 256.0");
    assertLine(body, "ctmon_log_consecutive_failures" + a + " 0.0");
    String p = "{log=\"Google 'ParcelYard2026h2'\",log_id=\"" + parcel + "\",protocol=\"static\"}";
    assertLine(body, "ctmon_log_consecutive_failures" + p + " 7.0");
    assertFalse(body.contains("ctmon_log_tree_size" + p), "a log without a head yet has no tree size");
  }

  @Test
  void marksTheFollowersHealthStateWithOneAndTheOthersWithZero() throws Exception {
    String body = get("/metrics").body();
    String p = "{log=\"Google 'ParcelYard2026h2'\",log_id=\"" + parcel + "\",protocol=\"static\",state=";
    assertLine(body, "ctmon_log_follower_health" + p + "\"backing_off\"} 1.0");
    assertLine(body, "ctmon_log_follower_health" + p + "\"ok\"} 0.0");
    assertLine(body, "ctmon_log_follower_health" + p + "\"failing\"} 0.0");
    assertLine(body, "ctmon_log_follower_health" + p + "\"stopped\"} 0.0");
  }

  @Test
  void countsAlertDeliveriesByStateAndChannelWithZerosForTheEmptyOnes() throws Exception {
    String body = get("/metrics").body();
    assertLine(body, "ctmon_alert_deliveries{channel=\"email\",state=\"pending\"} 2.0");
    assertLine(body, "ctmon_alert_deliveries{channel=\"email\",state=\"delivered\"} 1.0");
    assertLine(body, "ctmon_alert_deliveries{channel=\"email\",state=\"dead\"} 0.0");
    assertLine(body, "ctmon_alert_deliveries{channel=\"webhook\",state=\"pending\"} 0.0");
    assertLine(body, "ctmon_alert_deliveries{channel=\"webhook\",state=\"delivered\"} 1.0");
    assertLine(body, "ctmon_alert_deliveries{channel=\"webhook\",state=\"dead\"} 1.0");
    assertLine(body, "ctmon_alert_oldest_pending_age_seconds{channel=\"email\"} 90.0");
    assertLine(body, "ctmon_alert_oldest_pending_age_seconds{channel=\"webhook\"} 0.0");
  }

  @Test
  void countsIncidentsByLogAndKind() throws Exception {
    String body = get("/metrics").body();
    String a = "{kind=\"%s\",log=\"Google 'Argon2027h1'\",log_id=\"" + argon + "\",protocol=\"rfc6962\"} %s";
    assertLine(body, "ctmon_log_incidents" + String.format(a, "root_mismatch", "2.0"));
    assertLine(body, "ctmon_log_incidents" + String.format(a, "bad_signature", "1.0"));
  }

  @Test
  void timesApiRequestsByRouteTemplateNotByRawPath() throws Exception {
    get("/api/v1/certs/" + "ab".repeat(32));
    get("/api/v1/certs/" + "cd".repeat(32));
    get("/healthz");
    get("/no/such/page");
    String body = get("/metrics").body();
    String cert = "{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"/api/v1/certs/{tbs}\"";
    assertLine(body, "http_server_requests_seconds_count" + cert + "} 2");
    assertLine(body, "http_server_requests_seconds_bucket" + cert + ",le=\"+Inf\"} 2");
    assertTrue(body.contains("http_server_requests_seconds_bucket" + cert + ",le=\"0.05\"}"), "a 50 ms bucket");
    assertLine(body, "http_server_requests_seconds_count"
        + "{method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/healthz\"} 1");
    assertLine(body, "http_server_requests_seconds_count"
        + "{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\",uri=\"NOT_FOUND\"} 1");
    assertFalse(body.contains("abab"), "no raw path in a label");
  }

  @Test
  void timesAFailedRequestAsAServerErrorOnItsRoute() throws Exception {
    assertEquals(500, get("/test/fails/1").statusCode());
    assertLine(get("/metrics").body(), "http_server_requests_seconds_count"
        + "{method=\"GET\",outcome=\"SERVER_ERROR\",status=\"500\",uri=\"/test/fails/{n}\"} 1");
  }

  @Test
  void includesTheJvmsMemoryGcAndThreads() throws Exception {
    String body = get("/metrics").body();
    assertTrue(body.contains("jvm_memory_used_bytes{area=\"heap\""), "heap memory");
    assertTrue(body.contains("# TYPE jvm_threads_live_threads gauge"), "threads");
    assertTrue(body.contains("jvm_gc_"), "gc");
    assertTrue(body.contains("process_uptime_seconds"), "uptime");
  }

  private static void assertLine(String body, String line) {
    List<String> lines = body.lines().collect(Collectors.toList());
    assertTrue(lines.contains(line), () -> "no line " + line + " in\n" + body.lines()
        .filter(l -> l.startsWith(line.substring(0, Math.min(line.length(), line.indexOf('{') + 1))))
        .collect(Collectors.joining("\n")));
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static LogKey key(String name) {
    return LogKey.fromPem(new String(Corpus.bytes("rfc6962/keys/" + name + ".pem"), StandardCharsets.UTF_8));
  }

  private static OutboxRecord alert(long account, String key, Recipient to) {
    return new OutboxRecord(account, key, EventType.CERTIFICATE_DISCOVERED, to, null, null, "{}");
  }

  static FollowerStatus following(Sha256 log, long position) {
    return new FollowerStatus(log, "Google 'Argon2027h1'", "rfc6962", "https://ct.googleapis.com/logs/us1/argon2027h1/",
        Optional.of(new TreeHead(400_000_010L, NOW.toEpochMilli() - 30_000, Sha256.of(new byte[] {1}))), position, 10,
        Optional.of(new TreeHead(position, NOW.toEpochMilli() - 42_500, Sha256.of(new byte[] {2}))),
        Optional.of(Duration.ofMillis(42_500)), FollowerHealth.OK, Optional.empty(), Optional.empty(),
        Optional.empty(), 0, FollowerConfig.DEFAULT,
        new PaceStatus(256, 4, 3, 9.5, "window grew: answers fast and clean", NOW.minusSeconds(60), Optional.empty()),
        1234.5, Optional.of(NOW.minusSeconds(1)));
  }

  static FollowerStatus backingOff(Sha256 log) {
    return new FollowerStatus(log, "Google 'ParcelYard2026h2'", "static",
        "https://storage.googleapis.com/parcelyard2026h2.prod.certificate.transparency.goog/", Optional.empty(), 0, 0,
        Optional.empty(), Optional.empty(), FollowerHealth.BACKING_OFF,
        Optional.of("error fetching checkpoint from https://storage.googleapis.com/parcelyard2026h2"
            + ".prod.certificate.transparency.goog/: HTTP 503"), Optional.of(NOW.minusSeconds(5)),
        Optional.of(NOW.plusSeconds(60)), 7, FollowerConfig.DEFAULT,
        new PaceStatus(256, 2, 0, 0, "started", NOW.minusSeconds(600), Optional.empty()), 0, Optional.empty());
  }
}
