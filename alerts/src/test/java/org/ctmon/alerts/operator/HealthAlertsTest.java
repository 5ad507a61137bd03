package org.ctmon.alerts.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.TestDatabase;

final class HealthAlertsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  // Six-hour buckets start at 00:00, 06:00, 12:00 and 18:00 UTC.
  private static final Instant T = Instant.parse("2026-02-01T01:00:00Z");
  private static final String LOG_A = "TnWjJ1yaEMM4W2zU3z9S6x3w4I4bjWnAsfpksWKaOd8=";
  private static final String LOG_B = "ZBHEbKQS7KeJHKICLgC8q08oB9QeNSer6v7VA8l9zfA=";
  private static final String ERROR = "error fetching entries 1000-1255 from https://a.example/: HTTP 429";
  private static final Optional<Instant> LIST_FRESH = Optional.of(T);

  private static LogHealth verifiedAt(String id, Instant head, long backlog) {
    return new LogHealth(id, id.equals(LOG_A) ? "Test Log A" : "Test Log B", false, Optional.of(head), backlog,
        Optional.of(ERROR), Optional.of(head.plusSeconds(60)));
  }

  private static Instant at(String hhmm) {
    return Instant.parse("2026-02-01T" + hhmm + ":00Z");
  }

  private static JsonNode payload(Alert a) throws Exception {
    return JSON.readTree(a.payloadJson());
  }

  @OnBothDatabases
  void aStaleLogAlertsOncePerSixHourBucketAndAgainInTheNext(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      Admins admins = new Admins(t.store(), Clock.fixed(T, ZoneOffset.UTC));
      HealthAlerts health = new HealthAlerts(admins.channels, HealthAlerts.Thresholds.DEFAULTS);
      List<LogHealth> stale = List.of(verifiedAt(LOG_A, at("00:00"), 0));

      assertEquals(2, health.check(List.of(verifiedAt(LOG_A, at("00:00"), 0), verifiedAt(LOG_B, at("00:59"), 0)),
          LIST_FRESH, at("01:01")), "log A (not B), to alice's webhook and email");
      assertEquals(0, health.check(stale, LIST_FRESH, at("01:30")));
      assertEquals(0, health.check(stale, LIST_FRESH, at("06:30")), "a new bucket, but not 6 h since the alert");
      assertEquals(2, health.check(stale, LIST_FRESH, at("07:01")));

      List<Alert> got = admins.alerts(admins.alice);
      assertEquals(4, got.size());
      Alert a = got.get(got.size() - 1);
      assertEquals(EventType.HEALTH, a.eventType());
      JsonNode p = payload(a);
      assertEquals(List.of("health", a.idempotencyKey(), "stale_head", LOG_A),
          List.of(p.path("type").asText(), p.path("id").asText(), p.path("problem").asText(),
              p.path("log").path("id").asText()));
      assertEquals("no verified tree head from Test Log A for 1 h 1 min (the last at 2026-02-01T00:00:00Z)\n"
          + "last error (2026-02-01T00:01:00Z): " + ERROR, p.path("message").asText());
      assertEquals(ERROR, p.path("details").path("last_error").asText());
      assertEquals(List.of(), admins.alerts(admins.bob));
      assertEquals(List.of(), admins.alerts(admins.carol));
    }
  }

  @OnBothDatabases
  void aProblemThatClearsAndComesBackInAnotherBucketAlertsAgain(TestDatabase db) {
    try (var t = db.open()) {
      Admins admins = new Admins(t.store(), Clock.fixed(T, ZoneOffset.UTC));
      HealthAlerts health = new HealthAlerts(admins.channels, HealthAlerts.Thresholds.DEFAULTS);

      assertEquals(2, health.check(List.of(verifiedAt(LOG_A, at("00:00"), 0)), LIST_FRESH, at("01:30")));
      assertEquals(0, health.check(List.of(verifiedAt(LOG_A, at("01:59"), 0)), LIST_FRESH, at("02:00")));
      assertEquals(0, health.check(List.of(verifiedAt(LOG_A, at("02:00"), 0)), LIST_FRESH, at("03:30")),
          "back in the same bucket: that bucket's alert was sent");
      assertEquals(0, health.check(List.of(verifiedAt(LOG_A, at("03:59"), 0)), LIST_FRESH, at("04:00")));
      assertEquals(2, health.check(List.of(verifiedAt(LOG_A, at("05:00"), 0)), LIST_FRESH, at("06:10")));
      assertEquals(4, admins.alerts(admins.alice).size());
    }
  }

  @OnBothDatabases
  void aGrowingBacklogAlertsAndAShrinkingOneDoesNot(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      Admins admins = new Admins(t.store(), Clock.fixed(T, ZoneOffset.UTC));
      HealthAlerts health = new HealthAlerts(admins.channels, HealthAlerts.Thresholds.DEFAULTS);

      assertEquals(0, health.check(List.of(verifiedAt(LOG_A, at("01:00"), 150_000),
          verifiedAt(LOG_B, at("01:00"), 250_000)), LIST_FRESH, at("01:00")));
      assertEquals(0, health.check(List.of(verifiedAt(LOG_A, at("01:05"), 180_000),
          verifiedAt(LOG_B, at("01:05"), 200_000)), LIST_FRESH, at("01:05")), "growth within 10 min is not judged");
      assertEquals(2, health.check(List.of(verifiedAt(LOG_A, at("01:10"), 200_000),
          verifiedAt(LOG_B, at("01:10"), 150_000)), LIST_FRESH, at("01:10")), "log A grew from 150,000: alerted");

      JsonNode p = payload(admins.alerts(admins.alice).get(0));
      assertEquals("growing_backlog", p.path("problem").asText());
      assertEquals(LOG_A, p.path("log").path("id").asText());
      assertEquals("Test Log A is 200000 entries behind and falling further behind (150000 at 2026-02-01T01:00:00Z)\n"
          + "last error (2026-02-01T01:11:00Z): " + ERROR, p.path("message").asText());
      assertEquals(0, health.check(List.of(verifiedAt(LOG_A, at("01:20"), 90_000),
          verifiedAt(LOG_B, at("01:20"), 140_000)), LIST_FRESH, at("01:20")), "under the threshold, or shrinking");
    }
  }

  @OnBothDatabases
  void aStaleLogListAlertsAndANeverLoadedOneCountsFromTheFirstCheck(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      Admins admins = new Admins(t.store(), Clock.fixed(T, ZoneOffset.UTC));
      HealthAlerts health = new HealthAlerts(admins.channels, HealthAlerts.Thresholds.DEFAULTS);
      Instant now = at("01:00");

      assertEquals(0, health.check(List.of(), Optional.empty(), now));
      assertEquals(2, health.check(List.of(), Optional.empty(), now.plus(Duration.ofDays(2)).plusSeconds(60)));
      assertEquals("the log list was not loaded in the 2 d since ctmon started: logs added, retired or re-keyed"
          + " since are unknown to ctmon", payload(admins.alerts(admins.alice).get(0)).path("message").asText());

      HealthAlerts other = new HealthAlerts(admins.channels, HealthAlerts.Thresholds.DEFAULTS);
      assertEquals(2, other.check(List.of(), Optional.of(now.minus(Duration.ofDays(3))), now));
      assertTrue(payload(admins.alerts(admins.alice).get(0)).path("message").asText()
          .startsWith("the log list was last loaded 3 d ago, at 2026-01-29T01:00:00Z"));
    }
  }

  @OnBothDatabases
  void aStoppedLogAndANewLogWithoutAHeadYetAreNotAlerted(TestDatabase db) {
    try (var t = db.open()) {
      Admins admins = new Admins(t.store(), Clock.fixed(T, ZoneOffset.UTC));
      HealthAlerts health = new HealthAlerts(admins.channels, HealthAlerts.Thresholds.DEFAULTS);
      LogHealth stopped = new LogHealth(LOG_A, "Test Log A", true, Optional.of(at("00:00")), 500_000,
          Optional.of("split view"), Optional.of(at("00:00")));
      LogHealth fresh = new LogHealth(LOG_B, "Test Log B", false, Optional.empty(), 0, Optional.empty(),
          Optional.empty());

      assertEquals(0, health.check(List.of(stopped, fresh), LIST_FRESH, at("01:00")));
      assertEquals(0, health.check(List.of(new LogHealth(LOG_A, "Test Log A", true, Optional.of(at("00:00")), 600_000,
          Optional.empty(), Optional.empty()), fresh), LIST_FRESH, at("01:30")));
      assertEquals(2, health.check(List.of(stopped, fresh), LIST_FRESH, at("02:01")),
          "log B has had no head for the hour since it was first seen");
    }
  }
}
