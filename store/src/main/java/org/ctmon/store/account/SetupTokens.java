package org.ctmon.store.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The one-time token of the link that makes the first administrator while no account exists. The
 * token is handed out once ({@link #offer}) and stored only as its SHA-256; it expires, works once
 * ({@link #redeem} deletes every setup token in the transaction that creates the account), and
 * works not at all once any account exists, however that account was made. Thread safe.
 */
public final class SetupTokens {
  private final Jdbi jdbi;
  private final Clock clock;
  private final SecureRandom random;

  public SetupTokens(Jdbi jdbi, Clock clock, SecureRandom random) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.random = random;
  }

  /**
   * A new token valid for {@code ttl} when no account exists (earlier tokens are replaced: only the
   * link printed last works); empty once there is an account.
   */
  public Optional<String> offer(Duration ttl) {
    String token = SecretToken.generate("", random);
    long now = clock.millis();
    return jdbi.inTransaction(h -> {
      if (accounts(h) > 0) {
        h.createUpdate("DELETE FROM setup_tokens").execute();
        return Optional.empty();
      }
      h.createUpdate("DELETE FROM setup_tokens").execute();
      h.createUpdate("INSERT INTO setup_tokens (token_sha256, created_at, expires_at) VALUES (:hash, :now, :expires)")
          .bind("hash", SecretToken.hash(token)).bind("now", now).bind("expires", now + ttl.toMillis()).execute();
      return Optional.of(token);
    });
  }

  /** Whether {@code token} would be redeemed now: it is on record, not expired, and no account exists. */
  public boolean valid(String token) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return false;
    }
    return jdbi.withHandle(h -> accounts(h) == 0 && h.createQuery(
            "SELECT COUNT(*) FROM setup_tokens WHERE token_sha256 = :hash AND expires_at > :now")
        .bind("hash", SecretToken.hash(token)).bind("now", clock.millis()).mapTo(Integer.class).one() > 0);
  }

  /**
   * Creates the first administrator with {@code token} and returns its id; empty (and nothing
   * created) when the token is unknown, used or expired, or an account exists already. Of two
   * concurrent redemptions at most one creates an account.
   */
  public Optional<Long> redeem(String token, String email, String password) {
    if (token == null || token.isEmpty() || token.length() > 200) {
      return Optional.empty();
    }
    String normalized = Accounts.normalize(email);
    String hash = PasswordHash.hash(password, random);
    long now = clock.millis();
    return jdbi.inTransaction(h -> {
      // Deleting the row first locks it: a second redemption of this token waits, then deletes nothing.
      int mine = h.createUpdate("DELETE FROM setup_tokens WHERE token_sha256 = :hash AND expires_at > :now")
          .bind("hash", SecretToken.hash(token)).bind("now", now).execute();
      if (mine != 1) {
        return Optional.empty();
      }
      h.createUpdate("DELETE FROM setup_tokens").execute(); // any other link printed by another node dies too
      if (accounts(h) > 0) {
        return Optional.empty();
      }
      return Optional.of(h.createUpdate("INSERT INTO accounts (email, password_hash, is_admin, created_at)"
              + " VALUES (:email, :hash, TRUE, :now)")
          .bind("email", normalized).bind("hash", hash).bind("now", now)
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    });
  }

  private static long accounts(Handle h) {
    return h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one();
  }
}
