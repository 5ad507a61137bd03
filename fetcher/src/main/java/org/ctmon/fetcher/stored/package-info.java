/**
 * The follower's storage, over the store: {@link org.ctmon.fetcher.stored.StoredJournal} implements
 * the {@link org.ctmon.fetcher.follow.LogJournal} the follower owns, maps the parser's facts to the
 * store's issuances ({@link org.ctmon.fetcher.stored.IssuanceMapping}) and hands each batch to a
 * {@link org.ctmon.fetcher.stored.BatchSink}. The only package of the fetcher that imports the store.
 */
package org.ctmon.fetcher.stored;
