package org.ctmon.web.api;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.OptionalInt;

/** The {@code limit} query parameter of the listing endpoints: how many items a page holds. */
final class PageLimit {
  private PageLimit() {}

  /**
   * The request's {@code limit}, or {@code defaultLimit} without one; empty after answering 400 when
   * it is not a whole number from 1 to {@code max}.
   */
  static OptionalInt of(Context ctx, int defaultLimit, int max) {
    String text = ctx.queryParam("limit");
    if (text == null) {
      return OptionalInt.of(defaultLimit);
    }
    int limit;
    try {
      limit = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > max) {
      ApiError.send(ctx, HttpStatus.BAD_REQUEST, "limit must be a whole number from 1 to " + max);
      return OptionalInt.empty();
    }
    return OptionalInt.of(limit);
  }
}
