package org.ctmon.web.account;

import io.javalin.http.Context;
import java.util.Objects;
import org.ctmon.store.account.Account;

/**
 * The account an API request acts for, as {@link BearerAuth} found it. Every account route reads
 * it with {@link #of(Context)} and passes its id to the store, which never returns another
 * account's rows.
 *
 * @param accountId the account's id
 * @param email its email, lower case
 * @param admin whether it may administer ctmon
 */
public record Caller(long accountId, String email, boolean admin) {
  static final String ATTRIBUTE = "ctmon.caller";

  public Caller {
    Objects.requireNonNull(email, "email");
  }

  static Caller of(Account a) {
    return new Caller(a.id(), a.email(), a.admin());
  }

  /**
   * The caller of a request that passed {@link BearerAuth}.
   *
   * @throws IllegalStateException when the route was registered without it: a wiring bug, which
   *     must fail (500) rather than serve the route to nobody in particular
   */
  public static Caller of(Context ctx) {
    Caller c = ctx.attribute(ATTRIBUTE);
    if (c == null) {
      throw new IllegalStateException("route " + ctx.path() + " has no authenticated caller: BearerAuth not registered");
    }
    return c;
  }
}
