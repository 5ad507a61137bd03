/**
 * What an alert is: its event type, its recipient (a webhook or an e-mail address), its delivery
 * state, and the webhook formats. Values only; the outbox table is read and written by
 * {@code alerts.stored}. Alerts are written in the transaction that found them and delivered
 * afterwards, at least once, each with its idempotency key.
 */
package org.ctmon.alerts.outbox;
