package org.ctmon.store.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Browser sessions of the web UI, stored as SHA-256 hashes of the session id. Thread safe. */
public final class Sessions {
  private final Jdbi jdbi;
  private final Clock clock;
  private final SecureRandom random;

  public Sessions(Jdbi jdbi, Clock clock, SecureRandom random) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.random = random;
  }

  /** Starts a session for the account, valid for {@code ttl}; returns the id for the cookie. */
  public String start(long accountId, Duration ttl) {
    String id = SecretToken.generate("", random);
    long now = clock.millis();
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO sessions (session_sha256, account_id, created_at, expires_at)"
            + " VALUES (:hash, :account, :now, :expires)")
        .bind("hash", SecretToken.hash(id))
        .bind("account", accountId)
        .bind("now", now)
        .bind("expires", now + ttl.toMillis())
        .execute());
    return id;
  }

  /** The session's account, when the session exists, has not expired and the account is enabled. */
  public Optional<Account> authenticate(String sessionId) {
    if (sessionId == null || sessionId.isEmpty()) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> h.createQuery("SELECT " + Accounts.COLUMNS + " FROM sessions s JOIN accounts a"
            + " ON a.id = s.account_id WHERE s.session_sha256 = :hash AND s.expires_at > :now AND NOT a.disabled")
        .bind("hash", SecretToken.hash(sessionId))
        .bind("now", clock.millis())
        .map((rs, ctx) -> Accounts.read(rs))
        .findOne());
  }

  /** Ends a session (logout). */
  public void end(String sessionId) {
    jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE session_sha256 = :hash")
        .bind("hash", SecretToken.hash(sessionId)).execute());
  }

  /** Deletes expired sessions; returns how many. */
  public int purgeExpired() {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
        .bind("now", clock.millis()).execute());
  }
}
