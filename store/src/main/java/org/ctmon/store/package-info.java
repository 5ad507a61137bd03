/**
 * Everything ctmon knows, persisted: the schema as Flyway migrations that run on H2 (embedded,
 * the default) and PostgreSQL, Jdbi queries, and the one-transaction ingest that keeps a log's
 * position, its compact range, its entries, their matches and their alert-outbox rows together.
 *
 * <p>{@link org.ctmon.store.Store} opens a database, migrates it and hands out the parts:
 * {@code ingest} (the fetcher's sink), {@code issuance} (public search), {@code log} (log state
 * and evidence), {@code account}, {@code watch} and {@code outbox} (per-account data, never
 * visible to another account), and {@code retention} (the purge). This package holds what they
 * share: configuration, the text and name encodings, pages and cursors.
 */
package org.ctmon.store;
