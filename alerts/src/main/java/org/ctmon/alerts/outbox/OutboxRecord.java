package org.ctmon.alerts.outbox;

import java.util.Objects;
import org.ctmon.parser.Sha256;

/**
 * An alert to deliver after the batch commits, written in the same transaction as its cause.
 *
 * @param accountId the account it belongs to
 * @param idempotencyKey unique key of this alert (also sent to receivers); a second row with
 *     the same key is not stored, so replays and the same issuance in several logs alert once
 * @param eventType what happened
 * @param recipient where it goes
 * @param watchlistId the watch list that matched, or {@code null}
 * @param tbsSha256 the issuance concerned, or {@code null}
 * @param payloadJson the JSON body to deliver
 */
public record OutboxRecord(long accountId, String idempotencyKey, EventType eventType, Recipient recipient,
                           Long watchlistId, Sha256 tbsSha256, String payloadJson) {
  public OutboxRecord {
    if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 200) {
      throw new IllegalArgumentException("an idempotency key has 1..200 characters");
    }
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(payloadJson, "payloadJson");
  }
}
