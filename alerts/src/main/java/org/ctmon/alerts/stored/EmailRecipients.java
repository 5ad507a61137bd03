package org.ctmon.alerts.stored;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.store.StoreException;
import org.jdbi.v3.core.Jdbi;

/**
 * The email addresses each account's alerts go to. Every method but {@link #allByAccount()} is
 * limited to the given account. Addresses are kept in lower case. Thread safe.
 */
public final class EmailRecipients {
  private final Jdbi jdbi;
  private final Clock clock;

  public EmailRecipients(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** A recipient of the account's alerts, by id. */
  public record EmailRecipient(long id, long accountId, String address) {}

  /**
   * Adds an address (already checked by the caller) and returns its id.
   *
   * @throws StoreException when the account has that address already
   */
  public long add(long accountId, String address) {
    String a = new Recipient.Email(address).address().toLowerCase(Locale.ROOT);
    return jdbi.inTransaction(h -> {
      boolean taken = h.createQuery("SELECT COUNT(*) FROM email_recipients WHERE account_id = :account"
              + " AND address = :address")
          .bind("account", accountId).bind("address", a).mapTo(Integer.class).one() > 0;
      if (taken) {
        throw new StoreException("error adding email recipient: account " + accountId + " has " + a + " already");
      }
      return h.createUpdate("INSERT INTO email_recipients (account_id, address, created_at)"
              + " VALUES (:account, :address, :now)")
          .bind("account", accountId).bind("address", a).bind("now", clock.millis())
          .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    });
  }

  /** The account's recipients, oldest first. */
  public List<EmailRecipient> list(long accountId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id, account_id, address FROM email_recipients"
            + " WHERE account_id = :account ORDER BY id")
        .bind("account", accountId)
        .map((rs, ctx) -> new EmailRecipient(rs.getLong(1), rs.getLong(2), rs.getString(3)))
        .list());
  }

  /** Removes the account's recipient; false when the account has no such recipient. */
  public boolean delete(long accountId, long id) {
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM email_recipients WHERE id = :id AND account_id = :account")
        .bind("id", id).bind("account", accountId).execute()) == 1;
  }

  /** Every enabled account's addresses, for the matcher: never for the API, it crosses accounts. */
  public Map<Long, List<String>> allByAccount() {
    Map<Long, List<String>> out = new HashMap<>();
    jdbi.useHandle(h -> h.createQuery("SELECT r.account_id, r.address FROM email_recipients r"
            + " JOIN accounts a ON a.id = r.account_id WHERE NOT a.disabled ORDER BY r.id")
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
    return out;
  }
}
