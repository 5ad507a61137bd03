package org.ctmon.alerts.stored;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.parser.Sha256;
import org.ctmon.store.SqlName;
import org.jdbi.v3.core.Jdbi;

/**
 * Certificates and keys an account marked as its own ({@code POST /api/v1/authorize}, like
 * {@code certspotter-authorize}): a match on one is expected whatever the policy says. Every
 * method but {@link #all()} is limited to the given account. Thread safe.
 */
public final class Authorizations {
  private final Jdbi jdbi;
  private final Clock clock;

  public Authorizations(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** What is authorized: one certificate (its TBS hash) or every certificate of one key (SPKI hash). */
  public enum Kind implements SqlName {
    TBS,
    SPKI;

    static Kind of(String s) {
      return SqlName.of(Kind.class, s, "authorization kind");
    }
  }

  /** One authorization of an account. */
  public record Authorization(long id, long accountId, Kind kind, Sha256 hash, String note, Instant createdAt) {}

  /** Authorizes {@code hash} for the account; idempotent (a second call keeps the first note). */
  public void add(long accountId, Kind kind, Sha256 hash, String note) {
    if (note == null || note.length() > 200) {
      throw new IllegalArgumentException("an authorization note has at most 200 characters");
    }
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO authorizations (account_id, kind, hash, note, created_at)"
            + " VALUES (:account, :kind, :hash, :note, :now) ON CONFLICT DO NOTHING")
        .bind("account", accountId).bind("kind", kind.sqlName()).bind("hash", hash.bytes())
        .bind("note", note).bind("now", clock.millis()).execute());
  }

  /** The account's authorizations, newest first. */
  public List<Authorization> list(long accountId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, account_id, kind, hash, note, created_at FROM authorizations"
            + " WHERE account_id = :account ORDER BY id DESC")
        .bind("account", accountId)
        .map((rs, ctx) -> new Authorization(rs.getLong(1), rs.getLong(2), Kind.of(rs.getString(3)),
            Sha256.wrap(rs.getBytes(4)), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))))
        .list());
  }

  /** Removes one of the account's authorizations; false when it has no such one. */
  public boolean delete(long accountId, long id) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM authorizations WHERE id = :id AND account_id = :account")
        .bind("id", id).bind("account", accountId).execute()) == 1;
  }

  /** Every account's authorized hashes (TBS and SPKI in one set each), for the matcher: never for the API. */
  public Map<Long, Set<Sha256>> all() {
    Map<Long, Set<Sha256>> out = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT account_id, hash FROM authorizations")
        .map((rs, ctx) -> Map.entry(rs.getLong(1), Sha256.wrap(rs.getBytes(2))))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue())));
    return out;
  }
}
