/**
 * The CT log list: which logs exist, who runs them, their keys, URLs and states, and which of
 * them ctmon follows.
 *
 * <pre>
 *  LogListSource (file | bundled snapshot | bytes from a URL, optionally signature-checked)
 *      ──read()──> bytes ──LogListParser──> LogList (operators, CtLogs, per-log skip reasons)
 *      ──LogSelection.select(list, now)──> SelectedLogs (followed + why each other log is not)
 *  LogListUpdate.check(current, next) ──> Accepted(diff: added, removed, changed) | Rejected(rollback)
 * </pre>
 *
 * <p>The format is Chrome's log list v3 ({@code operators[].logs[]} for RFC 6962,
 * {@code operators[].tiled_logs[]} for static-ct-api); Chrome's v2 lists and Apple's list share the
 * layout and load too. One bad log never breaks a list: it is skipped with a reason. Fetching over
 * HTTP is not done here; a URL source hands its bytes to {@link
 * org.ctmon.fetcher.loglist.LogListSource#of(String, byte[])}.
 */
package org.ctmon.fetcher.loglist;
