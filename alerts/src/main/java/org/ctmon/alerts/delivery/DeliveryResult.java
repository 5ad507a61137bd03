package org.ctmon.alerts.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * What one delivery attempt came to; the outbox records it as delivered, a retry or a give-up.
 * Errors are lower case and name what was attempted and where, since users read them in the
 * alert list.
 */
public sealed interface DeliveryResult {
  /** The receiver accepted the alert. */
  record Delivered() implements DeliveryResult {}

  /** The attempt failed in a way that may pass: try again at {@code when}. */
  record RetryAt(Instant when, String error) implements DeliveryResult {
    public RetryAt {
      Objects.requireNonNull(when, "when");
      Objects.requireNonNull(error, "error");
    }
  }

  /** The attempt failed in a way that will not pass by retrying: stop. */
  record GaveUp(String error) implements DeliveryResult {
    public GaveUp {
      Objects.requireNonNull(error, "error");
    }
  }
}
