package org.ctmon.web.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.json.JavalinJackson;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of ctmon: Javalin with ctmon's JSON settings and error handling. Routes are
 * registered by the API and UI classes, all before the server is built (Javalin 7 takes no route
 * once created); an unexpected failure answers 500 with a generic body (details go to the log,
 * never to the client).
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
  private final Javalin app;

  /** Creates the server; {@code routes} registers what it serves. Not started yet. */
  public WebServer(Consumer<RoutesConfig> routes) {
    ObjectMapper json = new ObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.jsonMapper(new JavalinJackson(json, false));
      cfg.http.maxRequestSize = 1_000_000;
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("error serving {} {}", ctx.method(), ctx.path(), e);
        ctx.status(500).json(Map.of("error", "internal error; see the server log"));
      });
      cfg.routes.error(404, ctx -> {
        // An API's own 404 is JSON and a page's is HTML already; Javalin's "Endpoint ... not found" is text.
        String type = ctx.res().getContentType();
        if (ctx.result() == null || type == null
            || !(type.startsWith("application/json") || type.startsWith("text/html"))) {
          ctx.json(Map.of("error", "no such page: " + ctx.path()));
        }
      });
      routes.accept(cfg.routes);
    });
  }

  /** Starts listening; port 0 picks a free port (see {@link #port()}). */
  public WebServer start(String bind, int port) {
    app.start(bind, port);
    return this;
  }

  /** The port actually listened on. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
