package org.ctmon.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.ctmon.store.account.Sessions;
import org.ctmon.store.account.SetupTokens;
import org.ctmon.web.account.EmailAddress;
import org.jdbi.v3.core.Jdbi;

/**
 * The one-time link that makes the first administrator, for a ctmon with no account yet:
 * {@link #offer} at start gives the URL to print; {@code GET /setup/{token}} asks for the
 * administrator's email and a password (twice), {@code POST /setup/{token}} creates the account
 * and signs it in. The token expires after {@link #TTL}, works once, is stored only as its hash,
 * and stops working as soon as any account exists (made here or with {@code ctmon user add}).
 * The form carries the {@code ctmon_login} cookie's CSRF token, as the sign-in form does.
 * Thread safe.
 */
public final class FirstAdminSetup {
  /** How long a setup link works. */
  public static final Duration TTL = Duration.ofHours(1);
  /** The shortest password accepted. */
  static final int MIN_PASSWORD = 12;
  private static final int MAX_PASSWORD = 1024;
  private static final String GONE = "This setup link is used, expired, or no longer needed (an account exists)."
      + " An administrator can sign in; otherwise run ctmon user add EMAIL --admin, or restart ctmon for a new"
      + " link while no account exists.";
  private final SetupTokens tokens;
  private final Sessions sessions;
  private final Templates templates;
  private final SecureRandom random;

  /** The form's values and message. */
  record Form(String token, String email, String csrf, String error, int minPassword) {}

  FirstAdminSetup(SetupTokens tokens, Sessions sessions, Templates templates, SecureRandom random) {
    this.tokens = tokens;
    this.sessions = sessions;
    this.templates = templates;
    this.random = random;
  }

  /**
   * The setup URL to print at start ({@code publicUrl + "/setup/" + token}) when no account exists;
   * empty otherwise. Each call replaces the previous link, so call it once per start.
   *
   * @param publicUrl where browsers reach ctmon, such as {@code http://127.0.0.1:8080}
   */
  public static Optional<String> offer(Jdbi jdbi, Clock clock, String publicUrl) {
    String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    return new SetupTokens(jdbi, clock, new SecureRandom()).offer(TTL).map(t -> base + "/setup/" + t);
  }

  void register(RoutesConfig routes) {
    routes.get("/setup/{token}", this::form);
    routes.post("/setup/{token}", this::create);
  }

  private void form(Context ctx) {
    String token = ctx.pathParam("token");
    if (!tokens.valid(token)) {
      gone(ctx);
      return;
    }
    show(ctx, HttpStatus.OK, token, "", null);
  }

  private void create(Context ctx) {
    String token = ctx.pathParam("token");
    if (!SessionCookie.tokenMatches(ctx.cookie(SessionCookie.LOGIN), ctx.formParam("csrf"))) {
      ctx.status(HttpStatus.FORBIDDEN);
      templates.page(ctx, "message.jte", new Page("Refused", Page.Section.NONE, null),
          "the form's security token is missing or wrong (cookies must be on; reload the page and submit again);"
              + " nothing was changed");
      return;
    }
    if (!tokens.valid(token)) {
      gone(ctx);
      return;
    }
    String email = Optional.ofNullable(ctx.formParam("email")).orElse("");
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String again = Optional.ofNullable(ctx.formParam("confirm")).orElse("");
    EmailAddress address;
    try {
      address = new EmailAddress(email);
    } catch (IllegalArgumentException e) {
      show(ctx, HttpStatus.BAD_REQUEST, token, email, e.getMessage());
      return;
    }
    if (password.codePointCount(0, password.length()) < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      show(ctx, HttpStatus.BAD_REQUEST, token, email, "the password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD
          + " characters long");
      return;
    }
    if (!password.equals(again)) {
      show(ctx, HttpStatus.BAD_REQUEST, token, email, "the two passwords differ");
      return;
    }
    Optional<Long> account = tokens.redeem(token, address.value(), password);
    if (account.isEmpty()) {
      gone(ctx); // used or expired between the check and now, or an account was made meanwhile
      return;
    }
    String old = ctx.cookie(SessionCookie.SESSION);
    if (old != null && !old.isEmpty()) {
      sessions.end(old);
    }
    SessionCookie.set(ctx, SessionCookie.SESSION, sessions.start(account.get(), SignIn.SESSION_TTL), SignIn.SESSION_TTL);
    SessionCookie.clear(ctx, SessionCookie.LOGIN);
    ctx.redirect("/admin", HttpStatus.SEE_OTHER);
  }

  private void show(Context ctx, HttpStatus status, String token, String email, String error) {
    String csrf = ctx.cookie(SessionCookie.LOGIN);
    if (csrf == null || !csrf.matches("[A-Za-z0-9_-]{43}")) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      SessionCookie.set(ctx, SessionCookie.LOGIN, csrf, Duration.ofHours(1));
    }
    ctx.status(status);
    // The token is in the path: keep it out of Referer headers to other sites (Templates sends same-origin).
    templates.page(ctx, "setup.jte", new Page("Set up ctmon", Page.Section.NONE, null),
        new Form(token, email, csrf, error, MIN_PASSWORD));
  }

  private void gone(Context ctx) {
    NotFound.show(ctx, templates, null, GONE);
  }
}
