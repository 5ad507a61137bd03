package org.ctmon.web.account;

import java.io.PrintWriter;
import java.util.Optional;
import org.ctmon.store.account.Account;
import org.ctmon.store.account.Accounts;

/** The EMAIL argument of the account commands: the account it names, or a clear error. */
final class AccountArgument {
  private AccountArgument() {}

  /** The account of {@code email}, or empty after telling {@code err} it is not an address or has no account. */
  static Optional<Account> find(Accounts accounts, String email, PrintWriter err, String command) {
    EmailAddress address;
    try {
      address = new EmailAddress(email);
    } catch (IllegalArgumentException e) {
      err.println(command + ": " + e.getMessage());
      return Optional.empty();
    }
    Optional<Account> a = accounts.byEmail(address.value());
    if (a.isEmpty()) {
      err.println(command + ": no account " + address + " (create it with ctmon user add " + address + ")");
    }
    return a;
  }
}
