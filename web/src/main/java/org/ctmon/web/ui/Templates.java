package org.ctmon.web.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The precompiled JTE templates of {@code src/main/jte} (classes in this package, made by the
 * jte-maven-plugin), rendered with HTML escaping. Every HTML answer of the UI goes through
 * {@link #render}, which also sets the headers that keep pages private and unframed. Thread safe.
 */
final class Templates {
  // Scripts: only /static/htmx.min.js (no inline script, no eval); htmx's requests go to this origin.
  private static final String CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self';"
      + " img-src 'self'; form-action 'self';"
      + " frame-ancestors 'none'; base-uri 'none'";
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), "org.ctmon.web.ui");

  /** Renders {@code name} ({@code "login.jte"}) with its parameters as the response body. */
  void render(Context ctx, String name, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(name, params, out);
    ctx.header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .header("Cache-Control", "no-store")
        .html(out.toString());
  }

  /** Renders a page with the layout's {@code page} and the page's own {@code model}. */
  void page(Context ctx, String name, Page page, Object model) {
    render(ctx, name, Map.of("page", page, "model", model));
  }
}
