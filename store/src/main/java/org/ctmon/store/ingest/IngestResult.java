package org.ctmon.store.ingest;

/**
 * What a commit did.
 *
 * @param replay true when the log was already at or past the batch's position: nothing was written
 * @param newIssuances issuances stored for the first time
 * @param newMatches matches stored for the first time
 * @param newAlerts outbox rows stored for the first time
 */
public record IngestResult(boolean replay, int newIssuances, int newMatches, int newAlerts) {
  static final IngestResult REPLAY = new IngestResult(true, 0, 0, 0);
}
