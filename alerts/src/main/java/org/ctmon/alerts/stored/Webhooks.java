package org.ctmon.alerts.stored;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.jdbi.v3.core.Jdbi;

/** Webhook targets of accounts; every method is limited to the given account. Thread safe. */
public final class Webhooks {
  private static final String COLUMNS = "id, account_id, url, secret, format, enabled, created_at";
  private final Jdbi jdbi;
  private final Clock clock;

  public Webhooks(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Adds a webhook for the account (enabled) and returns its id. The URL is checked by the caller. */
  public long create(long accountId, String url, String secret, WebhookFormat format) {
    if (url == null || url.isEmpty() || url.length() > 2000) {
      throw new IllegalArgumentException("a webhook url has 1..2000 characters");
    }
    return jdbi.withHandle(h -> h.createUpdate("INSERT INTO webhooks (account_id, url, secret, format, enabled,"
            + " created_at) VALUES (:account, :url, :secret, :format, TRUE, :now)")
        .bind("account", accountId)
        .bind("url", url)
        .bind("secret", secret == null ? "" : secret)
        .bind("format", format.sqlName())
        .bind("now", clock.millis())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one());
  }

  /** The account's webhooks, oldest first. */
  public List<Webhook> list(long accountId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = :account"
            + " ORDER BY id")
        .bind("account", accountId)
        .map((rs, ctx) -> read(rs))
        .list());
  }

  /** The account's webhook with this id; empty when it is another account's or absent. */
  public Optional<Webhook> get(long accountId, long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE account_id = :account"
            + " AND id = :id")
        .bind("account", accountId)
        .bind("id", id)
        .map((rs, ctx) -> read(rs))
        .findOne());
  }

  /** Enables or disables the account's webhook; false when the account has no such webhook. */
  public boolean setEnabled(long accountId, long id, boolean enabled) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE webhooks SET enabled = :enabled WHERE id = :id"
            + " AND account_id = :account")
        .bind("enabled", enabled).bind("id", id).bind("account", accountId).execute()) == 1;
  }

  /**
   * Points the account's webhook at another URL with another secret, keeping its alerts (pending
   * ones go to the new URL); false when the account has no such webhook. The URL is checked by
   * the caller.
   */
  public boolean retarget(long accountId, long id, String url, String secret) {
    if (url == null || url.isEmpty() || url.length() > 2000) {
      throw new IllegalArgumentException("a webhook url has 1..2000 characters");
    }
    return jdbi.withHandle(h -> h.createUpdate("UPDATE webhooks SET url = :url, secret = :secret WHERE id = :id"
            + " AND account_id = :account")
        .bind("url", url).bind("secret", secret == null ? "" : secret).bind("id", id).bind("account", accountId)
        .execute()) == 1;
  }

  /** Deletes the account's webhook and its pending deliveries; false when it has no such webhook. */
  public boolean delete(long accountId, long id) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM webhooks WHERE id = :id AND account_id = :account")
        .bind("id", id).bind("account", accountId).execute()) == 1;
  }

  /** Every enabled webhook of every enabled account, for the matcher: never for the API. */
  public List<Webhook> allEnabled() {
    return jdbi.withHandle(h -> h.createQuery("SELECT w.id, w.account_id, w.url, w.secret, w.format, w.enabled,"
            + " w.created_at FROM webhooks w JOIN accounts a ON a.id = w.account_id"
            + " WHERE w.enabled AND NOT a.disabled ORDER BY w.id")
        .map((rs, ctx) -> read(rs))
        .list());
  }

  /** The webhook with this id, whatever its account: for delivering an alert that names it. */
  public Optional<Webhook> byId(long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhooks WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> read(rs))
        .findOne());
  }

  private static Webhook read(ResultSet rs) throws SQLException {
    return new Webhook(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), WebhookFormat.of(rs.getString(5)),
        rs.getBoolean(6), Instant.ofEpochMilli(rs.getLong(7)));
  }
}
