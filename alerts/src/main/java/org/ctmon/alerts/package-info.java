/**
 * Deciding and telling: watch lists and the matcher, the issuance policy (expected issuers, known
 * keys, lookalikes), the alert outbox and its notifiers (SMTP email, webhooks).
 *
 * <p>Not built yet: this module is delivered by a later issue.
 */
package org.ctmon.alerts;
