package org.ctmon.alerts.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.ctmon.alerts.delivery.DeliveryBackoff;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.delivery.TestAlerts;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.junit.jupiter.api.Test;

final class WebhookSenderTest {
  private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final OkHttpClient SHARED = new OkHttpClient();

  private static WebhookSender sender(boolean allowPrivate) {
    return sender(new WebhookTargetPolicy(allowPrivate));
  }

  private static WebhookSender sender(WebhookTargetPolicy policy) {
    return new WebhookSender(SHARED, policy, new DeliveryBackoff(CLOCK, new SplittableRandom(1)), CLOCK,
        "ctmon/test (+https://github.com/ctmon)");
  }

  private static Webhook hook(String url) {
    return new Webhook(3, 1, url, SECRET, WebhookFormat.JSON, true, NOW);
  }

  private static Alert alert(String key) {
    return TestAlerts.alert(key, new Recipient.Webhook(3), TestAlerts.match(key, "unexpected", "vpn.mybank.example"), NOW);
  }

  @Test
  void postsTheStoredBodySignedBothWaysWithTheIdempotencyKey() {
    try (TestReceiver r = new TestReceiver()) {
      Alert a = alert("key-1");
      assertEquals(new DeliveryResult.Delivered(), sender(true).send(hook(r.url("/hook")), a));

      TestReceiver.Received got = r.received().get(0);
      assertEquals(a.payloadJson(), new String(got.body(), StandardCharsets.UTF_8));
      assertEquals("key-1", got.header("webhook-id"));
      assertEquals("key-1", got.header("Idempotency-Key"));
      assertEquals("application/json", got.header("Content-Type"));
      assertTrue(got.header("User-Agent").startsWith("ctmon/"));
      assertTrue(WebhookSignature.verify(SECRET, got.header("webhook-id"), got.header("webhook-timestamp"),
          got.header("webhook-signature"), got.body(), NOW.plusSeconds(2), Duration.ofMinutes(5)));
      assertTrue(WebhookSignature.verifyHub(SECRET, got.header("X-Hub-Signature-256"), got.body()));
    }
  }

  @Test
  void aReceiverAnswering503IsRetriedWithinTheFirstBackoffStep() {
    try (TestReceiver r = new TestReceiver(new TestReceiver.Reply(503, Map.of(),
        "down for maintenance".getBytes(StandardCharsets.UTF_8)))) {
      DeliveryResult res = sender(true).send(hook(r.url("/secret-path")), alert("key-2"));
      DeliveryResult.RetryAt retry = assertInstanceOf(DeliveryResult.RetryAt.class, res);
      assertFalse(retry.when().isBefore(NOW.plusSeconds(1)));
      assertFalse(retry.when().isAfter(NOW.plusSeconds(30)));
      assertEquals("error posting alert key-2 to webhook 3 (http://127.0.0.1:" + r.port() + "/…): HTTP 503: down for"
          + " maintenance", retry.error());
      assertFalse(retry.error().contains("secret-path"), "the url path can be the credential");
    }
  }

  @Test
  void a429WithRetryAfterSevenIsRetriedSevenSecondsLater() {
    try (TestReceiver r = new TestReceiver(new TestReceiver.Reply(429, Map.of("Retry-After", "7"), new byte[0]))) {
      DeliveryResult res = sender(true).send(hook(r.url("/hook")), alert("key-3"));
      assertEquals(NOW.plusSeconds(7), assertInstanceOf(DeliveryResult.RetryAt.class, res).when());
    }
  }

  @Test
  void aRedirectIsNotFollowedAndIsAFailure() {
    try (TestReceiver r = new TestReceiver()) {
      try (TestReceiver redirecting = new TestReceiver(new TestReceiver.Reply(301, Map.of("Location", r.url("/moved")),
          new byte[0]))) {
        DeliveryResult res = sender(true).send(hook(redirecting.url("/hook")), alert("key-4"));
        DeliveryResult.RetryAt retry = assertInstanceOf(DeliveryResult.RetryAt.class, res);
        assertTrue(retry.error().contains("HTTP 301 redirect to http://127.0.0.1:" + r.port() + "/… not followed"),
            retry.error());
        assertEquals(1, redirecting.received().size());
        assertEquals(List.of(), r.received());
      }
    }
  }

  @Test
  void a410GoneGivesUp() {
    try (TestReceiver r = new TestReceiver(TestReceiver.Reply.of(410))) {
      DeliveryResult res = sender(true).send(hook(r.url("/hook")), alert("key-5"));
      assertTrue(assertInstanceOf(DeliveryResult.GaveUp.class, res).error().contains("HTTP 410"));
    }
  }

  @Test
  void privateTargetsAreRefusedWhenSavedAndWhenConnecting() {
    try (TestReceiver r = new TestReceiver()) {
      WebhookTargetPolicy policy = new WebhookTargetPolicy(false);
      String url = r.url("/hook");
      assertEquals(Optional.of("webhook url " + url + " is refused: 127.0.0.1 is a loopback address"
              + " (set alerts.webhooks.allowPrivateTargets to allow it)"), policy.check(URI.create(url)));

      DeliveryResult literal = sender(policy).send(hook(url), alert("key-6"));
      assertTrue(assertInstanceOf(DeliveryResult.GaveUp.class, literal).error().contains("127.0.0.1 is a loopback"));
      DeliveryResult byName = sender(policy).send(hook("http://localhost:" + r.port() + "/hook"), alert("key-7"));
      assertTrue(assertInstanceOf(DeliveryResult.GaveUp.class, byName).error()
          .contains("host localhost is refused: "), byName.toString());
      assertEquals(List.of(), r.received());
    }
  }

  @Test
  void aHostThatRebindsToLoopbackAfterTheSaveCheckIsRefusedAtConnect() throws Exception {
    try (TestReceiver r = new TestReceiver()) {
      AtomicInteger lookups = new AtomicInteger();
      InetAddress publicAddress = InetAddress.getByName("93.184.215.14");
      Dns rebinding = host -> List.of(lookups.getAndIncrement() == 0 ? publicAddress : InetAddress.getLoopbackAddress());
      WebhookTargetPolicy policy = new WebhookTargetPolicy(false, rebinding);
      String url = "http://hooks.rebind.example:" + r.port() + "/hook";
      assertEquals(Optional.empty(), policy.check(URI.create(url)));

      DeliveryResult res = sender(policy).send(hook(url), alert("key-8"));
      assertTrue(assertInstanceOf(DeliveryResult.GaveUp.class, res).error()
          .endsWith("host hooks.rebind.example is refused: 127.0.0.1 is a loopback address"
              + " (set alerts.webhooks.allowPrivateTargets to allow it)"), res.toString());
      assertEquals(List.of(), r.received());
    }
  }

  @Test
  void anEndlessResponseBodyIsReadOnlyForAnExcerpt() throws IOException {
    HttpServer endless = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    endless.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(500, 0); // chunked, no length
      byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.UTF_8);
      try (OutputStream out = exchange.getResponseBody()) {
        while (true) {
          out.write(chunk); // until the client hangs up
        }
      } catch (IOException clientGone) {
        // expected
      }
    });
    endless.start();
    try {
      String url = "http://127.0.0.1:" + endless.getAddress().getPort() + "/hook";
      DeliveryResult res = sender(true).send(hook(url), alert("key-9"));
      String error = assertInstanceOf(DeliveryResult.RetryAt.class, res).error();
      assertTrue(error.contains("HTTP 500: xxxx"), error);
      assertTrue(error.length() < 400, "an excerpt, not the body");
    } finally {
      endless.stop(0);
    }
  }
}
