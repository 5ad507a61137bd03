package org.ctmon.alerts.outbox;

/** Where an alert goes: one of the account's webhooks, or an email address. */
public sealed interface Recipient {
  /** A webhook of the alert's account, by id. */
  record Webhook(long webhookId) implements Recipient {}

  /** An email address. */
  record Email(String address) implements Recipient {
    public Email {
      if (address == null || address.isBlank() || address.length() > 320) {
        throw new IllegalArgumentException("an email recipient needs an address of 1..320 characters");
      }
    }
  }
}
