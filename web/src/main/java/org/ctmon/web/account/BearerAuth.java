package org.ctmon.web.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import org.ctmon.store.account.Account;
import org.ctmon.store.account.ApiTokens;

/**
 * The before-handler of the account routes: {@code Authorization: Bearer <token>} names the
 * account (a token of {@code ctmon token add}); without one, with an unknown or revoked token,
 * or for a disabled account the request ends with 401, {@code WWW-Authenticate: Bearer} and
 * {@code {"error": "..."}}. Public routes (search, logs, certificates) are not registered with
 * it. Thread safe.
 */
public final class BearerAuth implements Handler {
  private final ApiTokens tokens;

  public BearerAuth(ApiTokens tokens) {
    this.tokens = tokens;
  }

  /**
   * Guards each of {@code prefixes} ({@code /api/v1/watchlists}) and every path under it.
   */
  public void register(RoutesConfig routes, String... prefixes) {
    for (String p : prefixes) {
      routes.before(p, this);
      routes.before(p + "/*", this);
    }
  }

  @Override
  public void handle(Context ctx) {
    if (ctx.attribute(Caller.ATTRIBUTE) != null) {
      return; // two prefixes matched the same path
    }
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      refuse(ctx, "this api needs an api token: Authorization: Bearer <token> (ctmon token add EMAIL)", null);
      return;
    }
    if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      refuse(ctx, "the Authorization header must be Bearer <token>", "invalid_request");
      return;
    }
    Optional<Account> account = tokens.authenticate(header.substring(7).strip());
    if (account.isEmpty()) {
      // unknown, revoked and disabled-account tokens look the same from outside
      refuse(ctx, "the api token is not valid (unknown, revoked, or its account is disabled)", "invalid_token");
      return;
    }
    ctx.attribute(Caller.ATTRIBUTE, Caller.of(account.get()));
  }

  private static void refuse(Context ctx, String message, String oauthError) {
    ctx.header("WWW-Authenticate", oauthError == null ? "Bearer realm=\"ctmon\""
        : "Bearer realm=\"ctmon\", error=\"" + oauthError + "\"");
    ctx.status(HttpStatus.UNAUTHORIZED).json(Map.of("error", message));
    ctx.skipRemainingHandlers();
  }
}
