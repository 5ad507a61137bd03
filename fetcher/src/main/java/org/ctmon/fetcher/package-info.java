/**
 * Following CT logs: the Chrome v3 log list, RFC 6962 and static-ct-api clients over OkHttp, the
 * per-log follower (poll the head, verify it, fetch in parallel, commit in order) and its Quartz
 * scheduling. Decoded batches go to a sink that the application wires to the store and matcher.
 *
 * <p>Not built yet: this module is delivered by the follow-logs issue ([3/6]).
 */
package org.ctmon.fetcher;
