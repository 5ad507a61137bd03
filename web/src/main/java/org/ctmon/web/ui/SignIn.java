package org.ctmon.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ctmon.store.account.Account;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.Sessions;

/**
 * Sign-in and sign-out ({@code GET|POST /login}, {@code POST /logout}) and the guard every page
 * handler is wrapped in. A session lives {@link #SESSION_TTL} in the {@code sessions} table; the
 * id is replaced at each sign-in (a session id planted before sign-in is ended). Every POST carries
 * the CSRF token in a hidden {@code csrf} field: the session's, or before sign-in the
 * {@code ctmon_login} cookie's; a missing or wrong one is a 403 before the handler runs.
 * Thread safe.
 */
final class SignIn {
  static final Duration SESSION_TTL = Duration.ofHours(12);
  private static final String ATTRIBUTE = "ctmon.visitor";
  private final Accounts accounts;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final Templates templates;
  private final SecureRandom random;

  /** What a page does for a request, given who asked ({@code null} on a public page for an anonymous visitor). */
  interface PageHandler {
    void handle(Context ctx, Visitor visitor) throws Exception;
  }

  /** The sign-in form's values and message. */
  record LoginForm(String email, String next, String csrf, String error) {}

  SignIn(Accounts accounts, Sessions sessions, LoginThrottle throttle, Templates templates, SecureRandom random) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.throttle = throttle;
    this.templates = templates;
    this.random = random;
  }

  void register(RoutesConfig routes) {
    routes.get("/login", this::loginForm);
    routes.post("/login", this::login);
    routes.post("/logout", signedIn((ctx, v) -> {
      sessions.end(ctx.cookie(SessionCookie.SESSION));
      SessionCookie.clear(ctx, SessionCookie.SESSION);
      ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }));
  }

  /** A page for signed-in visitors: others are sent to the sign-in form (GET) or refused (POST). */
  Handler signedIn(PageHandler page) {
    return ctx -> {
      Optional<Visitor> v = visitor(ctx);
      if (v.isEmpty()) {
        if (ctx.method().name().equals("GET")) {
          ctx.redirect("/login?next=" + URLEncoder.encode(pathAndQuery(ctx), StandardCharsets.UTF_8),
              HttpStatus.SEE_OTHER);
        } else {
          refuse(ctx, HttpStatus.FORBIDDEN, "sign in first; nothing was changed");
        }
        return;
      }
      if (!ctx.method().name().equals("GET") && !SessionCookie.tokenMatches(v.get().csrf(), ctx.formParam("csrf"))) {
        refuse(ctx, HttpStatus.FORBIDDEN, "the form's security token is missing or wrong (reload the page and"
            + " submit again); nothing was changed");
        return;
      }
      page.handle(ctx, v.get());
    };
  }

  /** A public page (GET only): the visitor, if signed in, is passed for the header. */
  Handler open(PageHandler page) {
    return ctx -> page.handle(ctx, visitor(ctx).orElse(null));
  }

  /** Who the session cookie belongs to, if it names a live session. */
  Optional<Visitor> visitor(Context ctx) {
    Visitor cached = ctx.attribute(ATTRIBUTE);
    if (cached != null) {
      return Optional.of(cached);
    }
    String id = ctx.cookie(SessionCookie.SESSION);
    if (id == null || id.isEmpty() || id.length() > 200) {
      return Optional.empty();
    }
    Optional<Visitor> v = sessions.authenticate(id)
        .map(a -> new Visitor(a.id(), a.email(), a.admin(), SessionCookie.csrfToken(id)));
    v.ifPresent(x -> ctx.attribute(ATTRIBUTE, x));
    return v;
  }

  private void loginForm(Context ctx) {
    if (visitor(ctx).isPresent()) {
      ctx.redirect(safeNext(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    showForm(ctx, HttpStatus.OK, "", safeNext(ctx.queryParam("next")), null);
  }

  private void login(Context ctx) {
    String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String next = safeNext(ctx.formParam("next"));
    if (!SessionCookie.tokenMatches(ctx.cookie(SessionCookie.LOGIN), ctx.formParam("csrf"))) {
      refuse(ctx, HttpStatus.FORBIDDEN, "the sign-in form's security token is missing or wrong (cookies must be on;"
          + " reload the page and try again)");
      return;
    }
    String address = ctx.ip();
    Optional<Duration> wait = throttle.wait(email, address);
    if (wait.isPresent()) {
      showForm(ctx, HttpStatus.TOO_MANY_REQUESTS, email, next, "too many failed sign-ins for this email or from"
          + " this address; try again in " + Display.duration(wait.get()));
      return;
    }
    Optional<Account> account;
    try {
      account = email.length() > 320 || password.length() > 1024 ? Optional.empty()
          : accounts.authenticate(email, password);
    } catch (IllegalArgumentException e) {
      account = Optional.empty(); // not an email address: the same answer as a wrong password
    }
    if (account.isEmpty()) {
      throttle.failed(email, address);
      showForm(ctx, HttpStatus.UNAUTHORIZED, email, next, "wrong email or password");
      return;
    }
    throttle.succeeded(email);
    String old = ctx.cookie(SessionCookie.SESSION);
    if (old != null && !old.isEmpty()) {
      sessions.end(old); // a planted or earlier session id never becomes the signed-in one
    }
    String id = sessions.start(account.get().id(), SESSION_TTL);
    SessionCookie.set(ctx, SessionCookie.SESSION, id, SESSION_TTL);
    SessionCookie.clear(ctx, SessionCookie.LOGIN);
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  private void showForm(Context ctx, HttpStatus status, String email, String next, String error) {
    String token = ctx.cookie(SessionCookie.LOGIN);
    if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
      byte[] b = new byte[32];
      random.nextBytes(b);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
      SessionCookie.set(ctx, SessionCookie.LOGIN, token, Duration.ofHours(1));
    }
    ctx.status(status);
    templates.page(ctx, "login.jte", new Page("Sign in", Page.Section.NONE, null),
        new LoginForm(email, next, token, error));
  }

  private void refuse(Context ctx, HttpStatus status, String message) {
    ctx.status(status);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("page", new Page("Refused", Page.Section.NONE, visitor(ctx).orElse(null)));
    params.put("model", message);
    templates.render(ctx, "message.jte", params);
  }

  private static String pathAndQuery(Context ctx) {
    String q = ctx.queryString();
    return ctx.path() + (q == null || q.isEmpty() ? "" : "?" + q);
  }

  /** A local path to go to after sign-in; anything else (another site, {@code //host}) becomes {@code /}. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
        || next.chars().anyMatch(Character::isISOControl) || next.length() > 2000) {
      return "/";
    }
    return next;
  }
}
