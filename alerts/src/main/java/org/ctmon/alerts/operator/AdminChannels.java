package org.ctmon.alerts.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.store.account.Account;
import org.ctmon.store.account.Accounts;

/**
 * Where operator alerts go: every enabled webhook and every email recipient of every enabled
 * admin account. Operator alerts concern the whole installation, so they belong to no watch list
 * and reach no other account. Read afresh on every call, so a webhook added or an admin disabled
 * takes effect at the next run. Thread safe.
 */
public final class AdminChannels {
  private final Accounts accounts;
  private final Webhooks webhooks;
  private final EmailRecipients recipients;
  private final Outbox outbox;

  public AdminChannels(Accounts accounts, Webhooks webhooks, EmailRecipients recipients, Outbox outbox) {
    this.accounts = accounts;
    this.webhooks = webhooks;
    this.recipients = recipients;
    this.outbox = outbox;
  }

  /** One channel of an admin account; {@code keyPart} names it in idempotency keys. */
  record Channel(long accountId, Recipient recipient, String keyPart) {}

  List<Channel> channels() {
    List<Channel> out = new ArrayList<>();
    for (Account a : accounts.all()) {
      if (!a.admin() || a.disabled()) {
        continue;
      }
      for (Webhook w : webhooks.list(a.id())) {
        if (w.enabled()) {
          out.add(new Channel(a.id(), new Recipient.Webhook(w.id()), "a" + a.id() + "-w" + w.id()));
        }
      }
      for (EmailRecipients.EmailRecipient r : recipients.list(a.id())) {
        out.add(new Channel(a.id(), new Recipient.Email(r.address()), "a" + a.id() + "-e" + r.id()));
      }
    }
    return out;
  }

  /**
   * Enqueues one alert per channel under the key {@code keyBase + "-" + channel}, with the payload
   * made for that key; returns how many were new (an existing key is left as it is).
   */
  int enqueue(List<Channel> channels, String keyBase, EventType type, Function<String, String> payloadForKey) {
    int added = 0;
    for (Channel c : channels) {
      String key = key(keyBase, c);
      if (outbox.enqueue(new OutboxRecord(c.accountId(), key, type, c.recipient(), null, null,
          payloadForKey.apply(key)))) {
        added++;
      }
    }
    return added;
  }

  static String key(String keyBase, Channel c) {
    return keyBase + "-" + c.keyPart();
  }
}
