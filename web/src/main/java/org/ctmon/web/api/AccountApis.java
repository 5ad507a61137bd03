package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.ctmon.alerts.stored.Authorizations;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.web.account.BearerAuth;
import org.jdbi.v3.core.Jdbi;

/**
 * The API of an account's own things, every route behind {@code Authorization: Bearer} and limited
 * to the caller's rows (another account's id is a 404, never a 403):
 *
 * <pre>
 *   /api/v1/watchlists[/{id}[/export|test|issuers]], /watchlists/import  WatchlistsApi
 *   /api/v1/matches[/{id}[/acknowledgement]]                  MatchesApi
 *   /api/v1/alerts[/{id}]                                     AlertsApi
 *   /api/v1/webhooks[/{id}[/test]]                            WebhooksApi
 *   /api/v1/recipients[/{id}[/test]]                          RecipientsApi
 *   /api/v1/authorize, /api/v1/authorizations[/{id}]          AuthorizationsApi
 * </pre>
 *
 * Errors are {@code {"error": "<lower-case reason>"}} (plus the bad entries of a watch list).
 * Thread safe.
 */
public final class AccountApis {
  private static final String[] PREFIXES = {"/api/v1/watchlists", "/api/v1/matches", "/api/v1/alerts",
      "/api/v1/webhooks", "/api/v1/recipients", "/api/v1/authorize", "/api/v1/authorizations"};
  private final BearerAuth auth;
  private final WatchlistsApi watchlists;
  private final MatchesApi matches;
  private final AlertsApi alerts;
  private final WebhooksApi webhooks;
  private final RecipientsApi recipients;
  private final AuthorizationsApi authorizations;

  /**
   * The account API over the store.
   *
   * @param allowPrivateTargets {@code alerts.webhooks.allowPrivateTargets}: whether webhooks may
   *     point at loopback and private addresses
   * @param caa the CAA issuer table expected issuers are checked against (the bundled one plus the
   *     user's)
   * @param tests sends "test" alerts; null when this server cannot (the test routes answer 503)
   * @param listener told after a watch list is saved or deleted
   */
  public AccountApis(Jdbi jdbi, Clock clock, boolean allowPrivateTargets, CaaIssuers caa, TestDelivery tests,
                     WatchlistListener listener) {
    this(jdbi, clock, new WebhookTargetPolicy(allowPrivateTargets), caa, tests, listener);
  }

  /** As the public constructor, with the webhook target policy given (tests: a fixed resolver). */
  AccountApis(Jdbi jdbi, Clock clock, WebhookTargetPolicy policy, CaaIssuers caa, TestDelivery tests,
              WatchlistListener listener) {
    SecureRandom random = new SecureRandom();
    Watchlists lists = new Watchlists(jdbi, clock);
    this.auth = new BearerAuth(new ApiTokens(jdbi, clock, random));
    this.watchlists = new WatchlistsApi(lists, Objects.requireNonNull(caa, "caa"),
        Objects.requireNonNull(listener, "listener"), new Matches(jdbi), clock);
    this.matches = new MatchesApi(new Matches(jdbi), lists, new Outbox(jdbi, clock), clock);
    this.alerts = new AlertsApi(new Outbox(jdbi, clock));
    this.webhooks = new WebhooksApi(new Webhooks(jdbi, clock), policy, tests, random);
    this.recipients = new RecipientsApi(new EmailRecipients(jdbi, clock), tests);
    this.authorizations = new AuthorizationsApi(new Authorizations(jdbi, clock));
  }

  /** Registers the token check and the routes. */
  public void register(RoutesConfig routes) {
    routes.exception(RequestRejected.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
    auth.register(routes, PREFIXES);
    watchlists.register(routes);
    matches.register(routes);
    alerts.register(routes);
    webhooks.register(routes);
    recipients.register(routes);
    authorizations.register(routes);
  }
}
