package org.ctmon.alerts.outbox;

import java.time.Instant;
import java.util.Optional;
import org.ctmon.parser.Sha256;

/**
 * An alert in the outbox.
 *
 * @param id its id
 * @param accountId its owner
 * @param idempotencyKey sent with every delivery attempt so receivers can drop repeats
 * @param eventType what happened
 * @param recipient where it goes
 * @param watchlistId the watch list concerned, if any
 * @param tbsSha256 the issuance concerned, if any
 * @param payloadJson the body to deliver
 * @param createdAt when it was written
 * @param state pending, delivered or gave up
 * @param attempts delivery attempts so far
 * @param nextAttemptAt when the next attempt is due
 * @param lastError the last attempt's error, lower case
 * @param deliveredAt when it was delivered
 */
public record Alert(long id, long accountId, String idempotencyKey, EventType eventType, Recipient recipient,
                    Optional<Long> watchlistId, Optional<Sha256> tbsSha256, String payloadJson, Instant createdAt,
                    DeliveryState state, int attempts, Instant nextAttemptAt, Optional<String> lastError,
                    Optional<Instant> deliveredAt) {}
