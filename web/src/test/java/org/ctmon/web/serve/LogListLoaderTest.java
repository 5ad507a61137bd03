package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.fetcher.loglist.LogList;
import org.ctmon.parser.Corpus;
import org.ctmon.web.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A log list URL is read like any log response; whatever goes wrong, the bundled list is followed. */
final class LogListLoaderTest {
  private static final Path LIST = Corpus.path("loglist/chrome_v3_log_list_v81.14_2026-01-20.json");
  private HttpServer server;
  private final List<String> asked = new ArrayList<>();
  private LogListLoader loader;

  @BeforeEach
  void serve() throws Exception {
    byte[] list = Files.readAllBytes(LIST);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      asked.add(exchange.getRequestURI().toString());
      String path = exchange.getRequestURI().getPath();
      byte[] body = switch (path) {
        case "/lists/v3/list.json" -> list;
        case "/garbage.json" -> "{\"logs\": [".getBytes();
        default -> new byte[0];
      };
      int status = switch (path) {
        case "/lists/v3/list.json", "/garbage.json" -> 200;
        case "/moved.json" -> 302;
        default -> 500;
      };
      if (status == 302) {
        exchange.getResponseHeaders().add("Location", "/lists/v3/list.json");
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    loader = new LogListLoader(HttpClients.forLogs(new Config.Fetch("ct-test@example.org", 64, 2, 100,
        Duration.ofSeconds(5), List.of())), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  @Test
  void aListUrlWithAQueryIsFetchedAsWritten() {
    LogList list = loader.load(url("/lists/v3/list.json?cache=no"));
    assertEquals(List.of("/lists/v3/list.json?cache=no"), asked);
    assertTrue(list.source().contains("/lists/v3/list.json"), list.source());
    assertTrue(list.operators().size() > 3, "operators of the served list");
  }

  @Test
  void anErrorARedirectOrGarbageFallsBackToTheBundledList() {
    LogList bundled = loader.load("bundled");
    for (String path : List.of("/missing.json", "/moved.json", "/garbage.json")) {
      LogList got = loader.load(url(path));
      assertEquals(bundled.source(), got.source(), path);
      assertEquals(bundled.operators().size(), got.operators().size(), path);
    }
    // The redirect was not followed: nobody asked for its target.
    assertEquals(List.of("/missing.json", "/moved.json", "/garbage.json"), asked);
  }
}
