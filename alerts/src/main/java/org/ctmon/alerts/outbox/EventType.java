package org.ctmon.alerts.outbox;

/** The kind of an alert, as a webhook delivery's {@code type} field names it. */
public enum EventType {
  CERTIFICATE_DISCOVERED("certificate.discovered"),
  CERTIFICATE_UNEXPECTED("certificate.unexpected"),
  CERTIFICATE_LOOKALIKE("certificate.lookalike"),
  LOG_MISBEHAVIOUR("log.misbehaviour"),
  HEALTH("health");

  private final String wire;

  EventType(String wire) {
    this.wire = wire;
  }

  /** The stored and wire form, e.g. {@code certificate.unexpected}. */
  public String wireName() {
    return wire;
  }

  /** The event type whose wire form is {@code s}. */
  public static EventType of(String s) {
    for (EventType t : values()) {
      if (t.wire.equals(s)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown event type " + s);
  }
}
