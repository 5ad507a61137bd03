package org.ctmon.fetcher.follow;

/**
 * How a follower is doing, as {@code GET /api/v1/logs} shows it.
 *
 * <ul>
 *   <li>{@link #OK}: the last run succeeded (or none has run yet);
 *   <li>{@link #BACKING_OFF}: the last run failed and the next attempt is in the future;
 *   <li>{@link #FAILING}: the last run failed and the backoff is over (the next run retries);
 *   <li>{@link #STOPPED}: the log misbehaved (bad signature, root mismatch, split view) or the
 *       follower was stopped; it does not advance.
 * </ul>
 */
public enum FollowerHealth {
  OK,
  FAILING,
  BACKING_OFF,
  STOPPED
}
