package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ctmon.alerts.webhook.WebhookSignature;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.store.outbox.Webhook;
import org.ctmon.store.outbox.WebhookFormat;
import org.ctmon.store.outbox.Webhooks;
import org.ctmon.web.account.Caller;

/**
 * An account's webhooks: {@code GET|POST /api/v1/webhooks}, {@code GET|DELETE /api/v1/webhooks/{id}},
 * {@code POST /api/v1/webhooks/{id}/test}. A URL must be http(s) and pass the target policy
 * (no loopback or private addresses unless allowed). The signing secret is never shown again:
 * listings say {@code has_secret}; a secret ctmon generated ({@code whsec_} + 24 random bytes, as
 * Standard Webhooks) is in the 201 body only.
 */
final class WebhooksApi {
  static final Set<String> FIELDS = Set.of("url", "secret", "format");
  static final int MAX_URL = 2000;
  static final int MIN_SECRET = 16;
  static final int MAX_SECRET = 256;
  private final Webhooks webhooks;
  private final WebhookTargetPolicy policy;
  private final TestDelivery tests;
  private final SecureRandom random;

  WebhooksApi(Webhooks webhooks, WebhookTargetPolicy policy, TestDelivery tests, SecureRandom random) {
    this.webhooks = webhooks;
    this.policy = policy;
    this.tests = tests;
    this.random = random;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/webhooks", this::list);
    routes.post("/api/v1/webhooks", this::create);
    routes.get("/api/v1/webhooks/{id}", this::get);
    routes.delete("/api/v1/webhooks/{id}", this::delete);
    routes.post("/api/v1/webhooks/{id}/test", this::test);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Webhook w : webhooks.list(Caller.of(ctx).accountId())) {
      out.add(json(w));
    }
    ctx.json(Map.of("results", out));
  }

  private void create(Context ctx) {
    long account = Caller.of(ctx).accountId();
    JsonBody body = JsonBody.of(ctx, FIELDS);
    String url = body.requiredString("url", MAX_URL).strip();
    WebhookFormat format = format(body.string("format", 20).orElse("json"));
    Optional<String> given = body.string("secret", MAX_SECRET);
    given.ifPresent(WebhooksApi::checkSecret);
    URI uri = checkUrl(url);
    Optional<String> refused = policy.check(uri);
    if (refused.isPresent()) {
      throw RequestRejected.badRequest(refused.get());
    }
    String secret = given.orElseGet(this::generateSecret);
    long id = webhooks.create(account, uri.toString(), secret, format);
    Map<String, Object> m = json(webhooks.get(account, id).orElseThrow());
    if (given.isEmpty()) {
      m.put("secret", secret); // shown once: only ctmon and the receiver's owner should know it
    }
    ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/webhooks/" + id).json(m);
  }

  private void get(Context ctx) {
    ctx.json(json(owned(ctx)));
  }

  private void delete(Context ctx) {
    long id = PathId.of(ctx, "webhook");
    if (!webhooks.delete(Caller.of(ctx).accountId(), id)) {
      throw RequestRejected.notFound("no webhook " + id);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void test(Context ctx) {
    Webhook w = owned(ctx);
    if (tests == null) {
      throw TestOutcome.unavailable();
    }
    TestOutcome.send(ctx, tests.toWebhook(w), "webhook " + w.id());
  }

  private Webhook owned(Context ctx) {
    long id = PathId.of(ctx, "webhook");
    return webhooks.get(Caller.of(ctx).accountId(), id).orElseThrow(() -> RequestRejected.notFound("no webhook " + id));
  }

  static Map<String, Object> json(Webhook w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", w.id());
    m.put("url", w.url());
    m.put("format", w.format().sqlName());
    m.put("enabled", w.enabled());
    m.put("has_secret", w.secret() != null && !w.secret().isEmpty());
    m.put("created_at", IssuanceJson.time(w.createdAt()));
    return m;
  }

  private static URI checkUrl(String url) {
    for (int i = 0; i < url.length(); i++) {
      if (url.charAt(i) <= 0x20 || url.charAt(i) == 0x7f) {
        throw RequestRejected.badRequest("url must not contain spaces or control characters");
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw RequestRejected.badRequest("url is not a valid url: " + e.getReason().toLowerCase(Locale.ROOT));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw RequestRejected.badRequest("url must be an http or https url");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw RequestRejected.badRequest("url has no host");
    }
    if (uri.getRawFragment() != null) {
      throw RequestRejected.badRequest("url must not have a fragment (#...)");
    }
    return uri;
  }

  private static WebhookFormat format(String s) {
    try {
      return WebhookFormat.of(s);
    } catch (IllegalArgumentException e) {
      throw RequestRejected.badRequest("format must be json, slack or teams");
    }
  }

  private static void checkSecret(String s) {
    if (s.length() < MIN_SECRET) {
      throw RequestRejected.badRequest("secret must have at least " + MIN_SECRET + " characters"
          + " (leave it out and ctmon generates one)");
    }
    if (s.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      throw RequestRejected.badRequest("secret must be printable ascii without spaces");
    }
    if (s.startsWith(WebhookSignature.WHSEC)) {
      try {
        if (Base64.getDecoder().decode(s.substring(WebhookSignature.WHSEC.length())).length < 16) {
          throw RequestRejected.badRequest("secret: a whsec_ secret needs at least 16 bytes of base64");
        }
      } catch (IllegalArgumentException e) {
        throw RequestRejected.badRequest("secret: a whsec_ secret must be base64 after whsec_");
      }
    }
  }

  private String generateSecret() {
    byte[] b = new byte[24];
    random.nextBytes(b);
    return WebhookSignature.WHSEC + Base64.getEncoder().encodeToString(b);
  }
}
