package org.ctmon.alerts.outbox;

/** Where an alert is in its delivery. */
public enum DeliveryState {
  PENDING("pending"),
  DELIVERED("delivered"),
  GAVE_UP("gave_up");

  private final String sql;

  DeliveryState(String sql) {
    this.sql = sql;
  }

  /** The stored and API form. */
  public String sqlName() {
    return sql;
  }

  /** The state stored as {@code s}. */
  public static DeliveryState of(String s) {
    for (DeliveryState d : values()) {
      if (d.sql.equals(s)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown delivery state " + s);
  }
}
