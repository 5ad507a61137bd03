/**
 * The fetcher's sink: one batch of one log (entries, issuances, malformed entries, the new
 * position and compact range) persisted in one transaction, replay-safe, with the rows another
 * module attaches to it ({@link org.ctmon.store.ingest.AttachedWrites}: alerts' matches and outbox).
 *
 * <p>The input records here are the store's own; the application maps the parser's decoded
 * certificates onto them.
 */
package org.ctmon.store.ingest;
