package org.ctmon.web.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** Every API error has the same body, {@code {"error": "<lower-case reason>"}}, and a fitting status. */
final class ApiError {
  private ApiError() {}

  static void send(Context ctx, HttpStatus status, String message) {
    ctx.status(status).json(Map.of("error", message));
  }
}
