package org.ctmon.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.DeliveryState;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.stored.Authorizations;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.parser.Sha256;
import org.ctmon.store.issuance.EntryRef;
import org.ctmon.store.issuance.IssuanceSummary;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.Logs;

/**
 * One alert (a match of the account) and what was done about it:
 *
 * <pre>
 *   GET  /alerts/{id}               names, why, issuer, validity, log entries, deliveries
 *   POST /alerts/{id}/acknowledge   acknowledged=true|false; htmx gets the button back, others a 303
 *   POST /alerts/{id}/authorize     the certificate is the account's own: it never alerts again
 * </pre>
 *
 * Another account's id is a 404, as an unknown one.
 */
final class AlertPage {
  private final Matches matches;
  private final Watchlists lists;
  private final Outbox outbox;
  private final Webhooks webhooks;
  private final Authorizations authorizations;
  private final Logs logs;
  private final Clock clock;
  private final Templates templates;

  /** One log entry of the issuance. */
  record EntryRow(String log, String index, String type, String when) {}

  /** One delivery: where, how it stands, how many attempts, the last error. */
  record DeliveryRow(String channel, String recipient, String state, int attempts, String lastError, String when) {}

  /** The acknowledge button of one alert, as the list and the detail show it (and htmx swaps it). */
  record Ack(long id, boolean acknowledged, String at, String csrf, String next) {}

  /** The detail page. */
  record Model(long id, List<String> names, List<String> ips, String verdict, List<String> reasons,
               List<String> watchItems, long watchlistId, String watchlist, String issuer, String issuerDn,
               String subjectDn, String serial, String notBefore, String notAfter, boolean expired, String keyType,
               String spki, String tbs, String matched, boolean historical, List<EntryRow> entries,
               List<DeliveryRow> deliveries, String delivery, Ack ack, boolean authorized) {}

  AlertPage(Matches matches, Watchlists lists, Outbox outbox, Webhooks webhooks, Authorizations authorizations,
            Logs logs, Clock clock, Templates templates) {
    this.matches = matches;
    this.lists = lists;
    this.outbox = outbox;
    this.webhooks = webhooks;
    this.authorizations = authorizations;
    this.logs = logs;
    this.clock = clock;
    this.templates = templates;
  }

  void register(RoutesConfig routes, SignIn signIn) {
    routes.get("/alerts/{id}", signIn.signedIn(this::show));
    routes.post("/alerts/{id}/acknowledge", signIn.signedIn(this::acknowledge));
    routes.post("/alerts/{id}/authorize", signIn.signedIn(this::authorize));
  }

  private Optional<MatchView> owned(Context ctx, Visitor v) {
    return PathIds.of(ctx).flatMap(id -> matches.get(v.accountId(), id));
  }

  void show(Context ctx, Visitor v) {
    Optional<MatchView> m = owned(ctx, v);
    if (m.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such alert");
      return;
    }
    Model model = model(m.get(), v);
    templates.page(ctx, "alert.jte", new Page(model.names().isEmpty() ? "Alert" : model.names().get(0),
        Page.Section.ALERTS, v), model);
  }

  void acknowledge(Context ctx, Visitor v) {
    Optional<MatchView> m = owned(ctx, v);
    String value = ctx.formParam("acknowledged");
    if (m.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such alert");
      return;
    }
    if (!"true".equals(value) && !"false".equals(value)) {
      ctx.status(HttpStatus.BAD_REQUEST);
      templates.render(ctx, "message.jte", Map.of("page", new Page("Refused", Page.Section.NONE, v),
          "model", "acknowledged must be true or false; nothing was changed"));
      return;
    }
    boolean ack = value.equals("true");
    matches.acknowledge(v.accountId(), m.get().id(), ack ? Optional.of(clock.instant()) : Optional.empty());
    MatchView after = matches.get(v.accountId(), m.get().id()).orElseThrow();
    String next = SignIn.safeNext(ctx.formParam("next"));
    if ("true".equals(ctx.header("HX-Request"))) {
      templates.render(ctx, "ack.jte", Map.of("ack", ack(after, v, next)));
      return;
    }
    ctx.redirect(next.equals("/") ? "/alerts/" + after.id() : next, HttpStatus.SEE_OTHER);
  }

  void authorize(Context ctx, Visitor v) {
    Optional<MatchView> m = owned(ctx, v);
    if (m.isEmpty()) {
      NotFound.show(ctx, templates, v, "no such alert");
      return;
    }
    authorizations.add(v.accountId(), Authorizations.Kind.TBS, m.get().issuance().tbsSha256(),
        "marked as ours on alert " + m.get().id());
    ctx.redirect("/alerts/" + m.get().id(), HttpStatus.SEE_OTHER);
  }

  static Ack ack(MatchView m, Visitor v, String next) {
    return new Ack(m.id(), m.acknowledgedAt().isPresent(), m.acknowledgedAt().map(Display::when).orElse(""), v.csrf(),
        next);
  }

  private Model model(MatchView m, Visitor v) {
    IssuanceSummary s = m.issuance();
    Map<Sha256, String> logNames = new HashMap<>();
    for (LogState l : logs.all()) {
      logNames.put(l.spec().logId(), l.spec().description());
    }
    List<EntryRow> entries = new ArrayList<>();
    for (EntryRef e : m.entries()) {
      entries.add(new EntryRow(logNames.getOrDefault(e.logId(), e.logId().base64()), Display.count(e.index()),
          e.type().name().toLowerCase(Locale.ROOT).equals("x509") ? "certificate" : "precertificate",
          Display.when(Instant.ofEpochMilli(e.timestampMs()))));
    }
    Map<Long, String> hooks = new HashMap<>();
    for (Webhook w : webhooks.list(v.accountId())) {
      hooks.put(w.id(), w.url());
    }
    List<DeliveryRow> deliveries = new ArrayList<>();
    for (Alert a : outbox.ofIssuance(v.accountId(), s.tbsSha256())) {
      deliveries.add(delivery(a, hooks));
    }
    boolean authorized = authorizations.list(v.accountId()).stream()
        .anyMatch(a -> a.kind() == Authorizations.Kind.TBS && a.hash().equals(s.tbsSha256()));
    String list = lists.get(v.accountId(), m.watchlistId()).map(w -> w.spec().name()).orElse("");
    return new Model(m.id(), s.dnsNames(), s.ipAddresses(), m.verdict().sqlName(), m.reasons(), m.watchItems(),
        m.watchlistId(), list, SearchPage.issuer(s), s.issuerDn(), s.subjectDn(), s.serialHex(),
        Display.when(s.notBefore()), Display.when(s.notAfter()), s.notAfter().isBefore(clock.instant()), s.keyType(),
        s.spkiSha256().hex(), s.tbsSha256().hex(), Display.when(m.createdAt()), m.historical(), entries, deliveries,
        m.delivery().word(), ack(m, v, "/alerts/" + m.id()), authorized);
  }

  private DeliveryRow delivery(Alert a, Map<Long, String> hooks) {
    String channel;
    String recipient;
    if (a.recipient() instanceof Recipient.Webhook w) {
      channel = "webhook";
      recipient = hooks.getOrDefault(w.webhookId(), "webhook " + w.webhookId() + " (deleted)");
    } else if (a.recipient() instanceof Recipient.Email e) {
      channel = "email";
      recipient = e.address();
    } else {
      throw new AssertionError("unknown recipient " + a.recipient());
    }
    String state;
    String when;
    if (a.state() == DeliveryState.DELIVERED) {
      state = "delivered";
      when = a.deliveredAt().map(Display::when).orElse("");
    } else if (a.state() == DeliveryState.GAVE_UP) {
      state = "dead";
      when = "gave up";
    } else if (a.state() == DeliveryState.PENDING) {
      state = "pending";
      when = a.attempts() == 0 ? "sending" : "next attempt " + Display.when(a.nextAttemptAt());
    } else {
      throw new AssertionError("unknown delivery state " + a.state());
    }
    return new DeliveryRow(channel, recipient, state, a.attempts(), a.lastError().orElse(""), when);
  }
}
