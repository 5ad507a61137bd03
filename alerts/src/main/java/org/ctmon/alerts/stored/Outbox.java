package org.ctmon.alerts.stored;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.DeliveryState;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.parser.Sha256;
import org.ctmon.store.KeysetPage;
import org.ctmon.store.Page;
import org.jdbi.v3.core.Jdbi;

/**
 * The alert outbox: listing for the API (per account), and the delivery loop's claim / result
 * calls. Claims take due rows with {@code FOR UPDATE SKIP LOCKED} and lease them (the row's next
 * attempt is pushed past the lease), so several nodes
 * may deliver from one database without sending an alert twice at the same time; a node that dies
 * holding a lease leaves the alert due again when the lease ends. Thread safe.
 */
public final class Outbox {
  /** Largest page a caller may ask for. */
  public static final int MAX_LIMIT = 500;
  private static final String COLUMNS = "id, account_id, idempotency_key, event_type, channel, webhook_id, email_to,"
      + " watchlist_id, tbs_sha256, payload, created_at, state, attempts, next_attempt_at, last_error, delivered_at";
  private final Jdbi jdbi;
  private final Clock clock;

  public Outbox(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Adds an alert that no ingest batch carries (log misbehaviour, health), unless one with the
   * same idempotency key exists; returns whether it was added.
   */
  public boolean enqueue(OutboxRecord r) {
    long now = clock.millis();
    Long webhook = r.recipient() instanceof Recipient.Webhook w ? w.webhookId() : null;
    String email = r.recipient() instanceof Recipient.Email e ? e.address() : null;
    return jdbi.withHandle(h -> h.createUpdate("INSERT INTO outbox (account_id, idempotency_key, event_type, channel,"
            + " webhook_id, email_to, watchlist_id, tbs_sha256, payload, created_at, state, attempts, next_attempt_at)"
            + " VALUES (:account, :key, :type, :channel, :webhook, :email, :watchlist, :tbs, :payload, :now,"
            + " 'pending', 0, :now) ON CONFLICT DO NOTHING")
        .bind("account", r.accountId())
        .bind("key", r.idempotencyKey())
        .bind("type", r.eventType().wireName())
        .bind("channel", webhook != null ? "webhook" : "email")
        .bind("webhook", webhook)
        .bind("email", email)
        .bind("watchlist", r.watchlistId())
        .bind("tbs", r.tbsSha256() == null ? null : r.tbsSha256().bytes())
        .bind("payload", r.payloadJson())
        .bind("now", now)
        .execute()) == 1;
  }

  /** One page of the account's alerts, newest first. */
  public Page<Alert> list(long accountId, Optional<String> cursor, int limit) {
    KeysetPage page = KeysetPage.of(cursor, limit, MAX_LIMIT);
    Map<String, Object> binds = new HashMap<>();
    binds.put("account", accountId);
    page.bind(binds);
    List<Alert> rows = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
            + " FROM outbox WHERE account_id = :account" + page.olderThanCursor("created_at", "id")
            + page.newestFirst("created_at", "id"))
        .bindMap(binds)
        .map((rs, ctx) -> read(rs))
        .list());
    return page.page(rows, a -> a.createdAt().toEpochMilli(), Alert::id, Function.identity());
  }

  /** The account's alert with this id; empty when it is another account's or absent. */
  public Optional<Alert> get(long accountId, long id) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE account_id = :account"
            + " AND id = :id")
        .bind("account", accountId)
        .bind("id", id)
        .map((rs, ctx) -> read(rs))
        .findOne());
  }

  /**
   * The account's alerts about one issuance, oldest first: one per channel (email address,
   * webhook), with their delivery attempts and last error. Empty for another account's.
   */
  public List<Alert> ofIssuance(long accountId, Sha256 tbs) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbox WHERE account_id = :account"
            + " AND tbs_sha256 = :tbs ORDER BY created_at, id LIMIT " + MAX_LIMIT)
        .bind("account", accountId)
        .bind("tbs", tbs.bytes())
        .map((rs, ctx) -> read(rs))
        .list());
  }

  /**
   * Claims up to {@code limit} pending alerts that are due, oldest due first, for
   * {@code lease}: until then no other claim returns them. Report each with
   * {@link #delivered}, {@link #retryAt} or {@link #gaveUp}.
   */
  public List<Alert> claimDue(int limit, Duration lease) {
    long now = clock.millis();
    long until = now + lease.toMillis();
    // FOR UPDATE SKIP LOCKED: nodes claiming at once each get other rows instead of queueing on the
    // same ones; the lease then keeps them off those rows after this transaction (while delivering).
    return jdbi.inTransaction(h -> {
      List<Alert> due = h.createQuery("SELECT " + COLUMNS + " FROM outbox"
              + " WHERE state = 'pending' AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT " + limit
              + " FOR UPDATE SKIP LOCKED")
          .bind("now", now)
          .map((rs, ctx) -> read(rs))
          .list();
      if (!due.isEmpty()) {
        h.createUpdate("UPDATE outbox SET next_attempt_at = :until WHERE id IN (<ids>)")
            .bind("until", until)
            .bindList("ids", due.stream().map(Alert::id).toList())
            .execute();
      }
      return due;
    });
  }

  /** Records a delivery. */
  public void delivered(long id) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET state = 'delivered', delivered_at = :now,"
            + " attempts = attempts + 1, last_error = NULL WHERE id = :id")
        .bind("now", clock.millis()).bind("id", id).execute());
  }

  /** Records a failed attempt and when to try again. */
  public void retryAt(long id, Instant next, String error) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = :next,"
            + " last_error = :error WHERE id = :id AND state = 'pending'")
        .bind("next", next.toEpochMilli()).bind("error", error).bind("id", id).execute());
  }

  /** Records a failed last attempt: no more retries. */
  public void gaveUp(long id, String error) {
    jdbi.useHandle(h -> h.createUpdate("UPDATE outbox SET state = 'gave_up', attempts = attempts + 1,"
            + " last_error = :error WHERE id = :id AND state = 'pending'")
        .bind("error", error).bind("id", id).execute());
  }

  private static Alert read(ResultSet rs) throws SQLException {
    long webhook = rs.getLong("webhook_id");
    Recipient recipient = rs.wasNull() ? new Recipient.Email(rs.getString("email_to")) : new Recipient.Webhook(webhook);
    long watchlist = rs.getLong("watchlist_id");
    Optional<Long> watchlistId = rs.wasNull() ? Optional.empty() : Optional.of(watchlist);
    long delivered = rs.getLong("delivered_at");
    Optional<Instant> deliveredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(delivered));
    return new Alert(rs.getLong("id"), rs.getLong("account_id"), rs.getString("idempotency_key"),
        EventType.of(rs.getString("event_type")), recipient, watchlistId,
        Optional.ofNullable(rs.getBytes("tbs_sha256")).map(Sha256::wrap), rs.getString("payload"),
        Instant.ofEpochMilli(rs.getLong("created_at")), DeliveryState.of(rs.getString("state")), rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_attempt_at")), Optional.ofNullable(rs.getString("last_error")),
        deliveredAt);
  }
}
