package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.web.account.Caller;

/**
 * An account's webhooks: {@code GET|POST /api/v1/webhooks}, {@code GET|DELETE /api/v1/webhooks/{id}},
 * {@code POST /api/v1/webhooks/{id}/test}. A URL must be http(s) and pass the target policy
 * (no loopback or private addresses unless allowed), as {@link NewWebhook} checks it. The signing
 * secret is never shown again: listings say {@code has_secret}; a secret ctmon generated
 * ({@code whsec_} + 24 random bytes, as Standard Webhooks) is in the 201 body only.
 */
final class WebhooksApi {
  static final Set<String> FIELDS = Set.of("url", "secret", "format");
  static final int MAX_URL = NewWebhook.MAX_URL;
  static final int MAX_SECRET = NewWebhook.MAX_SECRET;
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
    String url = body.requiredString("url", MAX_URL);
    String format = body.string("format", 20).orElse("json");
    String secret = body.string("secret", MAX_SECRET).orElse(null);
    NewWebhook w;
    try {
      w = NewWebhook.of(url, format, secret, policy, random);
    } catch (NewWebhook.Invalid e) {
      throw RequestRejected.badRequest(e.getMessage());
    }
    long id = webhooks.create(account, w.url().toString(), w.secret(), w.format());
    Map<String, Object> m = json(webhooks.get(account, id).orElseThrow());
    if (w.generated()) {
      m.put("secret", w.secret()); // shown once: only ctmon and the receiver's owner should know it
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
}
