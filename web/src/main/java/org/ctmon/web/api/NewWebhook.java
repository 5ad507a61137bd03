package org.ctmon.web.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.webhook.WebhookSignature;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;

/**
 * A webhook as a user asked for it, checked: an http(s) URL the target policy accepts, a format,
 * and the signing secret (given, or generated: {@code whsec_} and 24 random bytes, as Standard
 * Webhooks). The API and the settings page both read webhooks through {@link #of}.
 *
 * @param url where deliveries go
 * @param format the body shape
 * @param secret the signing secret
 * @param generated whether ctmon made the secret (then it is shown once, on creation)
 */
public record NewWebhook(URI url, WebhookFormat format, String secret, boolean generated) {
  /** Longest URL accepted. */
  public static final int MAX_URL = 2000;
  /** Shortest secret accepted. */
  public static final int MIN_SECRET = 16;
  /** Longest secret accepted. */
  public static final int MAX_SECRET = 256;

  public NewWebhook {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(secret, "secret");
  }

  /** What is wrong with one field of a webhook ({@code url}, {@code format} or {@code secret}). */
  public static final class Invalid extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    /** The field at fault. */
    public String field() {
      return field;
    }
  }

  /**
   * Checks a webhook. Fields are checked in order format, secret, url, then the target policy
   * (which resolves the host).
   *
   * @param format {@code json}, {@code slack} or {@code teams}; null means json
   * @param secret null or empty to have one generated
   * @throws Invalid naming the first field at fault, with a lower-case message
   */
  public static NewWebhook of(String url, String format, String secret, WebhookTargetPolicy policy,
                              SecureRandom random) {
    WebhookFormat f = format(format == null || format.isEmpty() ? "json" : format);
    boolean given = secret != null && !secret.isEmpty();
    if (given) {
      checkSecret(secret);
    }
    URI uri = checkUrl(url == null ? "" : url.strip());
    Optional<String> refused = policy.check(uri);
    if (refused.isPresent()) {
      throw new Invalid("url", refused.get());
    }
    return new NewWebhook(uri, f, given ? secret : generateSecret(random), !given);
  }

  private static URI checkUrl(String url) {
    if (url.isEmpty()) {
      throw new Invalid("url", "url is required");
    }
    if (url.length() > MAX_URL) {
      throw new Invalid("url", "url is longer than " + MAX_URL + " characters");
    }
    for (int i = 0; i < url.length(); i++) {
      if (url.charAt(i) <= 0x20 || url.charAt(i) == 0x7f) {
        throw new Invalid("url", "url must not contain spaces or control characters");
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new Invalid("url", "url is not a valid url: " + e.getReason().toLowerCase(Locale.ROOT));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Invalid("url", "url must be an http or https url");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new Invalid("url", "url has no host");
    }
    if (uri.getRawFragment() != null) {
      throw new Invalid("url", "url must not have a fragment (#...)");
    }
    return uri;
  }

  private static WebhookFormat format(String s) {
    try {
      return WebhookFormat.of(s);
    } catch (IllegalArgumentException e) {
      throw new Invalid("format", "format must be json, slack or teams");
    }
  }

  private static void checkSecret(String s) {
    if (s.length() > MAX_SECRET) {
      throw new Invalid("secret", "secret is longer than " + MAX_SECRET + " characters");
    }
    if (s.length() < MIN_SECRET) {
      throw new Invalid("secret", "secret must have at least " + MIN_SECRET + " characters"
          + " (leave it out and ctmon generates one)");
    }
    if (s.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw new Invalid("secret", "secret must be printable ascii without spaces");
    }
    if (s.startsWith(WebhookSignature.WHSEC)) {
      byte[] key;
      try {
        key = Base64.getDecoder().decode(s.substring(WebhookSignature.WHSEC.length()));
      } catch (IllegalArgumentException e) {
        throw new Invalid("secret", "secret: a whsec_ secret must be base64 after whsec_");
      }
      if (key.length < 16) {
        throw new Invalid("secret", "secret: a whsec_ secret needs at least 16 bytes of base64");
      }
    }
  }

  private static String generateSecret(SecureRandom random) {
    byte[] b = new byte[24];
    random.nextBytes(b);
    return WebhookSignature.WHSEC + Base64.getEncoder().encodeToString(b);
  }
}
