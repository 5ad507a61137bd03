/**
 * The alert tables, read and written through the store's {@code Jdbi}: watch lists, matches,
 * authorizations, the outbox, webhooks and e-mail recipients. The tables and their migrations stay
 * in the store (which copies and purges them); the queries live here, with their owner.
 *
 * <p>Every method that serves the API takes the caller's account id and never returns or changes
 * another account's rows; only {@link Watchlists#allForMatching()} spans accounts, for the matcher.
 * {@link MatchRows} is how matches and alerts join an ingest batch's transaction, through the
 * store's {@code AttachedWrites} port.
 */
package org.ctmon.alerts.stored;
