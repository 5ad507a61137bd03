package org.ctmon.web.ui;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * The cookies of the UI: {@code ctmon_session} (the session id; HttpOnly, SameSite=Lax, Secure
 * when the request came over HTTPS or through a proxy saying {@code X-Forwarded-Proto: https})
 * and {@code ctmon_login} (the sign-in form's CSRF token, before there is a session). The CSRF
 * token of a session is derived from its id, so it needs no storage and dies with the session.
 */
final class SessionCookie {
  static final String SESSION = "ctmon_session";
  static final String LOGIN = "ctmon_login";

  private SessionCookie() {}

  static void set(Context ctx, String name, String value, Duration maxAge) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAge.toSeconds()
        + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
  }

  static void clear(Context ctx, String name) {
    set(ctx, name, "", Duration.ZERO);
  }

  /** Whether the browser reached us over HTTPS (directly or through a TLS-terminating proxy). */
  static boolean secure(Context ctx) {
    return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
  }

  /** The CSRF token of a session: not the session id, not its stored hash, useless without the id. */
  static String csrfToken(String sessionId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(("ctmon csrf\0" + sessionId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("the JRE has no SHA-256", e);
    }
  }

  /** Whether the form's token equals the expected one; constant time, false when either is missing. */
  static boolean tokenMatches(String expected, String given) {
    if (expected == null || expected.isEmpty() || given == null) {
      return false;
    }
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
