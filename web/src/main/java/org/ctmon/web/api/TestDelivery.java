package org.ctmon.web.api;

import java.util.Objects;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.delivery.OutboxDelivery;
import org.ctmon.alerts.outbox.Webhook;

/**
 * The "send test" of {@code POST /api/v1/webhooks/{id}/test} and
 * {@code /api/v1/recipients/{id}/test}: a sample alert sent now, outside the outbox.
 */
public interface TestDelivery {
  /** Sends a sample alert to the webhook (the caller's, already checked). */
  DeliveryResult toWebhook(Webhook webhook);

  /** Mails a sample alert to the address (a recipient of the caller's). */
  DeliveryResult toEmail(String address);

  /** Test deliveries through the outbox's channels. */
  static TestDelivery of(OutboxDelivery delivery) {
    Objects.requireNonNull(delivery, "delivery");
    return new TestDelivery() {
      @Override
      public DeliveryResult toWebhook(Webhook webhook) {
        return delivery.sendTest(webhook);
      }

      @Override
      public DeliveryResult toEmail(String address) {
        return delivery.sendTest(address);
      }
    };
  }
}
