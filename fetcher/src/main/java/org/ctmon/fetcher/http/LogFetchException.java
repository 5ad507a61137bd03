package org.ctmon.fetcher.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.CtmonException;

/**
 * One request to a log failed: {@link LogHttpException} (the log answered with another status than
 * 200), {@link LogTransportException} (no answer: refused, reset, timed out) or {@link
 * LogResponseException} (a 200 whose body is not what the API promises, or is too large).
 *
 * <p>Every failure names the log URL and the request ({@code entries 1000-1255}, {@code sth},
 * {@code tile/data/x001/234.p/7}), says whether trying again may help and how long the log asked to
 * wait. Clients throw it after one attempt; the follower decides when to retry ({@link Backoff}).
 * Messages read {@code error fetching <request> from <log url>: <what went wrong>}.
 */
public abstract sealed class LogFetchException extends CtmonException
    permits LogHttpException, LogTransportException, LogResponseException {
  private final URI logUrl;
  private final String request;

  LogFetchException(URI logUrl, String request, String detail, Throwable cause) {
    super("error fetching " + request + " from " + logUrl + ": " + detail, cause);
    this.logUrl = Objects.requireNonNull(logUrl, "logUrl");
    this.request = Objects.requireNonNull(request, "request");
  }

  /** The log's base URL (RFC 6962 URL or static-ct-api monitoring prefix). */
  public URI logUrl() {
    return logUrl;
  }

  /** What was asked, as in the message: {@code entries 1000-1255}, {@code checkpoint}. */
  public String request() {
    return request;
  }

  /** Whether the same request may succeed later (throttling, server and network trouble, garbage). */
  public abstract boolean retryable();

  /** How long the log asked to wait ({@code Retry-After}, capped), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.empty();
  }
}
