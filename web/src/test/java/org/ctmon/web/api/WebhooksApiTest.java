package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.stored.Webhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WebhooksApiTest {
  private static final String SECRET = "a-long-enough-shared-secret";
  @TempDir Path dir;
  private AccountApiFixture f;

  private AccountApiFixture start(boolean allowPrivate) {
    f = new AccountApiFixture(dir.resolve(allowPrivate ? "private-allowed" : "default"), allowPrivate);
    return f;
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aWebhookWithASecretIsStoredAndTheSecretIsNeverShown() {
    start(false);
    AccountApiFixture.Response r = f.send("POST", "/api/v1/webhooks", f.aliceToken,
        "{\"url\": \"https://hooks.example/ctmon\", \"secret\": \"" + SECRET + "\", \"format\": \"slack\"}");

    assertEquals(201, r.status(), r.body());
    JsonNode w = r.json();
    assertEquals("https://hooks.example/ctmon", w.get("url").asText());
    assertEquals("slack", w.get("format").asText());
    assertTrue(w.get("has_secret").asBoolean());
    assertTrue(w.get("enabled").asBoolean());
    assertFalse(r.body().contains(SECRET));
    assertFalse(f.get("/api/v1/webhooks", f.aliceToken).body().contains(SECRET));
    assertFalse(f.get("/api/v1/webhooks/" + w.get("id").asLong(), f.aliceToken).body().contains(SECRET));
    assertEquals(SECRET, new Webhooks(f.store.jdbi(), AccountApiFixture.CLOCK).get(f.alice, w.get("id").asLong())
        .orElseThrow().secret());
  }

  @Test
  void withoutASecretCtmonGeneratesAStandardWebhooksSecretAndShowsItOnce() {
    start(false);
    JsonNode w = f.expect(201, "POST", "/api/v1/webhooks", f.aliceToken, "{\"url\": \"https://hooks.example/\"}");

    String secret = w.get("secret").asText();
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
    assertEquals("json", w.get("format").asText());
    String listed = f.get("/api/v1/webhooks", f.aliceToken).body();
    assertFalse(listed.contains(secret), listed);
    assertFalse(listed.contains("\"secret\""), listed);
  }

  @Test
  void loopbackAndPrivateTargetsAreRefusedUnlessAllowed() {
    start(false);
    for (String url : List.of("http://127.0.0.1:8080/hook", "http://[::1]/hook", "https://intranet.example/hook",
        "http://169.254.169.254/latest/meta-data")) {
      AccountApiFixture.Response r = f.send("POST", "/api/v1/webhooks", f.aliceToken, "{\"url\": \"" + url + "\"}");
      assertEquals(400, r.status(), url + ": " + r.body());
      assertTrue(r.error().contains("is refused"), r.error());
      assertTrue(r.error().contains("allowPrivateTargets"), r.error());
    }
    assertEquals(0, new Webhooks(f.store.jdbi(), AccountApiFixture.CLOCK).list(f.alice).size());
    f.close();

    start(true);
    f.expect(201, "POST", "/api/v1/webhooks", f.aliceToken, "{\"url\": \"http://127.0.0.1:8080/hook\"}");
  }

  @Test
  void badUrlsFormatsSecretsAndFieldsAre400() {
    start(false);
    assertEquals("url must be an http or https url", f.send("POST", "/api/v1/webhooks", f.aliceToken,
        "{\"url\": \"ftp://hooks.example/\"}").error());
    assertEquals("url must be an http or https url", f.send("POST", "/api/v1/webhooks", f.aliceToken,
        "{\"url\": \"javascript:alert(1)\"}").error());
    assertEquals("url must not contain spaces or control characters", f.send("POST", "/api/v1/webhooks",
        f.aliceToken, "{\"url\": \"https://hooks.example/a b\"}").error());
    assertEquals("format must be json, slack or teams", f.send("POST", "/api/v1/webhooks", f.aliceToken,
        "{\"url\": \"https://hooks.example/\", \"format\": \"xml\"}").error());
    assertTrue(f.send("POST", "/api/v1/webhooks", f.aliceToken,
        "{\"url\": \"https://hooks.example/\", \"secret\": \"short\"}").error().startsWith("secret must have at least"));
    assertTrue(f.send("POST", "/api/v1/webhooks", f.aliceToken,
        "{\"url\": \"https://hooks.example/\", \"sekret\": \"" + SECRET + "\"}").error().startsWith("unknown field"));
    assertEquals("url is required", f.send("POST", "/api/v1/webhooks", f.aliceToken, "{}").error());
    assertEquals(0, new Webhooks(f.store.jdbi(), AccountApiFixture.CLOCK).list(f.alice).size());
  }

  @Test
  void aTestSendsToTheWebhookAndReportsAFailureAs502() {
    start(false);
    long id = f.expect(201, "POST", "/api/v1/webhooks", f.aliceToken, "{\"url\": \"https://hooks.example/\"}")
        .get("id").asLong();

    JsonNode ok = f.expect(200, "POST", "/api/v1/webhooks/" + id + "/test", f.aliceToken, "");
    f.tests.result = new DeliveryResult.RetryAt(Instant.EPOCH, "error posting to https://hooks.example/: HTTP 500");
    AccountApiFixture.Response failed = f.send("POST", "/api/v1/webhooks/" + id + "/test", f.aliceToken, "");

    assertTrue(ok.get("delivered").asBoolean());
    assertEquals(502, failed.status());
    assertEquals("test delivery to webhook " + id + " failed: error posting to https://hooks.example/: HTTP 500",
        failed.error());
    assertEquals(List.of("webhook " + id + " https://hooks.example/", "webhook " + id + " https://hooks.example/"),
        f.tests.sent);
  }

  @Test
  void anotherAccountsWebhookIs404ForReadTestAndDelete() {
    start(false);
    long id = f.expect(201, "POST", "/api/v1/webhooks", f.aliceToken, "{\"url\": \"https://hooks.example/\"}")
        .get("id").asLong();
    String path = "/api/v1/webhooks/" + id;

    for (AccountApiFixture.Response r : List.of(f.get(path, f.bobToken), f.send("POST", path + "/test", f.bobToken, ""),
        f.send("DELETE", path, f.bobToken, null))) {
      assertEquals(404, r.status(), r.body());
      assertEquals("no webhook " + id, r.error());
    }
    assertTrue(f.tests.sent.isEmpty());
    assertEquals(0, f.expect(200, "GET", "/api/v1/webhooks", f.bobToken, null).get("results").size());
    assertEquals(204, f.send("DELETE", path, f.aliceToken, null).status());
    assertEquals(404, f.get(path, f.aliceToken).status());
  }
}
