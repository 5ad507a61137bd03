/**
 * The follower of one CT log: poll and verify its head, fetch the missing entries in parallel,
 * decode them on a shared worker pool, hash every leaf into the compact range, and hand batches to
 * its {@link org.ctmon.fetcher.follow.LogJournal} strictly in index order. How fast each log is asked
 * is learned from its answers ({@link org.ctmon.fetcher.follow.Pace}) within the configured ceilings
 * and one memory budget for all logs ({@link org.ctmon.fetcher.follow.FetchBudget}); a failed
 * request is asked again, not the run. A bad signature, a root mismatch or a split view is stored as
 * evidence and stops the log. Entry point: {@link org.ctmon.fetcher.follow.LogFollower}.
 */
package org.ctmon.fetcher.follow;
