package org.ctmon.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.stored.EmailRecipients.EmailRecipient;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.store.StoreException;
import org.ctmon.store.account.ApiToken;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.store.account.IssuedToken;
import org.ctmon.web.account.EmailAddress;
import org.ctmon.web.api.NewWebhook;
import org.ctmon.web.api.TestDelivery;
import org.ctmon.web.ui.SettingsFlash.Notice;

/**
 * The account's settings: where alerts go and who may use the API.
 *
 * <pre>
 *   GET  /settings                                  recipients, webhooks, tokens, and the notices
 *   POST /settings/recipients                       add (address checked as the API checks it)
 *   POST /settings/recipients/{id}/delete|test
 *   POST /settings/webhooks                         add (checked by web.api.NewWebhook)
 *   POST /settings/webhooks/{id}/delete|test
 *   POST /settings/tokens                           create: the token is shown once
 *   POST /settings/tokens/{id}/revoke
 * </pre>
 *
 * A POST that changes something (or sends a test) redirects to {@code GET /settings}, which shows
 * its outcome once from {@link SettingsFlash}: a reload neither repeats it nor shows a secret again,
 * and no secret is ever in a URL. A form with an error changes nothing and comes back (400) with
 * the message next to its field. Another account's id is a 404. Thread safe.
 */
final class SettingsPage {
  static final int MAX_LABEL = 100;
  private static final int MAX_ECHO = 2000;
  private final EmailRecipients recipients;
  private final Webhooks webhooks;
  private final ApiTokens tokens;
  private final WebhookTargetPolicy policy;
  private final TestDelivery tests;
  private final SecureRandom random;
  private final SettingsFlash flash;
  private final Templates templates;

  /** A webhook as listed: never its secret. */
  record WebhookRow(long id, String url, String format, boolean enabled, boolean signed, String created) {}

  /** A token as listed. */
  record TokenRow(long id, String label, String created, String lastUsed, String revoked) {
    boolean active() {
      return revoked.isEmpty();
    }
  }

  /** The whole page. */
  record Model(List<EmailRecipient> recipients, List<WebhookRow> webhooks, List<TokenRow> tokens,
               List<Notice> notices, SettingsForm form, boolean canTest, boolean privateTargetsAllowed) {}

  /**
   * The settings pages over the store.
   *
   * @param tests sends "send test" alerts; null when this server cannot (the page says so)
   */
  SettingsPage(EmailRecipients recipients, Webhooks webhooks, ApiTokens tokens, WebhookTargetPolicy policy,
               TestDelivery tests, SecureRandom random, Clock clock, Templates templates) {
    this.recipients = Objects.requireNonNull(recipients, "recipients");
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.tests = tests;
    this.random = Objects.requireNonNull(random, "random");
    this.flash = new SettingsFlash(Objects.requireNonNull(clock, "clock"));
    this.templates = Objects.requireNonNull(templates, "templates");
  }

  void register(RoutesConfig routes, SignIn signIn) {
    routes.get("/settings", signIn.signedIn(this::show));
    routes.post("/settings/recipients", signIn.signedIn(this::addRecipient));
    routes.post("/settings/recipients/{id}/delete", signIn.signedIn(this::deleteRecipient));
    routes.post("/settings/recipients/{id}/test", signIn.signedIn(this::testRecipient));
    routes.post("/settings/webhooks", signIn.signedIn(this::addWebhook));
    routes.post("/settings/webhooks/{id}/delete", signIn.signedIn(this::deleteWebhook));
    routes.post("/settings/webhooks/{id}/test", signIn.signedIn(this::testWebhook));
    routes.post("/settings/tokens", signIn.signedIn(this::createToken));
    routes.post("/settings/tokens/{id}/revoke", signIn.signedIn(this::revokeToken));
  }

  private void show(Context ctx, Visitor v) {
    render(ctx, v, SettingsForm.empty(), flash.take(v.csrf()));
  }

  private void addRecipient(Context ctx, Visitor v) {
    String typed = field(ctx, "address");
    EmailAddress address;
    try {
      address = new EmailAddress(typed);
    } catch (IllegalArgumentException e) {
      refuse(ctx, v, SettingsForm.recipient(echo(typed), e.getMessage()));
      return;
    }
    String taken = "alerts go to " + address + " already";
    if (recipients.list(v.accountId()).stream().anyMatch(r -> r.address().equals(address.value()))) {
      refuse(ctx, v, SettingsForm.recipient(echo(typed), taken));
      return;
    }
    try {
      recipients.add(v.accountId(), address.value());
    } catch (StoreException e) {
      refuse(ctx, v, SettingsForm.recipient(echo(typed), taken)); // added by a concurrent request
      return;
    }
    done(ctx, v, Notice.ok("alerts now also go to " + address), "recipients");
  }

  private void deleteRecipient(Context ctx, Visitor v) {
    Optional<EmailRecipient> r = recipient(ctx, v);
    if (r.isEmpty() || !recipients.delete(v.accountId(), r.get().id())) {
      NotFound.show(ctx, templates, v, "no such email recipient");
      return;
    }
    done(ctx, v, Notice.ok("alerts no longer go to " + r.get().address()), "recipients");
  }

  private void testRecipient(Context ctx, Visitor v) {
    Optional<EmailRecipient> r = recipient(ctx, v);
    if (r.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such email recipient");
      return;
    }
    done(ctx, v, tests == null ? cannotTest() : outcome(tests.toEmail(r.get().address()), r.get().address()),
        "recipients");
  }

  private void addWebhook(Context ctx, Visitor v) {
    String url = field(ctx, "url");
    String format = field(ctx, "format");
    NewWebhook w;
    try {
      w = NewWebhook.of(url, format, field(ctx, "secret"), policy, random);
    } catch (NewWebhook.Invalid e) {
      refuse(ctx, v, SettingsForm.webhook(echo(url), echo(format), e.field(), e.getMessage()));
      return;
    }
    long id = webhooks.create(v.accountId(), w.url().toString(), w.secret(), w.format());
    String added = "webhook " + id + " added: alerts are posted to " + w.url();
    done(ctx, v, w.generated() ? Notice.secret(added + ". Its signing secret (Standard Webhooks) is below;"
        + " copy it now, it is not shown again.", w.secret()) : Notice.ok(added), "webhooks");
  }

  private void deleteWebhook(Context ctx, Visitor v) {
    Optional<Webhook> w = webhook(ctx, v);
    if (w.isEmpty() || !webhooks.delete(v.accountId(), w.get().id())) {
      NotFound.show(ctx, templates, v, "no such webhook");
      return;
    }
    done(ctx, v, Notice.ok("webhook " + w.get().id() + " (" + w.get().url() + ") deleted"), "webhooks");
  }

  private void testWebhook(Context ctx, Visitor v) {
    Optional<Webhook> w = webhook(ctx, v);
    if (w.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such webhook");
      return;
    }
    done(ctx, v, tests == null ? cannotTest() : outcome(tests.toWebhook(w.get()), "webhook " + w.get().id()),
        "webhooks");
  }

  private void createToken(Context ctx, Visitor v) {
    String label = field(ctx, "label").strip();
    if (label.isEmpty() || label.length() > MAX_LABEL || label.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      refuse(ctx, v, SettingsForm.token(echo(label), "a label has 1.." + MAX_LABEL
          + " characters and no control characters"));
      return;
    }
    IssuedToken t = tokens.issue(v.accountId(), label);
    done(ctx, v, Notice.secret("token \"" + label + "\" created. Copy it now, it is not shown again; send it as"
        + " Authorization: Bearer <token>.", t.secret()), "tokens");
  }

  private void revokeToken(Context ctx, Visitor v) {
    Optional<ApiToken> t = PathIds.of(ctx)
        .flatMap(id -> tokens.list(v.accountId()).stream().filter(x -> x.id() == id).findFirst());
    if (t.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such API token");
      return;
    }
    boolean revoked = tokens.revoke(v.accountId(), t.get().id());
    done(ctx, v, Notice.ok("token \"" + t.get().label() + "\" " + (revoked ? "revoked: it no longer works"
        : "was revoked already")), "tokens");
  }

  private Optional<EmailRecipient> recipient(Context ctx, Visitor v) {
    return PathIds.of(ctx)
        .flatMap(id -> recipients.list(v.accountId()).stream().filter(r -> r.id() == id).findFirst());
  }

  private Optional<Webhook> webhook(Context ctx, Visitor v) {
    return PathIds.of(ctx).flatMap(id -> webhooks.get(v.accountId(), id));
  }

  /** What a test delivery came to, in the words a user acts on. */
  static Notice outcome(DeliveryResult r, String target) {
    if (r instanceof DeliveryResult.Delivered) {
      return Notice.ok("test alert delivered to " + target);
    }
    if (r instanceof DeliveryResult.RetryAt retry) {
      return Notice.error("test alert to " + target + " not delivered (a real alert would be retried): "
          + retry.error());
    }
    if (r instanceof DeliveryResult.GaveUp gaveUp) {
      return Notice.error("test alert to " + target + " failed (a real alert would not be retried): "
          + gaveUp.error());
    }
    throw new AssertionError("unknown delivery result " + r);
  }

  private static Notice cannotTest() {
    return Notice.error("this server does not send test deliveries");
  }

  private void done(Context ctx, Visitor v, Notice notice, String section) {
    flash.put(v.csrf(), notice);
    ctx.redirect("/settings#" + section, HttpStatus.SEE_OTHER);
  }

  private void refuse(Context ctx, Visitor v, SettingsForm form) {
    ctx.status(HttpStatus.BAD_REQUEST);
    render(ctx, v, form, List.of());
  }

  private void render(Context ctx, Visitor v, SettingsForm form, List<Notice> notices) {
    long account = v.accountId();
    List<WebhookRow> hooks = webhooks.list(account).stream()
        .map(w -> new WebhookRow(w.id(), w.url(), w.format().sqlName(), w.enabled(),
            w.secret() != null && !w.secret().isEmpty(), Display.day(w.createdAt())))
        .toList();
    List<TokenRow> rows = tokens.list(account).stream()
        .map(t -> new TokenRow(t.id(), t.label(), Display.when(t.createdAt()),
            t.lastUsedAt().map(Display::when).orElse("never"), t.revokedAt().map(Display::when).orElse("")))
        .toList();
    templates.page(ctx, "settings.jte", new Page("Settings", Page.Section.SETTINGS, v), new Model(
        recipients.list(account), hooks, rows, notices, form, tests != null, policy.allowPrivateTargets()));
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  /** What was typed, to put back into the form; a pasted novel is cut. */
  private static String echo(String typed) {
    return typed.length() > MAX_ECHO ? typed.substring(0, MAX_ECHO) : typed;
  }
}
