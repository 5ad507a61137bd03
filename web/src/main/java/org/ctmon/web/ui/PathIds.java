package org.ctmon.web.ui;

import io.javalin.http.Context;
import java.util.Optional;

/** The {@code {id}} of a page path: a positive number, or nothing (which the page shows as not found). */
final class PathIds {
  private PathIds() {}

  static Optional<Long> of(Context ctx) {
    String raw = ctx.pathParam("id");
    if (!raw.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(raw));
  }
}
