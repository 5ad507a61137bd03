package org.ctmon.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.parser.Sha256;
import org.ctmon.store.StoreException;
import org.ctmon.store.account.Account;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.log.LogIncident;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.LogStatus;
import org.ctmon.store.log.Logs;
import org.ctmon.web.account.EmailAddress;

/**
 * The administrator's page: accounts, followed logs, and the misbehaviour evidence logs were
 * caught with. For anyone but an enabled administrator it does not exist (404, as any unknown
 * page), so its address reveals nothing. Every change is a CSRF-checked POST answered with the
 * page itself and a notice:
 *
 * <pre>
 *   GET  /admin                         accounts, logs, incidents
 *   POST /admin/accounts                create (email, admin): shows a one-time password once
 *   POST /admin/accounts/{id}/disable   never the last enabled administrator
 *   POST /admin/accounts/{id}/enable
 *   POST /admin/logs/resume             log=ID: follow a stopped log again, as `ctmon resume`
 *   POST /admin/logs/enabled            log=ID, enabled=true|false: turn following a log on or off
 * </pre>
 *
 * Thread safe.
 */
final class AdminPage {
  static final int INCIDENTS_SHOWN = 50;
  private static final String NOT_FOUND = "There is no page at this address.";
  private final Accounts accounts;
  private final Logs logs;
  private final LogIncidents incidents;
  private final Supplier<List<FollowerStatus>> statuses;
  private final Consumer<Sha256> resume;
  private final java.util.function.BiConsumer<Sha256, Boolean> switched;
  private final Templates templates;
  private final SecureRandom random;

  /** An account as its row shows it. */
  record AccountRow(long id, String email, boolean admin, boolean disabled, String created, boolean self) {}

  /** A followed log as its row shows it; {@code stopped} ones get a resume button. */
  record LogRow(String logId, String name, String url, String status, String statusClass, String lastError,
                boolean stopped, boolean enabled) {}

  /** An incident: its summary and its evidence, the JSON of {@code /api/v1/incidents}. */
  record IncidentRow(long id, String log, String kind, String detail, String when, String evidence) {}

  /** An account just created and its one-time password, shown on this answer only. */
  record Created(String email, String password, boolean admin) {}

  /** The page; {@code notice} and {@code error} are empty or one sentence, {@code created} may be null. */
  record Model(List<AccountRow> accounts, List<LogRow> logs, List<IncidentRow> incidents, String notice,
               String error, Created created, String formEmail) {}

  /**
   * @param statuses the followers' current state
   * @param resume told the log id after a stopped log is set to ok in the store, so the running
   *     follower starts again; called on the request thread, so it should return quickly
   * @param switched told a log id and whether it is now on, after an administrator turned it on or
   *     off in the store; called on the request thread, so it should return quickly
   */
  AdminPage(Accounts accounts, Logs logs, LogIncidents incidents, Supplier<List<FollowerStatus>> statuses,
            Consumer<Sha256> resume, java.util.function.BiConsumer<Sha256, Boolean> switched, Templates templates,
            SecureRandom random) {
    this.switched = switched;
    this.accounts = accounts;
    this.logs = logs;
    this.incidents = incidents;
    this.statuses = statuses;
    this.resume = resume;
    this.templates = templates;
    this.random = random;
  }

  /** Registers the routes above, each behind {@code signIn}'s session and CSRF checks. */
  void register(RoutesConfig routes, SignIn signIn) {
    routes.get("/admin", signIn.signedIn(adminOnly(this::show)));
    routes.post("/admin/accounts", signIn.signedIn(adminOnly(this::create)));
    routes.post("/admin/accounts/{id}/disable", signIn.signedIn(adminOnly((ctx, v) -> setDisabled(ctx, v, true))));
    routes.post("/admin/accounts/{id}/enable", signIn.signedIn(adminOnly((ctx, v) -> setDisabled(ctx, v, false))));
    routes.post("/admin/logs/resume", signIn.signedIn(adminOnly(this::resume)));
    routes.post("/admin/logs/enabled", signIn.signedIn(adminOnly(this::setEnabled)));
  }

  private SignIn.PageHandler adminOnly(SignIn.PageHandler page) {
    return (ctx, v) -> {
      if (!v.admin()) {
        NotFound.show(ctx, templates, v, NOT_FOUND);
        return;
      }
      page.handle(ctx, v);
    };
  }

  private void show(Context ctx, Visitor v) {
    render(ctx, v, HttpStatus.OK, "", "", null, "");
  }

  private void create(Context ctx, Visitor v) {
    String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
    boolean admin = "on".equals(ctx.formParam("admin")) || "true".equals(ctx.formParam("admin"));
    EmailAddress address;
    try {
      address = new EmailAddress(email);
    } catch (IllegalArgumentException e) {
      render(ctx, v, HttpStatus.BAD_REQUEST, "", e.getMessage() + "; no account was created", null, email);
      return;
    }
    byte[] b = new byte[18];
    random.nextBytes(b);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(b); // 144 bits, as `ctmon user add`
    try {
      accounts.create(address.value(), password, admin);
    } catch (StoreException e) {
      render(ctx, v, HttpStatus.CONFLICT, "", "an account " + address.value() + " exists already; no account was"
          + " created", null, email);
      return;
    }
    render(ctx, v, HttpStatus.OK, "", "", new Created(address.value(), password, admin), "");
  }

  private void setDisabled(Context ctx, Visitor v, boolean disabled) {
    Optional<Account> account = PathIds.of(ctx).flatMap(accounts::byId);
    if (account.isEmpty()) {
      NotFound.show(ctx, templates, v, "There is no such account.");
      return;
    }
    String email = account.get().email();
    if (!disabled) {
      accounts.setDisabled(account.get().id(), false);
      render(ctx, v, HttpStatus.OK, email + " is enabled: it can sign in and use its API tokens again.", "", null, "");
    } else if (accounts.disableUnlessLastAdmin(account.get().id())) {
      render(ctx, v, HttpStatus.OK, email + " is disabled: its sessions and API tokens stop working.", "", null, "");
    } else {
      render(ctx, v, HttpStatus.CONFLICT, "", email + " is the last enabled administrator and stays enabled;"
          + " make another administrator first", null, "");
    }
  }

  private void resume(Context ctx, Visitor v) {
    Optional<LogState> log = logId(ctx.formParam("log")).flatMap(logs::state);
    if (log.isEmpty()) {
      NotFound.show(ctx, templates, v, "No log has this id.");
      return;
    }
    Sha256 id = log.get().spec().logId();
    String name = log.get().spec().description();
    boolean followerStopped = statuses.get().stream()
        .anyMatch(s -> s.logId().equals(id) && s.health() == FollowerHealth.STOPPED);
    if (log.get().status() != LogStatus.STOPPED && !followerStopped) {
      render(ctx, v, HttpStatus.OK, name + " is not stopped (" + log.get().status().sqlName() + "); nothing to do.",
          "", null, "");
      return;
    }
    logs.setStatus(id, LogStatus.OK, null); // as `ctmon resume` does; the evidence stays on record
    resume.accept(id);
    render(ctx, v, HttpStatus.OK, name + " will be followed again from entry " + Display.count(log.get().nextIndex())
        + ". It was stopped because: " + log.get().lastError().orElse("(no reason recorded)")
        + ". Its incidents stay on record; if it is still lying it is stopped again at its next inconsistent head.",
        "", null, "");
  }

  private void setEnabled(Context ctx, Visitor v) {
    Optional<LogState> log = logId(ctx.formParam("log")).flatMap(logs::state);
    String value = ctx.formParam("enabled");
    if (log.isEmpty()) {
      NotFound.show(ctx, templates, v, "No log has this id.");
      return;
    }
    if (!"true".equals(value) && !"false".equals(value)) {
      render(ctx, v, HttpStatus.BAD_REQUEST, "", "enabled must be true or false; nothing was changed", null, "");
      return;
    }
    boolean on = value.equals("true");
    Sha256 id = log.get().spec().logId();
    logs.setEnabled(id, on);
    switched.accept(id, on);
    render(ctx, v, HttpStatus.OK, log.get().spec().description() + (on
        ? " is turned on: it is followed again from entry " + Display.count(log.get().nextIndex()) + "."
        : " is turned off: its follower stops after the batch in hand; its position and evidence are kept."),
        "", null, "");
  }

  private void render(Context ctx, Visitor v, HttpStatus status, String notice, String error, Created created,
                      String formEmail) {
    List<AccountRow> accountRows = new ArrayList<>();
    for (Account a : accounts.all()) {
      accountRows.add(new AccountRow(a.id(), a.email(), a.admin(), a.disabled(), Display.day(a.createdAt()),
          a.id() == v.accountId()));
    }
    List<LogRow> logRows = new ArrayList<>();
    java.util.Set<Sha256> disabled = logs.disabled();
    java.util.Set<Sha256> shown = new java.util.HashSet<>();
    for (FollowerStatus s : statuses.get()) {
      boolean on = !disabled.contains(s.logId());
      logRows.add(new LogRow(s.logId().base64(), s.description(), s.url(),
          on ? s.health().name().toLowerCase(Locale.ROOT).replace('_', ' ') : "turning off",
          on ? s.health().name().toLowerCase(Locale.ROOT).replace('_', '-') : "off", s.lastError().orElse(""),
          s.health() == FollowerHealth.STOPPED, on));
      shown.add(s.logId());
    }
    if (!disabled.isEmpty()) {
      for (LogState l : logs.all()) {
        if (disabled.contains(l.spec().logId()) && !shown.contains(l.spec().logId())) {
          logRows.add(new LogRow(l.spec().logId().base64(), l.spec().description(), l.spec().url(), "off", "off",
              l.lastError().orElse(""), false, false));
        }
      }
    }
    List<IncidentRow> incidentRows = new ArrayList<>();
    for (LogIncident i : incidents.recent(Optional.empty(), INCIDENTS_SHOWN)) {
      incidentRows.add(new IncidentRow(i.id(), i.logDescription(), i.kind().sqlName().replace('_', ' '), i.detail(),
          Display.when(Instant.ofEpochMilli(i.recordedAtMs())), AdminEvidence.of(i)));
    }
    ctx.status(status);
    templates.page(ctx, "admin.jte", new Page("Administration", Page.Section.ADMIN, v),
        new Model(accountRows, logRows, incidentRows, notice, error, created, formEmail));
  }

  /** A log id as {@code /api/v1/logs} gives it (standard base64; a '+' sent as a space is taken back). */
  private static Optional<Sha256> logId(String text) {
    if (text == null || text.length() > 100) {
      return Optional.empty();
    }
    try {
      byte[] id = Base64.getDecoder().decode(text.strip().replace(' ', '+'));
      return id.length == Sha256.LENGTH ? Optional.of(Sha256.wrap(id)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
