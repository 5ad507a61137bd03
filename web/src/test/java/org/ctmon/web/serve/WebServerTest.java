package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class WebServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(WebServer web, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anUnknownPathIsAJson404NamingIt() throws Exception {
    try (WebServer web = new WebServer(routes -> { }).start("127.0.0.1", 0)) {
      HttpResponse<String> r = get(web, "/no/such/page");
      assertEquals(404, r.statusCode());
      assertEquals("{\"error\":\"no such page: /no/such/page\"}", r.body());
    }
  }

  @Test
  void anApisOwn404KeepsItsMessage() throws Exception {
    try (WebServer web = new WebServer(routes -> routes.get("/api/thing",
        ctx -> ctx.status(404).json(Map.of("error", "no watch list 7")))).start("127.0.0.1", 0)) {
      HttpResponse<String> r = get(web, "/api/thing");
      assertEquals(404, r.statusCode());
      assertEquals("{\"error\":\"no watch list 7\"}", r.body());
    }
  }
}
