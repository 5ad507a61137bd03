package org.ctmon.web.api;

import io.javalin.http.Context;

/** The numeric {@code {id}} of an account resource's path. */
final class PathId {
  private PathId() {}

  /**
   * The id in the path, positive.
   *
   * @throws RequestRejected 404 "no {what} {text}" when it is not a number: to the caller an id
   *     that cannot exist and one of another account look alike
   */
  static long of(Context ctx, String what) {
    String text = ctx.pathParam("id");
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw RequestRejected.notFound("no " + what + " " + ApiText.clip(text));
  }
}
