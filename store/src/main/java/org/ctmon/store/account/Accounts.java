package org.ctmon.store.account;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ctmon.store.StoreException;
import org.jdbi.v3.core.Jdbi;

/**
 * Accounts: creation, lookup and password checks. Emails are compared lower-cased. Passwords
 * are never stored, only their Argon2id hash (older PBKDF2 hashes are replaced at the next
 * successful sign-in). Thread safe.
 */
public final class Accounts {
  static final String COLUMNS = "a.id, a.email, a.is_admin, a.disabled, a.created_at";
  private final Jdbi jdbi;
  private final Clock clock;
  private final SecureRandom random;

  public Accounts(Jdbi jdbi, Clock clock, SecureRandom random) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.random = random;
  }

  /**
   * Creates an account and returns its id.
   *
   * @throws StoreException when an account with this email exists
   */
  public long create(String email, String password, boolean admin) {
    String normalized = normalize(email);
    String hash = PasswordHash.hash(password, random);
    return jdbi.inTransaction(h -> {
      boolean exists = h.createQuery("SELECT COUNT(*) FROM accounts WHERE email = :email")
          .bind("email", normalized).mapTo(Integer.class).one() > 0;
      if (exists) {
        throw new StoreException("error creating account " + normalized + ": it exists");
      }
      return h.createUpdate("INSERT INTO accounts (email, password_hash, is_admin, created_at)"
              + " VALUES (:email, :hash, :admin, :now)")
          .bind("email", normalized)
          .bind("hash", hash)
          .bind("admin", admin)
          .bind("now", clock.millis())
          .executeAndReturnGeneratedKeys("id")
          .mapTo(Long.class)
          .one();
    });
  }

  /** The account with this email, if any. */
  public Optional<Account> byEmail(String email) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts a WHERE a.email = :email")
        .bind("email", normalize(email))
        .map((rs, ctx) -> read(rs))
        .findOne());
  }

  /** The account with this id, if any. */
  public Optional<Account> byId(long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts a WHERE a.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> read(rs))
        .findOne());
  }

  /** Every account, oldest first (for administrators). */
  public List<Account> all() {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM accounts a ORDER BY a.id")
        .map((rs, ctx) -> read(rs))
        .list());
  }

  /**
   * The account when {@code password} is its password and it is not disabled; empty otherwise
   * (unknown email, wrong password and disabled look the same to the caller). A correct password
   * whose stored hash is of an older scheme or cost is rehashed with today's.
   */
  public Optional<Account> authenticate(String email, String password) {
    Optional<String> stored = jdbi.withHandle(h -> h.createQuery(
            "SELECT password_hash FROM accounts WHERE email = :email AND NOT disabled")
        .bind("email", normalize(email))
        .mapTo(String.class)
        .findOne());
    if (stored.isEmpty()) {
      PasswordHash.verify(password, DUMMY); // same work either way: no timing oracle for emails
      return Optional.empty();
    }
    if (!PasswordHash.verify(password, stored.get())) {
      return Optional.empty();
    }
    if (PasswordHash.needsRehash(stored.get())) {
      // An older hash (PBKDF2) moves to Argon2id now that the password is known; unless it changed meanwhile.
      String fresh = PasswordHash.hash(password, random);
      jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET password_hash = :fresh"
              + " WHERE email = :email AND password_hash = :old")
          .bind("fresh", fresh).bind("email", normalize(email)).bind("old", stored.get()).execute());
    }
    return byEmail(email);
  }

  /** Replaces the account's password. */
  public void setPassword(long accountId, String password) {
    String hash = PasswordHash.hash(password, random);
    int n = jdbi.withHandle(h -> h.createUpdate("UPDATE accounts SET password_hash = :hash WHERE id = :id")
        .bind("hash", hash).bind("id", accountId).execute());
    if (n == 0) {
      throw new StoreException("error setting password: account " + accountId + " does not exist");
    }
  }

  /** Locks the account out, or lets it back in. */
  public void setDisabled(long accountId, boolean disabled) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE accounts SET disabled = :d WHERE id = :id")
        .bind("d", disabled).bind("id", accountId).execute());
  }

  /** How many accounts exist, disabled ones included. */
  public long count() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one());
  }

  /**
   * Disables the account, ending its sessions, unless it is the last enabled administrator, so
   * that someone can always administer ctmon (its API tokens stop working while it is disabled).
   * The enabled administrators' rows are locked first: of two administrators
   * disabling each other at once, the second waits for the first and is refused.
   *
   * @return false when it was the last enabled administrator, or does not exist; nothing changed then
   */
  public boolean disableUnlessLastAdmin(long accountId) {
    return jdbi.inTransaction(h -> {
      List<Long> admins = h.createQuery("SELECT id FROM accounts WHERE is_admin AND NOT disabled ORDER BY id FOR UPDATE")
          .mapTo(Long.class).list();
      if (admins.equals(List.of(accountId))) {
        return false;
      }
      // Its sessions end for good: enabling the account again must not bring back a browser left signed in.
      h.createUpdate("DELETE FROM sessions WHERE account_id = :id").bind("id", accountId).execute();
      return h.createUpdate("UPDATE accounts SET disabled = TRUE WHERE id = :id").bind("id", accountId).execute() == 1;
    });
  }

  private static final String DUMMY = PasswordHash.hash("dummy", new SecureRandom());

  static String normalize(String email) {
    String e = email.trim().toLowerCase(Locale.ROOT);
    if (e.isEmpty() || e.length() > 320 || e.indexOf('@') < 1) {
      throw new IllegalArgumentException("not an email address: " + email);
    }
    return e;
  }

  static Account read(ResultSet rs) throws SQLException {
    return new Account(rs.getLong("id"), rs.getString("email"), rs.getBoolean("is_admin"),
        rs.getBoolean("disabled"), Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
