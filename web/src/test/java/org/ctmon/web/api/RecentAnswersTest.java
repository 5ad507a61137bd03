package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.ctmon.web.serve.WebServer;
import org.junit.jupiter.api.Test;

final class RecentAnswersTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aPopularQueryAskedAtOnceIsComputedOnceAndAgainAfterASecond() throws Exception {
    RecentAnswers answers = new RecentAnswers();
    AtomicInteger computed = new AtomicInteger();
    try (WebServer web = new WebServer(routes -> routes.get("/search", ctx -> {
      String q = ctx.queryParam("q");
      answers.send(ctx, new Supplier<>() {
        @Override
        public RecentAnswers.Answer get() {
          int n = computed.incrementAndGet();
          try {
            Thread.sleep(300); // a search reading thousands of rows
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return new RecentAnswers.Answer("{\"q\":\"" + q + "\",\"n\":" + n + "}",
              Map.of("X-Results-Truncated", "false"), this);
        }
      });
    })).start("127.0.0.1", 0)) {
      String base = "http://127.0.0.1:" + web.port() + "/search?q=";
      List<CompletableFuture<HttpResponse<String>>> asked = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        asked.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "hot.example")).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> f : asked) {
        HttpResponse<String> r = f.get();
        assertEquals("{\"q\":\"hot.example\",\"n\":1}", r.body());
        assertEquals("false", r.headers().firstValue("X-Results-Truncated").orElseThrow());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
      }
      assertEquals(1, computed.get(), "twenty clients, one search");
      assertEquals("{\"q\":\"other.example\",\"n\":2}", get(base + "other.example"), "another query is its own");

      Thread.sleep(RecentAnswers.FRESH.toMillis() + 100);
      // Asked again after a second: the kept answer at once, and a search in the background.
      assertEquals("{\"q\":\"hot.example\",\"n\":1}", get(base + "hot.example"));
      String refreshed = "";
      for (long deadline = System.nanoTime() + 10_000_000_000L; !refreshed.contains("\"n\":3")
          && System.nanoTime() < deadline; ) {
        Thread.sleep(50);
        refreshed = get(base + "hot.example");
      }
      assertEquals("{\"q\":\"hot.example\",\"n\":3}", refreshed, "the newer answer once searched");
      Thread.sleep(RecentAnswers.KEEP.toMillis() + 100);
      assertEquals("{\"q\":\"other.example\",\"n\":4}", get(base + "other.example"),
          "an answer nobody asked for again is gone after KEEP, and searched while the asker waits");
    }
  }

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
