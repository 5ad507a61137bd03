package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.ctmon.parser.Eventually;
import org.ctmon.web.serve.WebServer;
import org.junit.jupiter.api.Test;

final class RecentAnswersTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void aPopularQueryAskedAtOnceIsComputedOnceAndAgainAfterASecond() throws Exception {
    AtomicLong nanos = new AtomicLong();
    RecentAnswers answers = new RecentAnswers(nanos::get);
    AtomicInteger computed = new AtomicInteger();
    AtomicInteger asking = new AtomicInteger();
    AtomicBoolean keptAnswerSent = new AtomicBoolean();
    try (WebServer web = new WebServer(routes -> routes.get("/search", ctx -> {
      String q = ctx.queryParam("q");
      asking.incrementAndGet();
      answers.send(ctx, new Supplier<>() {
        @Override
        public RecentAnswers.Answer get() {
          int n = computed.incrementAndGet();
          // A search reading thousands of rows: still going when the twentieth client asks, and,
          // searched again in the background, when the kept answer has been sent.
          if (n == 1) {
            awaitQuietly(() -> asking.get() >= 20, "not every client asked");
          } else if (n == 3) {
            awaitQuietly(keptAnswerSent::get, "the kept answer was not sent");
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

      nanos.addAndGet(RecentAnswers.FRESH.toNanos() + 1);
      // Asked again after a second: the kept answer at once, and a search in the background.
      assertEquals("{\"q\":\"hot.example\",\"n\":1}", get(base + "hot.example"));
      keptAnswerSent.set(true);
      String[] refreshed = {""};
      Eventually.holds(Duration.ofSeconds(10), Duration.ofMillis(50),
          () -> (refreshed[0] = get(base + "hot.example")).contains("\"n\":3"));
      assertEquals("{\"q\":\"hot.example\",\"n\":3}", refreshed[0], "the newer answer once searched");
      nanos.addAndGet(RecentAnswers.KEEP.toNanos() + 1);
      assertEquals("{\"q\":\"other.example\",\"n\":4}", get(base + "other.example"),
          "an answer nobody asked for again is gone after KEEP, and searched while the asker waits");
    }
  }

  private static void awaitQuietly(Eventually.Condition condition, String message) {
    try {
      Eventually.await(Duration.ofSeconds(30), Duration.ofMillis(5), condition, () -> message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
