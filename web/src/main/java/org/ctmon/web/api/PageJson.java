package org.ctmon.web.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ctmon.store.Page;

/**
 * A page of a listing as every paged endpoint writes it, {@code {"results": [...], "next":
 * cursor|null}}, and the {@code cursor} a request gives to ask for the page after one.
 */
final class PageJson {
  private PageJson() {}

  /** The request's {@code cursor}; empty when it gives none or an empty one (the first page). */
  static Optional<String> cursor(Context ctx) {
    return Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty());
  }

  /** The body of {@code page}, each item written by {@code json}. */
  static <T> Map<String, Object> of(Page<T> page, Function<T, Map<String, Object>> json) {
    List<Map<String, Object>> results = page.items().stream().map(json).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("results", results);
    body.put("next", page.next().orElse(null));
    return body;
  }
}
