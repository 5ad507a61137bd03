package org.ctmon.alerts.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures of webhook deliveries, so receivers can tell ctmon's POSTs from anyone's. Two
 * schemes side by side, as Standard Webhooks allows: Standard Webhooks v1
 * ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>} over
 * {@code id.timestamp.body}; a {@code whsec_<base64>} secret is used decoded, any other as its
 * UTF-8 bytes) and GitHub's {@code X-Hub-Signature-256: sha256=<hex>} over the body. The
 * verify methods are what a receiver runs. Stateless and thread safe.
 */
public final class WebhookSignature {
  /** Standard Webhooks' prefix of generated secrets. */
  public static final String WHSEC = "whsec_";

  private WebhookSignature() {}

  /**
   * The headers of one attempt: {@code webhook-id}, {@code webhook-timestamp}, and when the
   * secret is not empty {@code webhook-signature} and {@code X-Hub-Signature-256}.
   */
  public static Map<String, String> headers(String secret, String id, Instant timestamp, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("webhook-id", id);
    h.put("webhook-timestamp", Long.toString(timestamp.getEpochSecond()));
    if (secret != null && !secret.isEmpty()) {
      h.put("webhook-signature", standard(secret, id, timestamp.getEpochSecond(), body));
      h.put("X-Hub-Signature-256", hub(secret, body));
    }
    return h;
  }

  /** The Standard Webhooks signature, {@code v1,<base64 HMAC-SHA256>}. */
  public static String standard(String secret, String id, long timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
    return "v1," + Base64.getEncoder().encodeToString(hmac(standardKey(secret), prefix, body));
  }

  /** The GitHub-style signature, {@code sha256=<hex HMAC-SHA256 with the secret's UTF-8 bytes>}. */
  public static String hub(String secret, byte[] body) {
    return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), new byte[0], body));
  }

  /**
   * A receiver's check of Standard Webhooks headers: one of the space-separated {@code v1,}
   * signatures matches, and the timestamp is within {@code tolerance} of {@code now} (either
   * way), which limits replays.
   */
  public static boolean verify(String secret, String id, String timestamp, String signatures, byte[] body,
                               Instant now, Duration tolerance) {
    if (secret == null || id == null || timestamp == null || signatures == null) {
      return false;
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = standard(secret, id, ts, body).getBytes(StandardCharsets.US_ASCII);
    boolean ok = false;
    for (String s : signatures.trim().split(" +")) {
      ok |= MessageDigest.isEqual(expected, s.getBytes(StandardCharsets.US_ASCII));
    }
    return ok;
  }

  /** A receiver's check of {@code X-Hub-Signature-256}, in constant time. */
  public static boolean verifyHub(String secret, String header, byte[] body) {
    if (secret == null || header == null) {
      return false;
    }
    return MessageDigest.isEqual(hub(secret, body).getBytes(StandardCharsets.US_ASCII),
        header.trim().getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] standardKey(String secret) {
    if (secret.startsWith(WHSEC)) {
      try {
        return Base64.getDecoder().decode(secret.substring(WHSEC.length()));
      } catch (IllegalArgumentException notBase64) {
        // a user's own secret that merely starts like ours: use it as text
      }
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot compute HMAC-SHA256: " + e.getMessage(), e);
    }
  }
}
