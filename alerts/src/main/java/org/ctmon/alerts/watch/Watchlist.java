package org.ctmon.alerts.watch;

import java.time.Instant;

/**
 * A stored watch list.
 *
 * @param id its id
 * @param accountId its owner
 * @param spec what it watches and expects
 * @param createdAt when it was created
 */
public record Watchlist(long id, long accountId, WatchlistSpec spec, Instant createdAt) {}
