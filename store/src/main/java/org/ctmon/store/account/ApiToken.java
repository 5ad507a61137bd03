package org.ctmon.store.account;

import java.time.Instant;
import java.util.Optional;

/**
 * An API token as listed to its owner (never the secret itself).
 *
 * @param id the token's id
 * @param accountId its owner
 * @param label what the owner called it
 * @param createdAt when it was issued
 * @param lastUsedAt when it last authenticated a request
 * @param revokedAt when it was revoked
 */
public record ApiToken(long id, long accountId, String label, Instant createdAt, Optional<Instant> lastUsedAt,
                       Optional<Instant> revokedAt) {}
