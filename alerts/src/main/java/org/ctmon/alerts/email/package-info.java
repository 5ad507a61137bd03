/**
 * Email notifications over SMTP (Jakarta Mail with Angus): one multipart/alternative message per
 * alert (plain text and HTML), or one digest for several alerts to one address, each carrying
 * the alert's idempotency key in {@code Message-ID} and {@code X-Ctmon-Alert-Id} so a repeat
 * after a crash can be recognised.
 */
package org.ctmon.alerts.email;
