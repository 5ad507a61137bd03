package org.ctmon.fetcher.http;

import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * How ctmon talks HTTP to CT logs; {@link #newClient()} builds the one {@link OkHttpClient} the
 * application shares between all log clients.
 *
 * <p>The {@code contact} should be set: log operators throttle or block anonymous readers (Sunlight's
 * Skylight answers 429 "Please add an email address to your User-Agent" to clients whose agent has
 * no email, {@code https://} URL or {@code github.com/}). It is an email address ({@code
 * ct-admin@example.org}) or an {@code https://} URL where the operator of this ctmon can be reached,
 * and goes into {@code User-Agent: ctmon/<version> (+<contact>)}. An empty contact is accepted so
 * that a first start works without configuration ({@code User-Agent: ctmon/<version> (no contact
 * configured)}); the application warns about it, and such a reader may be rate-limited.
 *
 * <p>Defaults ({@link #withContact(String)}): connect 10 s, read 30 s (between bytes, and until
 * the response headers), whole call 60 s, response bodies capped at 64 MiB, like certspotter.
 * Redirects are never followed (certspotter): a log URL that redirects is misconfigured and
 * following it would silently read another log.
 *
 * @param contact email address or https URL of whoever runs this ctmon
 * @param version the ctmon version for the user agent
 * @param connectTimeout TCP and TLS connect timeout
 * @param readTimeout longest wait for the next bytes of a response (and for its headers)
 * @param callTimeout longest a whole request may take, body included
 * @param maxBodyBytes largest response body read, counted after gzip decoding, {@code >= 1}
 */
public record HttpConfig(
    String contact,
    String version,
    Duration connectTimeout,
    Duration readTimeout,
    Duration callTimeout,
    long maxBodyBytes) {

  /** 64 MiB, certspotter's cap: far above a 1000-entry get-entries page or a full data tile. */
  public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;

  public HttpConfig {
    checkContact(contact);
    if (version == null || version.isBlank() || !isToken(version)) {
      throw new IllegalArgumentException("version \"" + version + "\" must be a non-empty token without spaces");
    }
    positive(connectTimeout, "connectTimeout");
    positive(readTimeout, "readTimeout");
    positive(callTimeout, "callTimeout");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " must be at least 1");
    }
  }

  /** The defaults with this contact and the version of the running ctmon. */
  public static HttpConfig withContact(String contact) {
    return new HttpConfig(contact, runningVersion(), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60), DEFAULT_MAX_BODY_BYTES);
  }

  /** A copy with another body cap. */
  public HttpConfig withMaxBodyBytes(long max) {
    return new HttpConfig(contact, version, connectTimeout, readTimeout, callTimeout, max);
  }

  /** A copy with other timeouts. */
  public HttpConfig withTimeouts(Duration connect, Duration read, Duration call) {
    return new HttpConfig(contact, version, connect, read, call, maxBodyBytes);
  }

  /** {@code ctmon/0.1.0 (+ct-admin@example.org)}, or {@code ctmon/0.1.0 (no contact configured)}. */
  public String userAgent() {
    return "ctmon/" + version + (contact.isEmpty() ? " (no contact configured)" : " (+" + contact + ")");
  }

  /**
   * A new client with these settings: every request carries {@link #userAgent()}, every response
   * body fails with an {@link java.io.IOException} as soon as more than {@link #maxBodyBytes()}
   * bytes are read (whatever Content-Length says), redirects are returned, not followed. HTTP/2 is
   * used where the log offers it. Build one per application and share it: it owns the connection
   * pool and threads.
   *
   * <p>OkHttp itself may repeat a request once at the transport level (a stale pooled connection, a
   * 408, a 503 with {@code Retry-After: 0}); that is connection recovery, not a retry policy, which
   * stays with the follower.
   */
  public OkHttpClient newClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .writeTimeout(readTimeout)
        .callTimeout(callTimeout)
        .followRedirects(false)
        .followSslRedirects(false)
        .addInterceptor(new RequestDefaults(userAgent(), maxBodyBytes))
        .build();
  }

  /** The version in the jar manifest, or {@code dev} when running from classes. */
  static String runningVersion() {
    String v = HttpConfig.class.getPackage().getImplementationVersion();
    return v == null || v.isBlank() ? "dev" : v;
  }

  private static void checkContact(String contact) {
    Objects.requireNonNull(contact, "contact");
    String why = null;
    if (contact.isEmpty()) {
      return;
    } else if (contact.isBlank()) {
      why = "is blank";
    } else if (!isToken(contact) || contact.indexOf('(') >= 0 || contact.indexOf(')') >= 0) {
      why = "must be printable ascii without spaces or parentheses";
    } else if (contact.startsWith("https://")) {
      if (contact.length() == "https://".length()) {
        why = "has no host";
      }
    } else {
      int at = contact.indexOf('@');
      if (at <= 0 || at == contact.length() - 1 || contact.indexOf('@', at + 1) >= 0 || contact.contains("://")) {
        why = "must be an email address or an https:// url";
      }
    }
    if (why != null) {
      throw new IllegalArgumentException("contact \"" + contact + "\" " + why
          + " (log operators ask readers for a way to reach them)");
    }
  }

  private static boolean isToken(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " " + d + " must be positive");
    }
  }
}
