/**
 * The fetcher's sink: one batch of one log (entries, issuances, malformed entries, matches,
 * alerts, the new position and compact range) persisted in one transaction, replay-safe.
 *
 * <p>The input records here are the store's own; the application maps the parser's decoded
 * certificates and the matcher's verdicts onto them.
 */
package org.ctmon.store.ingest;
