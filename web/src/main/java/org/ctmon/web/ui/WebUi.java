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
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.Sessions;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.watch.Matches;
import org.ctmon.store.watch.Watchlists;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.store.outbox.EmailRecipients;
import org.ctmon.store.outbox.Webhooks;
import org.ctmon.web.api.TestDelivery;
import org.ctmon.web.api.WatchlistListener;
import org.jdbi.v3.core.Jdbi;

/**
 * The web UI's routes. Pages need a signed-in account except sign-in and search:
 *
 * <pre>
 *   GET  /                      dashboard: every followed log          DashboardPage (home())
 *   GET  /watchlists            the account's lists + "new" form       WatchlistsPage
 *   POST /watchlists            create (CSRF-checked)
 *   GET  /watchlists/{id}       one list (another account's: 404)
 *   GET  /alerts[?watchlist=]   the account's matches                  AlertsPage
 *   GET  /search?q=             public search                          SearchPage
 *   GET  /certs/{tbs}           one certificate (public; verdicts: own) CertificatePage
 *   GET  /settings, POST /settings/...  recipients, webhooks, tokens    SettingsPage
 *   GET  /admin, POST /admin/...  accounts, logs, incidents (admins only) AdminPage
 *   GET|POST /setup/{token}     the first administrator, once          FirstAdminSetup
 *   GET|POST /login, POST /logout                                      SignIn
 *   GET  /static/ctmon.css
 * </pre>
 *
 * Thread safe.
 */
public final class WebUi {
  private final SignIn signIn;
  private final DashboardPage dashboard;
  private final WatchlistsPage watchlists;
  private final AlertsPage alerts;
  private final SearchPage search;
  private final CertificatePage certificate;
  private final SettingsPage settings;
  private final AdminPage admin;
  private final FirstAdminSetup setup;
  private final byte[] css;

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
    Objects.requireNonNull(jdbi, "jdbi");
    Objects.requireNonNull(clock, "clock");
    SecureRandom random = new SecureRandom();
    Templates templates = new Templates();
    Watchlists lists = new Watchlists(jdbi, clock);
    this.signIn = new SignIn(new Accounts(jdbi, clock, random), new Sessions(jdbi, clock, random),
        new LoginThrottle(clock), templates, random);
    this.dashboard = new DashboardPage(Objects.requireNonNull(statuses, "statuses"), clock, templates);
    this.watchlists = new WatchlistsPage(lists, Objects.requireNonNull(caa, "caa"),
        Objects.requireNonNull(listener, "listener"), templates);
    this.alerts = new AlertsPage(new Matches(jdbi), lists, templates);
    this.search = new SearchPage(new IssuanceSearch(jdbi), clock, templates);
    this.certificate = new CertificatePage(jdbi, clock, templates);
    this.settings = new SettingsPage(new EmailRecipients(jdbi, clock), new Webhooks(jdbi, clock),
        new ApiTokens(jdbi, clock, random), Objects.requireNonNull(targets, "targets"), tests, random, clock, templates);
    this.admin = new AdminPage(new Accounts(jdbi, clock, random), new org.ctmon.store.log.Logs(jdbi, clock),
        new org.ctmon.store.log.LogIncidents(jdbi), statuses, Objects.requireNonNull(resume, "resume"), templates, random);
    this.setup = new FirstAdminSetup(new org.ctmon.store.account.SetupTokens(jdbi, clock, random),
        new Sessions(jdbi, clock, random), templates, random);
    this.css = resource("static/ctmon.css");
  }

  /**
   * Registers the pages, all but {@code GET /}: that path is shared with crt.sh's
   * {@code /?q=&output=json} ({@code web.api.HomePage}), which hands every other request to
   * {@link #home()}.
   */
  public void register(RoutesConfig routes) {
    signIn.register(routes);
    routes.get("/watchlists", signIn.signedIn(watchlists::list));
    routes.post("/watchlists", signIn.signedIn(watchlists::create));
    routes.get("/watchlists/{id}", signIn.signedIn(watchlists::one));
    routes.get("/alerts", signIn.signedIn(alerts::show));
    routes.get("/search", signIn.open(search::show));
    certificate.register(routes, signIn);
    settings.register(routes, signIn);
    admin.register(routes, signIn);
    setup.register(routes);
    routes.get("/static/ctmon.css", this::css);
  }

  /** {@code GET /}: the dashboard for a signed-in visitor; others are sent to sign in. */
  public Handler home() {
    return signIn.signedIn(dashboard::show);
  }

  private void css(Context ctx) {
    ctx.contentType("text/css; charset=utf-8").header("Cache-Control", "public, max-age=3600").result(css);
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebUi.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks org/ctmon/web/ui/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
