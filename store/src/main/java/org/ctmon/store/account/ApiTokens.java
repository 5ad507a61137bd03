package org.ctmon.store.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * API tokens ({@code Authorization: Bearer ...}), stored as SHA-256 hashes. Listing and revoking
 * take the owner's account id and never touch another account's tokens. Thread safe.
 */
public final class ApiTokens {
  private static final String PREFIX = "ctmon_";
  private final Jdbi jdbi;
  private final Clock clock;
  private final SecureRandom random;

  public ApiTokens(Jdbi jdbi, Clock clock, SecureRandom random) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.random = random;
  }

  /** Issues a token for the account; its secret is returned once, only its hash is kept. */
  public IssuedToken issue(long accountId, String label) {
    String secret = SecretToken.generate(PREFIX, random);
    long id = jdbi.withHandle(h -> h.createUpdate("INSERT INTO api_tokens (account_id, token_sha256, label,"
            + " created_at) VALUES (:account, :hash, :label, :now)")
        .bind("account", accountId)
        .bind("hash", SecretToken.hash(secret))
        .bind("label", label)
        .bind("now", clock.millis())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one());
    return new IssuedToken(id, secret);
  }

  private static final long USE_RESOLUTION_MS = 60_000;

  /**
   * The account a bearer token belongs to, when the token exists, is not revoked and the account
   * is not disabled; records the use to the minute (a script calling the API many times a second
   * must not turn each call into a write).
   */
  public Optional<Account> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX)) {
      return Optional.empty();
    }
    byte[] hash = SecretToken.hash(secret);
    return jdbi.inTransaction(h -> {
      Optional<Account> a = h.createQuery("SELECT " + Accounts.COLUMNS + " FROM api_tokens t JOIN accounts a"
              + " ON a.id = t.account_id WHERE t.token_sha256 = :hash AND t.revoked_at IS NULL AND NOT a.disabled")
          .bind("hash", hash)
          .map((rs, ctx) -> Accounts.read(rs))
          .findOne();
      if (a.isPresent()) {
        long now = clock.millis();
        h.createUpdate("UPDATE api_tokens SET last_used_at = :now WHERE token_sha256 = :hash"
                + " AND (last_used_at IS NULL OR last_used_at < :stale)")
            .bind("now", now).bind("stale", now - USE_RESOLUTION_MS).bind("hash", hash).execute();
      }
      return a;
    });
  }

  /** The account's tokens, newest first. */
  public List<ApiToken> list(long accountId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, account_id, label, created_at, last_used_at, revoked_at"
            + " FROM api_tokens WHERE account_id = :account ORDER BY id DESC")
        .bind("account", accountId)
        .map((rs, ctx) -> new ApiToken(rs.getLong(1), rs.getLong(2), rs.getString(3),
            Instant.ofEpochMilli(rs.getLong(4)), optionalInstant(rs.getLong(5), rs.wasNull()),
            optionalInstant(rs.getLong(6), rs.wasNull())))
        .list());
  }

  /** Revokes the account's token; false when the account has no such token. */
  public boolean revoke(long accountId, long tokenId) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE api_tokens SET revoked_at = :now"
            + " WHERE id = :id AND account_id = :account AND revoked_at IS NULL")
        .bind("now", clock.millis())
        .bind("id", tokenId)
        .bind("account", accountId)
        .execute()) == 1;
  }

  private static Optional<Instant> optionalInstant(long ms, boolean wasNull) {
    return wasNull ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ms));
  }
}
