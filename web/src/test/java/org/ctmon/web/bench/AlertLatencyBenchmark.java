package org.ctmon.web.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.loglist.LogListSignature;
import org.ctmon.parser.Eventually;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.ctmon.web.config.Config;
import org.ctmon.web.serve.Monitor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a certificate entering a log to the webhook receiver: ctmon following both test logs
 * (RFC 6962 and static) with a 1 s head poll and otherwise its defaults, while the logs also
 * grow with unrelated certificates. Prints p50, p95 and the worst of {@code ctmon.bench.alerts}
 * (default 60) watched certificates, each logged at a random moment.
 */
@Tag("bench")
final class AlertLatencyBenchmark {
  @Test
  void certificateToWebhookLatency(@TempDir Path dir) throws Exception {
    int n = Integer.getInteger("ctmon.bench.alerts", 60);
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext("/hook", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      long now = System.nanoTime();
      String name = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("match").get("dns_names")
          .get(0).asText().replace(".bench.example", "");
      arrived.putIfAbsent(name, now);
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    receiver.start();
    String db = "jdbc:h2:file:" + dir.resolve("ctmon");
    try (Store s = Store.open(new StoreConfig(db, "", "", 2, StoreConfig.Retention.DEFAULT))) {
      long account = new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom()).create("bench@bench.example",
          "a long enough password", false);
      new Webhooks(s.jdbi(), Clock.systemUTC()).create(account, "http://127.0.0.1:" + receiver.getAddress().getPort()
          + "/hook", "whsec_c2VjcmV0", WebhookFormat.JSON);
      new Watchlists(s.jdbi(), Clock.systemUTC()).create(account,
          new WatchlistSpec("bench", List.of(".bench.example"), List.of(), List.of(), false));
    }
    Random random = new Random(42);
    List<Long> latencies = new ArrayList<>();
    try (TestLogServer logs = TestLogServer.start(TestLogOptions.defaults())) {
      logs.grow(20);
      logs.publish();
      try (Monitor m = Monitor.start(config(dir, db, logs.logListUrl()), Clock.systemUTC())) {
      List<org.ctmon.testlog.pki.TestLogKey> keys = logs.logs().stream().map(TestLog::key).toList();
      awaitFollowing(m, 2); // started at the logs' ends: what is logged before is not theirs to see
      Map<String, Long> logged = new ConcurrentHashMap<>();
      for (int i = 0; i < n; i++) {
        logs.grow(20); // unrelated traffic
        String name = "lat" + i;
        logs.feed().log(logs.pki().issue(IssuanceRequest.simple(Names.dns(name + ".bench.example"), "R10",
            IssuanceStyle.PRECERT, keys, Instant.now())));
        logs.publish();
        logged.put(name, System.nanoTime());
        Thread.sleep(500 + random.nextInt(1500)); // the measured workload: certificates logged apart in time
      }
      Eventually.holds(Duration.ofSeconds(60), Duration.ofMillis(100), () -> arrived.size() >= n);
      for (Map.Entry<String, Long> e : logged.entrySet()) {
        Long at = arrived.get(e.getKey());
        latencies.add(at == null ? Long.MAX_VALUE : (at - e.getValue()) / 1_000_000);
      }
      }
    } finally {
      receiver.stop(0);
    }
    latencies.sort(null);
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (!arrived.containsKey("lat" + i)) {
        missing.add("lat" + i);
      }
    }
    System.out.println("alerts never received: " + missing);
    System.out.printf("alert latency, %d certificates, 1 s head poll: p50 %d ms, p95 %d ms, max %d ms, missing %d%n",
        n, latencies.get(n / 2), latencies.get((int) Math.ceil(n * 0.95) - 1), latencies.get(n - 1),
        latencies.stream().filter(l -> l == Long.MAX_VALUE).count());
  }

  private static void awaitFollowing(Monitor m, int logs) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    if (!Eventually.holds(Duration.ofSeconds(60), Duration.ofMillis(100), () -> {
      String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + m.port()
          + "/api/v1/logs")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      com.fasterxml.jackson.databind.JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("logs");
      int verified = 0;
      for (com.fasterxml.jackson.databind.JsonNode l : list) {
        verified += l.path("verified_tree_size").isNumber() ? 1 : 0;
      }
      return verified == logs;
    })) {
      throw new AssertionError("the followers did not start");
    }
  }

  private static Config config(Path dir, String db, String logList) {
    Config.Fetch fetch = new Config.Fetch("ct-test@example.org", 1000, 8, 0, 64, 64L << 20, Duration.ofSeconds(30),
        List.of());
    return new Config(
        new Config.Http("127.0.0.1", 0),
        new Config.Database(db, "", "", 8),
        new Config.Retention(Duration.ofDays(90), false, 1000, Duration.ofDays(1)),
        new Config.Logs(logList, LogListSignature.AUTO, List.of("usable", "qualified", "readonly"), true, List.of(),
            List.of(), StartPosition.END, Duration.ofSeconds(1), Duration.ofHours(1)),
        fetch,
        Config.Alerts.DEFAULT.withPrivateTargets());
  }
}
