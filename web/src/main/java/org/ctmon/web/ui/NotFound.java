package org.ctmon.web.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;

/** The 404 page: what was not found, never whether it exists for someone else. */
final class NotFound {
  private NotFound() {}

  static void show(Context ctx, Templates templates, Visitor v, String message) {
    ctx.status(HttpStatus.NOT_FOUND);
    templates.render(ctx, "message.jte", Map.of("page", new Page("Not found", Page.Section.NONE, v), "model", message));
  }
}
