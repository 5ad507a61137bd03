package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /}: until the web UI lands, a plain page pointing at what works (the API), so a
 * first look at the monitor is not an error page. Static text: nothing user-supplied is echoed.
 * crt.sh's own form of a JSON search, {@code /?q=...&output=json}, can be handed to a handler.
 */
public final class HomePage {
  private static final String HTML = """
      <!doctype html>
      <html lang="en"><head><meta charset="utf-8"><title>ctmon</title></head>
      <body style="font-family: sans-serif; max-width: 44em; margin: 2em auto">
      <h1>ctmon</h1>
      <p>Certificate Transparency monitor. The web UI is not built yet; the JSON API is:</p>
      <ul>
      <li><a href="/api/v1/logs">/api/v1/logs</a>: every followed log, its size, our position and lag, its status</li>
      <li><form action="/api/v1/search" method="get" style="display:inline">
          <label>/api/v1/search?q= <input name="q" placeholder=".example.com" required></label>
          <button>search</button></form></li>
      <li>/api/v1/certs/&lt;tbs_sha256&gt; (and .pem, .der)</li>
      <li><a href="/api/v1/incidents">/api/v1/incidents</a>: misbehaviour caught in a log, with the signed heads that prove it</li>
      <li><a href="/healthz">/healthz</a></li>
      </ul>
      </body></html>
      """;

  private HomePage() {}

  /** Registers {@code GET /}: the page. */
  public static void register(RoutesConfig routes) {
    routes.get("/", ctx -> ctx.html(HTML));
  }

  /**
   * Registers {@code GET /}: a request with an {@code output} parameter (any case, as crt.sh reads
   * names), or with {@code q} and an {@code Accept} naming {@code application/json}, goes to
   * {@code crtShJson}; any other gets the page.
   */
  public static void register(RoutesConfig routes, Handler crtShJson) {
    register(routes, crtShJson, ctx -> ctx.html(HTML));
  }

  /** As {@link #register(RoutesConfig, Handler)}, with {@code page} (the web UI) for any other request. */
  public static void register(RoutesConfig routes, Handler crtShJson, Handler page) {
    routes.get("/", ctx -> {
      if (wantsCrtShJson(ctx)) {
        crtShJson.handle(ctx);
      } else {
        page.handle(ctx);
      }
    });
  }

  private static boolean wantsCrtShJson(Context ctx) {
    boolean output = false;
    boolean q = false;
    for (String name : ctx.queryParamMap().keySet()) {
      output |= name.equalsIgnoreCase("output");
      q |= name.equalsIgnoreCase("q") || name.equalsIgnoreCase("identity");
    }
    String accept = ctx.header("Accept");
    return output || (q && accept != null && accept.contains("application/json"));
  }
}
