/**
 * Following the log list: which logs are followed ({@link org.ctmon.fetcher.following.FollowedLogs},
 * by the selection and settings of {@link org.ctmon.fetcher.following.FollowSettings}), when their
 * followers start, are replaced and retire, on the application's
 * {@link org.ctmon.fetcher.following.PollSchedule}.
 */
package org.ctmon.fetcher.following;
