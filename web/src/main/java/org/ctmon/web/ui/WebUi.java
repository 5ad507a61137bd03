package org.ctmon.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.store.account.Sessions;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.web.api.TestDelivery;
import org.ctmon.web.api.WatchlistListener;
import org.jdbi.v3.core.Jdbi;

/**
 * The web UI's routes. Pages need a signed-in account except sign-in and search:
 *
 * <pre>
 *   GET  /                      dashboard: every followed log          DashboardPage (home())
 *   GET|POST /watchlists[/import], /watchlists/{id}[/delete|export|test]  WatchlistsPage
 *   GET  /alerts[?watchlist=&verdict=&delivery=&acknowledged=]          AlertsPage
 *   GET  /alerts/{id}, POST .../acknowledge, .../authorize  one alert    AlertPage
 *   GET  /search?q=             public search                          SearchPage
 *   GET  /certs/{tbs}           one certificate (public; verdicts: own) CertificatePage
 *   GET  /settings, POST /settings/...  recipients, webhooks, tokens    SettingsPage
 *   GET  /admin, POST /admin/...  accounts, logs, incidents (admins only) AdminPage
 *   GET|POST /setup/{token}     the first administrator, once          FirstAdminSetup
 *   GET|POST /login, POST /logout                                      SignIn
 *   GET  /static/ctmon.css, /static/htmx.min.js (the htmx WebJar's, so no CDN)
 * </pre>
 *
 * Thread safe.
 */
public final class WebUi {
  private final SignIn signIn;
  private final DashboardPage dashboard;
  private final WatchlistsPage watchlists;
  private final AlertsPage alerts;
  private final AlertPage alert;
  private final SearchPage search;
  private final CertificatePage certificate;
  private final SettingsPage settings;
  private final AdminPage admin;
  private final FirstAdminSetup setup;
  private final byte[] css;
  private final byte[] htmx;

  /**
   * The UI over the store.
   *
   * @param statuses the followers' current state, for the dashboard
   * @param caa the CAA issuer table expected issuers are checked against (as the API's)
   * @param listener told after a watch list is saved, so the matcher reloads
   */
  public WebUi(Jdbi jdbi, Clock clock, Supplier<List<FollowerStatus>> statuses, CaaIssuers caa,
               WatchlistListener listener) {
    this(jdbi, clock, statuses, caa, listener, new WebhookTargetPolicy(false), null, log -> { });
  }

  /**
   * The UI over the store, with the settings page's webhook policy and test delivery.
   *
   * @param targets which webhook targets may be saved
   * @param tests "send test" for webhooks and recipients, or null to offer none
   * @param resume told after an admin resumed a log stopped for misbehaviour (its status is OK again)
   */
  public WebUi(Jdbi jdbi, Clock clock, Supplier<List<FollowerStatus>> statuses, CaaIssuers caa,
               WatchlistListener listener, WebhookTargetPolicy targets, TestDelivery tests,
               java.util.function.Consumer<org.ctmon.parser.Sha256> resume) {
    this(jdbi, clock, statuses, caa, listener, targets, tests, resume, (log, on) -> { });
  }

  /**
   * As above, with the admin page's log switch.
   *
   * @param switched told a log and whether it is now on, after an admin turned it on or off in the
   *     store, so the followers follow suit; called on the request thread, so it should return quickly
   */
  public WebUi(Jdbi jdbi, Clock clock, Supplier<List<FollowerStatus>> statuses, CaaIssuers caa,
               WatchlistListener listener, WebhookTargetPolicy targets, TestDelivery tests,
               java.util.function.Consumer<org.ctmon.parser.Sha256> resume,
               java.util.function.BiConsumer<org.ctmon.parser.Sha256, Boolean> switched) {
    Objects.requireNonNull(jdbi, "jdbi");
    Objects.requireNonNull(clock, "clock");
    SecureRandom random = new SecureRandom();
    Templates templates = new Templates();
    Watchlists lists = new Watchlists(jdbi, clock);
    this.signIn = new SignIn(new Accounts(jdbi, clock, random), new Sessions(jdbi, clock, random),
        new LoginThrottle(clock), templates, random);
    this.dashboard = new DashboardPage(Objects.requireNonNull(statuses, "statuses"),
        new org.ctmon.store.log.Logs(jdbi, clock), new org.ctmon.web.api.DashboardFigures(jdbi, clock), clock, templates);
    this.watchlists = new WatchlistsPage(lists, new Matches(jdbi), new EmailRecipients(jdbi, clock),
        new Webhooks(jdbi, clock), Objects.requireNonNull(caa, "caa"), Objects.requireNonNull(listener, "listener"),
        clock, templates);
    this.alerts = new AlertsPage(new Matches(jdbi), lists, templates);
    this.alert = new AlertPage(new Matches(jdbi), lists, new org.ctmon.alerts.stored.Outbox(jdbi, clock),
        new Webhooks(jdbi, clock), new org.ctmon.alerts.stored.Authorizations(jdbi, clock),
        new org.ctmon.store.log.Logs(jdbi, clock), clock, templates);
    this.search = new SearchPage(new IssuanceSearch(jdbi), clock, templates);
    this.certificate = new CertificatePage(jdbi, clock, templates);
    this.settings = new SettingsPage(new EmailRecipients(jdbi, clock), new Webhooks(jdbi, clock),
        new ApiTokens(jdbi, clock, random), Objects.requireNonNull(targets, "targets"), tests, random, clock, templates);
    this.admin = new AdminPage(new Accounts(jdbi, clock, random), new org.ctmon.store.log.Logs(jdbi, clock),
        new org.ctmon.store.log.LogIncidents(jdbi), statuses, Objects.requireNonNull(resume, "resume"), Objects.requireNonNull(switched, "switched"), templates,
        random);
    this.setup = new FirstAdminSetup(new org.ctmon.store.account.SetupTokens(jdbi, clock, random),
        new Sessions(jdbi, clock, random), templates, random);
    this.css = resource("static/ctmon.css");
    this.htmx = htmx();
  }

  /**
   * Registers the pages, all but {@code GET /}: that path is shared with crt.sh's
   * {@code /?q=&output=json} ({@code web.api.HomePage}), which hands every other request to
   * {@link #home()}.
   */
  public void register(RoutesConfig routes) {
    signIn.register(routes);
    watchlists.register(routes, signIn);
    routes.get("/alerts", signIn.signedIn(alerts::show));
    alert.register(routes, signIn);
    routes.get("/search", signIn.open(search::show));
    certificate.register(routes, signIn);
    settings.register(routes, signIn);
    admin.register(routes, signIn);
    setup.register(routes);
    routes.get("/static/ctmon.css", this::css);
    routes.get("/static/htmx.min.js", ctx -> ctx.contentType("text/javascript; charset=utf-8")
        .header("Cache-Control", "public, max-age=3600").result(htmx));
  }

  /** {@code GET /}: the dashboard for a signed-in visitor; others are sent to sign in. */
  public Handler home() {
    return signIn.signedIn(dashboard::show);
  }

  private void css(Context ctx) {
    ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "public, max-age=3600").result(css);
  }

  /** htmx from its WebJar, whichever version the build put on the class path. */
  private static byte[] htmx() {
    java.util.Properties p = new java.util.Properties();
    try (InputStream in = WebUi.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/htmx.org/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks the htmx WebJar (org.webjars.npm:htmx.org)");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return resource("/META-INF/resources/webjars/htmx.org/" + p.getProperty("version") + "/dist/htmx.min.js");
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebUi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
