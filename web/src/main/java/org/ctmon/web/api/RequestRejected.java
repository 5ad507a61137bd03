package org.ctmon.web.api;

import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ctmon.parser.CtmonException;

/**
 * A request the account API refuses, with its status and JSON body ({@code {"error": ...}} plus
 * details such as the bad items). Thrown from deep in body validation and answered by the
 * handler {@link AccountApis} registers, so validators need not thread a {@code Context} through.
 */
final class RequestRejected extends CtmonException {
  private static final long serialVersionUID = 1L;
  private final transient HttpStatus status;
  private final transient Map<String, Object> body;

  RequestRejected(HttpStatus status, String message) {
    this(status, message, Map.of());
  }

  RequestRejected(HttpStatus status, String message, Map<String, Object> details) {
    super(message);
    this.status = status;
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("error", message);
    b.putAll(details);
    this.body = b;
  }

  static RequestRejected badRequest(String message) {
    return new RequestRejected(HttpStatus.BAD_REQUEST, message);
  }

  static RequestRejected notFound(String message) {
    return new RequestRejected(HttpStatus.NOT_FOUND, message);
  }

  HttpStatus status() {
    return status;
  }

  Map<String, Object> body() {
    return body;
  }
}
