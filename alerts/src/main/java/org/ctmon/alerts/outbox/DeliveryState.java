package org.ctmon.alerts.outbox;

import org.ctmon.store.SqlName;

/** Where an alert is in its delivery; stored and served as {@code pending}, {@code delivered}, {@code gave_up}. */
public enum DeliveryState implements SqlName {
  PENDING,
  DELIVERED,
  GAVE_UP;

  /** The delivery state whose stored form is {@code s}. */
  public static DeliveryState of(String s) {
    return SqlName.of(DeliveryState.class, s, "delivery state");
  }
}
