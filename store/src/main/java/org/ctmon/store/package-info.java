/**
 * Everything ctmon knows, persisted: the schema as Flyway migrations that run on H2 (embedded,
 * the default) and PostgreSQL, Jdbi DAOs, and the one-transaction ingest that keeps a log's
 * position, its compact range, its entries, their matches and their alert-outbox rows together.
 *
 * <p>Not built yet: this module is delivered by the store issue ([2/6]).
 */
package org.ctmon.store;
