package org.ctmon.testlog.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP response to send: status, content type, extra headers and body.
 *
 * <p>The body array is not copied: a reply is built once and sent once.
 */
public final class Reply {
  private final int status;
  private final String contentType;
  private final Map<String, String> headers;
  private final byte[] body;

  /** A reply with extra {@code headers} (e.g. {@code Retry-After}, {@code Content-Encoding}). */
  public Reply(int status, String contentType, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.contentType = contentType;
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  /** 200 with {@code body}. */
  public static Reply ok(String contentType, byte[] body) {
    return new Reply(200, contentType, Map.of(), body);
  }

  /** 200 with a JSON body. */
  public static Reply json(String json) {
    return ok("application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An error with a JSON body {@code {"error_message": ..., "success": false}}, the shape Trillian's
   * CT front end uses.
   */
  public static Reply error(int status, String message) {
    String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
    return new Reply(status, "application/json", Map.of(),
        ("{\"error_message\":\"" + escaped + "\",\"success\":false}").getBytes(StandardCharsets.UTF_8));
  }

  /** A plain-text error. */
  public static Reply text(int status, String text) {
    return new Reply(status, "text/plain; charset=utf-8", Map.of(), text.getBytes(StandardCharsets.UTF_8));
  }

  public int status() {
    return status;
  }

  public String contentType() {
    return contentType;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The body (not a copy). */
  public byte[] body() {
    return body;
  }

  @Override
  public String toString() {
    return "Reply[" + status + ", " + contentType + ", " + body.length + " bytes]";
  }
}
