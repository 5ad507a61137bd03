package org.ctmon.alerts.delivery;

import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.Webhook;

/** What the outbox delivery needs from the webhook notifier: one attempt, one result. */
public interface WebhookChannel {
  /**
   * POSTs the alert to the webhook once. Never throws for a failed delivery: an unreachable or
   * refusing receiver is a {@link DeliveryResult.RetryAt} or {@link DeliveryResult.GaveUp}.
   */
  DeliveryResult send(Webhook webhook, Alert alert);
}
