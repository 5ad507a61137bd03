package org.ctmon.web.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.store.Store;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.Webhooks;

/**
 * The demo's account: an administrator with a fresh random password and API token each run (only
 * their hashes are stored), its watch list of {@link DemoIssuances#DOMAIN} expecting one CA and
 * reporting lookalikes, and a signed JSON webhook to the {@link DemoInbox}, so alerts are delivered
 * as they would be to a real endpoint (no email: the demo has no SMTP server, and an email alert
 * would wait for one). A data directory used before keeps its account and list; its webhook is
 * pointed at this run's inbox.
 *
 * @param email the login
 * @param password the password, shown once
 * @param token an API bearer token, shown once
 */
record DemoAccount(String email, String password, String token) {
  static final String EMAIL = "demo@" + DemoIssuances.DOMAIN;
  static final String WATCHLIST = "acmebank";

  @Override
  public String toString() {
    return "DemoAccount[" + email + "]";
  }

  /** Creates the account and its watch list in {@code store}, or gives the existing account a new password. */
  static DemoAccount seed(Store store, Clock clock, SecureRandom random, DemoInbox inbox) {
    Accounts accounts = new Accounts(store.jdbi(), clock, random);
    String password = password(random);
    long id;
    var existing = accounts.byEmail(EMAIL);
    if (existing.isPresent()) {
      id = existing.get().id();
      accounts.setPassword(id, password);
    } else {
      id = accounts.create(EMAIL, password, true);
    }
    Watchlists lists = new Watchlists(store.jdbi(), clock);
    if (lists.list(id).stream().noneMatch(l -> l.spec().name().equals(WATCHLIST))) {
      lists.create(id, new WatchlistSpec(WATCHLIST, List.of("." + DemoIssuances.DOMAIN),
          List.of(DemoIssuances.EXPECTED_ISSUER), List.of(), true));
    }
    EmailRecipients recipients = new EmailRecipients(store.jdbi(), clock);
    recipients.list(id).forEach(r -> recipients.delete(id, r.id()));
    Webhooks webhooks = new Webhooks(store.jdbi(), clock);
    var hooks = webhooks.list(id);
    if (hooks.isEmpty()) {
      webhooks.create(id, inbox.url(), inbox.secret(), WebhookFormat.JSON);
    } else {
      // Re-pointed, not re-created: deleting it would delete the alerts of earlier runs with it.
      hooks.forEach(w -> webhooks.retarget(id, w.id(), inbox.url(), inbox.secret()));
    }
    String token = new ApiTokens(store.jdbi(), clock, random).issue(id, "ctmon demo").secret();
    return new DemoAccount(EMAIL, password, token);
  }

  /** 12 random bytes: 16 URL-safe characters, short enough to type. */
  private static String password(SecureRandom random) {
    byte[] b = new byte[12];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
