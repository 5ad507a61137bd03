/**
 * From a committed batch to matches and alerts: the watch lists of every account, their policies,
 * recipients and authorizations as one snapshot ({@link org.ctmon.alerts.match.WatchState}), the
 * ingest that writes matches and outbox rows in the batch's own transaction
 * ({@link org.ctmon.alerts.match.WatchedIngest}), and the scan of what was stored before a watch
 * list was saved ({@link org.ctmon.alerts.match.HistoryScan}).
 *
 * <pre>
 *   IngestBatch ──> Matcher (names, IPs) ──> policy + authorizations ──> verdict per watch list
 *        │                                                                   │
 *        └─────────── Ingest.commit(batch + matches + one alert per issuance, account, channel)
 * </pre>
 */
package org.ctmon.alerts.match;
