package org.ctmon.alerts.operator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.store.Store;
import org.ctmon.store.account.Accounts;

/**
 * Test fixture: accounts with channels on a store. Alice is an admin with a webhook, a disabled
 * webhook and an email recipient; Carol is a disabled admin with a webhook; Bob is no admin and
 * has a webhook and a recipient. Only Alice's two enabled channels may receive operator alerts.
 */
final class Admins {
  final long alice;
  final long carol;
  final long bob;
  final long aliceWebhook;
  final Outbox outbox;
  final AdminChannels channels;

  Admins(Store s, Clock clock) {
    Accounts accounts = new Accounts(s.jdbi(), clock, new SecureRandom());
    Webhooks webhooks = new Webhooks(s.jdbi(), clock);
    EmailRecipients recipients = new EmailRecipients(s.jdbi(), clock);
    outbox = new Outbox(s.jdbi(), clock);
    alice = accounts.create("alice@ops.example", "alice password", true);
    carol = accounts.create("carol@ops.example", "carol password", true);
    bob = accounts.create("bob@example.com", "bob password", false);
    aliceWebhook = webhooks.create(alice, "https://hooks.ops.example/ctmon", "whsec_x", WebhookFormat.JSON);
    long off = webhooks.create(alice, "https://hooks.ops.example/off", "", WebhookFormat.SLACK);
    webhooks.setEnabled(alice, off, false);
    recipients.add(alice, "oncall@ops.example");
    webhooks.create(carol, "https://hooks.ops.example/carol", "", WebhookFormat.JSON);
    accounts.setDisabled(carol, true);
    webhooks.create(bob, "https://hooks.example.com/bob", "", WebhookFormat.JSON);
    recipients.add(bob, "bob@example.com");
    channels = new AdminChannels(accounts, webhooks, recipients, outbox);
  }

  List<Alert> alerts(long account) {
    return outbox.list(account, Optional.empty(), 100).items();
  }
}
