package org.ctmon.fetcher.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A log answered with an HTTP status other than 200, e.g. {@code error fetching entries 1000-1255
 * from https://log.example/: HTTP 429 (retry after 30 s)}.
 *
 * <p>Retryable for 408, 429 and every 5xx; not for other statuses (a 404 on a partial tile, a 400
 * for a range beyond the tree, a redirect), which need a different request. The start of the body
 * (escaped, at most 200 characters) is in the message, as operators often explain there.
 */
public final class LogHttpException extends LogFetchException {
  private final int status;
  private final Optional<Duration> retryAfter;
  private final String bodyExcerpt;

  /**
   * @param retryAfter the parsed and capped {@code Retry-After}, if any
   * @param bodyExcerpt the escaped start of the body, empty if none
   */
  public LogHttpException(URI logUrl, String request, int status, Optional<Duration> retryAfter, String bodyExcerpt) {
    super(logUrl, request, detail(status, retryAfter, bodyExcerpt), null);
    this.status = status;
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.bodyExcerpt = Objects.requireNonNull(bodyExcerpt, "bodyExcerpt");
  }

  private static String detail(int status, Optional<Duration> retryAfter, String excerpt) {
    StringBuilder s = new StringBuilder("HTTP ").append(status);
    retryAfter.ifPresent(d -> s.append(" (retry after ").append(d.toSeconds()).append(" s)"));
    if (!excerpt.isEmpty()) {
      s.append(": ").append(excerpt);
    }
    return s.toString();
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** The escaped start of the body, empty if there was none. */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  @Override
  public boolean retryable() {
    return status == 408 || status == 429 || (status >= 500 && status <= 599);
  }

  @Override
  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
