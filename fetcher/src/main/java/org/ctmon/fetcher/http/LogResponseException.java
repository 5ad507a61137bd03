package org.ctmon.fetcher.http;

import java.net.URI;
import java.util.Objects;

/**
 * A log answered 200 with a body that is not what its API promises: not JSON, truncated JSON, a
 * field missing or of the wrong type, a negative size, bad base64, a hash tile of the wrong length,
 * an issuer that does not hash to its fingerprint, zero entries, or a body over the size cap.
 *
 * <p>The message gives the reason and the start of the body, escaped and capped at 200 characters:
 * {@code error fetching sth from https://log.example/: malformed response: tree_size is a string,
 * not an integer; body (62 bytes): {"tree_size":"12",...}}. Retryable: a garbage page is most often
 * a proxy, cache or overloaded log, and the follower backs off before asking again.
 */
public final class LogResponseException extends LogFetchException {
  private final String reason;
  private final String bodyExcerpt;
  private final boolean overCap;

  /**
   * @param reason what is wrong, lower case, naming the field ({@code entries[3].leaf_input is not base64})
   * @param body the body as received (only its start is kept), or {@code null} if it was not read
   */
  public LogResponseException(URI logUrl, String request, String reason, byte[] body) {
    this(logUrl, request, reason, body == null ? "" : BodyExcerpt.of(body), body == null ? -1 : body.length, false);
  }

  private LogResponseException(URI logUrl, String request, String reason, String excerpt, long bodyLength,
                               boolean overCap) {
    super(logUrl, request, "malformed response: " + reason
        + (bodyLength < 0 ? "" : "; body (" + bodyLength + " bytes): " + excerpt), null);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.bodyExcerpt = excerpt;
    this.overCap = overCap;
  }

  /** A body longer than the client's cap, not read past it ({@code reason} says how long). */
  static LogResponseException overCap(URI logUrl, String request, String reason) {
    return new LogResponseException(logUrl, request, reason, "", -1, true);
  }

  /**
   * Whether the body was refused for its size alone: a request for fewer entries may get an
   * answer, where one for the same entries again would not.
   */
  public boolean overCap() {
    return overCap;
  }

  /** What is wrong with the body. */
  public String reason() {
    return reason;
  }

  /** The escaped start of the body (empty if the body was not kept). */
  public String bodyExcerpt() {
    return bodyExcerpt;
  }

  @Override
  public boolean retryable() {
    return true;
  }
}
