/**
 * The alert outbox and webhook targets. Alerts are written by ingest in the transaction that
 * found them and delivered afterwards, at least once, each with its idempotency key; listing
 * and webhook management are limited to the caller's account.
 */
package org.ctmon.store.outbox;
