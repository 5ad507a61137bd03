package org.ctmon.alerts.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.ctmon.alerts.webhook.TestReceiver;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.testlog.ManualClock;
import org.junit.jupiter.api.Test;

final class HeartbeatTest {
  private static final OkHttpClient HTTP = new OkHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ManualClock clock = new ManualClock(Instant.parse("2026-02-01T00:00:00Z"));

  private Heartbeat heartbeat(String url, boolean allowPrivate, Supplier<HeartbeatStatus> status) {
    return new Heartbeat(URI.create(url), Duration.ofMinutes(1), new WebhookTargetPolicy(allowPrivate), HTTP, clock,
        "ctmon/test (ops@ctmon.example)", status);
  }

  private Heartbeat heartbeat(String url) {
    return heartbeat(url, true, () -> new HeartbeatStatus(3, 1, 7));
  }

  @Test
  void aBeatPostsTheStatusToTheReceiver() throws Exception {
    try (TestReceiver receiver = new TestReceiver()) {
      assertTrue(heartbeat(receiver.url("/ping/abc")).beat());

      assertEquals(1, receiver.received().size());
      TestReceiver.Received r = receiver.received().get(0);
      JsonNode body = JSON.readTree(r.body());
      assertEquals(Map.of("type", "heartbeat", "at", "2026-02-01T00:00:00Z", "logs_followed", 3, "logs_failing", 1,
          "alerts_pending", 7), JSON.convertValue(body, Map.class));
      assertEquals("ctmon/test (ops@ctmon.example)", r.header("User-Agent"));
      assertTrue(r.header("Content-Type").startsWith("application/json"));
    }
  }

  @Test
  void aReceiverDownDoesNotThrowAndIsLoggedOnceAnHour() {
    try (TestReceiver receiver = new TestReceiver()) {
      Heartbeat h = heartbeat(receiver.url("/ping/abc"));
      receiver.down();

      assertFalse(h.beat());
      clock.advance(Duration.ofMinutes(1));
      assertFalse(h.beat());
      clock.advance(Duration.ofMinutes(58));
      assertFalse(h.beat());
      assertEquals(1, h.warningsLogged());
      assertTrue(h.lastError().orElseThrow().startsWith("error sending heartbeat to http://127.0.0.1:"
          + receiver.port() + "/…: "), h.lastError().orElseThrow());
      assertFalse(h.lastError().orElseThrow().contains("/ping/abc"), "the path may be the secret");
      clock.advance(Duration.ofMinutes(1));
      assertFalse(h.beat());
      assertEquals(2, h.warningsLogged());

      receiver.up();
      assertTrue(h.beat());
      assertEquals(Optional.empty(), h.lastError());
    }
  }

  @Test
  void aPrivateTargetIsRefusedUnlessAllowed() {
    try (TestReceiver receiver = new TestReceiver()) {
      Heartbeat h = heartbeat(receiver.url("/ping"), false, () -> new HeartbeatStatus(1, 0, 0));
      Heartbeat byName = heartbeat("http://localhost:" + receiver.port() + "/ping", false,
          () -> new HeartbeatStatus(1, 0, 0));

      assertFalse(h.beat());
      assertFalse(byName.beat());

      assertEquals(List.of(), receiver.received());
      assertTrue(h.lastError().orElseThrow().contains("127.0.0.1 is a loopback address"), h.lastError().orElseThrow());
      assertTrue(byName.lastError().orElseThrow().contains("loopback"), byName.lastError().orElseThrow());
    }
  }

  @Test
  void aRedirectIsNotFollowed() {
    try (TestReceiver receiver = new TestReceiver(new TestReceiver.Reply(302,
        Map.of("Location", "http://169.254.169.254/latest/meta-data/"), new byte[0]))) {
      Heartbeat h = heartbeat(receiver.url("/ping"));

      assertFalse(h.beat());

      assertEquals(1, receiver.received().size());
      assertTrue(h.lastError().orElseThrow().endsWith("HTTP 302 (redirects are not followed)"), h.lastError().get());
    }
  }

  @Test
  void aFailingStatusSourceIsAFailedBeatNotAnException() {
    try (TestReceiver receiver = new TestReceiver()) {
      Heartbeat h = heartbeat(receiver.url("/ping"), true, () -> {
        throw new IllegalStateException("database unavailable");
      });

      assertFalse(h.beat());

      assertEquals(List.of(), receiver.received());
      assertTrue(h.lastError().orElseThrow().contains("database unavailable"));
    }
  }

  @Test
  void startedItBeatsAtOnceOnItsOwnThreadUntilClosed() throws Exception {
    try (TestReceiver receiver = new TestReceiver(); Heartbeat h = heartbeat(receiver.url("/ping"))) {
      h.start();
      TestReceiver.await("the first beat", () -> receiver.received().size() == 1);
    }
  }
}
