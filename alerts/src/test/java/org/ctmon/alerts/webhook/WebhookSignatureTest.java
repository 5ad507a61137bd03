package org.ctmon.alerts.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class WebhookSignatureTest {
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

  @Test
  void standardWebhooksSignatureMatchesTheSpecsTestVector() {
    assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        WebhookSignature.standard("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330L, BODY));
  }

  @Test
  void hubSignatureMatchesGithubsTestVector() {
    assertEquals("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        WebhookSignature.hub("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aReceiverAcceptsItsSignatureWithinTheToleranceAndNothingElse() {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    Instant sent = Instant.ofEpochSecond(1614265330L);
    Map<String, String> h = WebhookSignature.headers(secret, "k1", sent, BODY);
    Duration five = Duration.ofMinutes(5);
    assertTrue(WebhookSignature.verify(secret, "k1", h.get("webhook-timestamp"), h.get("webhook-signature"), BODY,
        sent.plusSeconds(299), five));
    assertFalse(WebhookSignature.verify(secret, "k1", h.get("webhook-timestamp"), h.get("webhook-signature"), BODY,
        sent.plusSeconds(301), five), "too old: a replay");
    assertFalse(WebhookSignature.verify(secret, "k2", h.get("webhook-timestamp"), h.get("webhook-signature"), BODY,
        sent, five), "another id");
    assertFalse(WebhookSignature.verify("whsec_AAAA" + secret.substring(10), "k1", h.get("webhook-timestamp"),
        h.get("webhook-signature"), BODY, sent, five), "another secret");
    assertTrue(WebhookSignature.verify(secret, "k1", h.get("webhook-timestamp"), "v1,bm90IGl0 " + h.get("webhook-signature"),
        BODY, sent, five), "one of several signatures (secret rotation)");
    assertTrue(WebhookSignature.verifyHub(secret, h.get("X-Hub-Signature-256"), BODY));
  }

  @Test
  void aSecretWithoutThePrefixIsUsedAsItsUtf8Bytes() {
    Instant t = Instant.ofEpochSecond(1700000000L);
    String viaText = WebhookSignature.standard("plain secret", "id", t.getEpochSecond(), BODY);
    String viaBase64 = WebhookSignature.standard("whsec_" + Base64.getEncoder()
        .encodeToString("plain secret".getBytes(StandardCharsets.UTF_8)), "id", t.getEpochSecond(), BODY);
    assertEquals(viaText, viaBase64);
  }

  @Test
  void anEmptySecretSendsNoSignatureHeaders() {
    Map<String, String> h = WebhookSignature.headers("", "k1", Instant.EPOCH, BODY);
    assertEquals(Set.of("webhook-id", "webhook-timestamp"), h.keySet());
  }
}
