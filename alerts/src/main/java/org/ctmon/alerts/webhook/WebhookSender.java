package org.ctmon.alerts.webhook;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.ctmon.alerts.delivery.DeliveryBackoff;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.delivery.WebhookChannel;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.Webhook;

/**
 * POSTs an alert to a webhook, once per call: the body in the webhook's format, signed
 * ({@link WebhookSignature}), with {@code Idempotency-Key} and {@code webhook-id} set to the
 * alert's idempotency key on every attempt so receivers can drop repeats.
 *
 * <p>Any 2xx is delivered. 410 Gone gives up. A redirect is not followed (it could lead to a
 * private address) and, like every other status and I/O error, is retried with
 * {@link DeliveryBackoff}, honouring {@code Retry-After}. A target refused by the
 * {@link WebhookTargetPolicy} gives up. The response body is read only up to 64 KiB, for an
 * excerpt in the error. Errors name the webhook by id and origin, never its full URL: for Slack
 * and Teams the URL is the credential. Thread safe.
 */
public final class WebhookSender implements WebhookChannel {
  /** At most this much of a response is read. */
  public static final int MAX_RESPONSE_BYTES = 64 * 1024;
  private static final MediaType JSON = MediaType.get("application/json");
  private final OkHttpClient client;
  private final WebhookTargetPolicy policy;
  private final DeliveryBackoff backoff;
  private final Clock clock;
  private final String userAgent;

  /**
   * A sender on the policy's safe client derived from {@code shared} ({@link
   * WebhookTargetPolicy#client}), with timeouts of 5 s to connect, 10 s per read or write, 15 s
   * per call.
   *
   * @param userAgent e.g. {@code ctmon/0.1 (+https://ctmon.example/; ops@example.com)}
   */
  public WebhookSender(OkHttpClient shared, WebhookTargetPolicy policy, DeliveryBackoff backoff, Clock clock,
                       String userAgent) {
    this.client = policy.client(shared, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15));
    this.policy = policy;
    this.backoff = backoff;
    this.clock = clock;
    this.userAgent = userAgent;
  }

  @Override
  public DeliveryResult send(Webhook webhook, Alert alert) {
    String where = "error posting alert " + alert.idempotencyKey() + " to webhook " + webhook.id() + " ("
        + origin(webhook.url()) + ")";
    URI uri;
    try {
      uri = new URI(webhook.url());
    } catch (URISyntaxException e) {
      return new DeliveryResult.GaveUp(where + ": not a url");
    }
    // IP literals may never reach the resolver; check them (and the scheme) here too.
    Optional<String> refused = uri.getHost() != null && isLiteral(uri.getHost())
        ? policy.check(uri) : schemeRefusal(uri);
    if (refused.isPresent()) {
      return new DeliveryResult.GaveUp(where + ": " + refused.get().replace(webhook.url(), origin(webhook.url())));
    }
    byte[] body = WebhookBody.of(webhook.format(), alert.payloadJson());
    Request.Builder request = new Request.Builder()
        .url(webhook.url())
        .post(RequestBody.create(body, JSON))
        .header("User-Agent", userAgent)
        .header("Idempotency-Key", alert.idempotencyKey())
        .header("X-Ctmon-Event", alert.eventType().wireName());
    for (Map.Entry<String, String> h : WebhookSignature.headers(webhook.secret(), alert.idempotencyKey(),
        clock.instant(), body).entrySet()) {
      request.header(h.getKey(), h.getValue());
    }
    int attempt = alert.attempts() + 1;
    try (Response response = client.newCall(request.build()).execute()) {
      int code = response.code();
      if (code >= 200 && code < 300) {
        return new DeliveryResult.Delivered();
      }
      String error = where + ": HTTP " + code + detail(response);
      if (code == 410) {
        return new DeliveryResult.GaveUp(error + " (the receiver says the webhook is gone)");
      }
      return new DeliveryResult.RetryAt(backoff.next(attempt, Optional.ofNullable(response.header("Retry-After"))),
          error);
    } catch (WebhookTargetPolicy.RefusedTargetException e) {
      return new DeliveryResult.GaveUp(where + ": " + e.getMessage());
    } catch (InterruptedIOException e) {
      return new DeliveryResult.RetryAt(backoff.next(attempt), where + ": timed out (" + e.getMessage() + ")");
    } catch (IOException e) {
      return new DeliveryResult.RetryAt(backoff.next(attempt), where + ": " + e);
    }
  }

  private static String detail(Response response) throws IOException {
    if (response.isRedirect()) {
      return " redirect to " + Optional.ofNullable(response.header("Location")).map(WebhookSender::origin).orElse("?")
          + " not followed";
    }
    ResponseBody b = response.body();
    if (b == null) {
      return "";
    }
    BufferedSource source = b.source();
    source.request(MAX_RESPONSE_BYTES); // reads at most this much, or less at end of body
    long n = Math.min(source.getBuffer().size(), MAX_RESPONSE_BYTES);
    String text = source.getBuffer().readString(Math.min(n, 400), StandardCharsets.UTF_8)
        .replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    if (text.length() > 200) {
      text = text.substring(0, 200) + "…";
    }
    return text.isEmpty() ? "" : ": " + text;
  }

  private static Optional<String> schemeRefusal(URI uri) {
    String s = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return s.equals("http") || s.equals("https") ? Optional.empty()
        : Optional.of("only http and https are allowed");
  }

  private static boolean isLiteral(String host) {
    return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
  }

  /** Scheme, host and port only: paths of Slack and Teams URLs are secrets. */
  static String origin(String url) {
    try {
      URI u = new URI(url);
      return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + "/…";
    } catch (URISyntaxException e) {
      return "(invalid url)";
    }
  }
}
