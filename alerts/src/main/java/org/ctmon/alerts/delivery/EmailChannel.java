package org.ctmon.alerts.delivery;

import java.util.List;
import org.ctmon.alerts.outbox.Alert;

/** What the outbox delivery needs from the email notifier: one message per attempt. */
public interface EmailChannel {
  /** Mails one alert to the address; a failure is a result, not an exception. */
  DeliveryResult send(String address, Alert alert);

  /** Mails several alerts for one address as one message; the result counts for all of them. */
  DeliveryResult sendDigest(String address, List<Alert> alerts);
}
