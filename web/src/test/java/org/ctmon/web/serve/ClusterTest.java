package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.TestLogKey;
import org.ctmon.web.harness.ClusterNodes;
import org.ctmon.web.harness.PostgresTestSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three ctmon processes on one real PostgreSQL database with {@code cluster.mode: postgresql},
 * following four test logs; a node following a log is killed with {@code kill -9} mid-ingest.
 * Proven from the database: the others take its logs over, every entry is stored exactly once,
 * every alert is delivered, no log was followed by two nodes at once ({@code follow_runs}), and a
 * sign-in made on one node is a session on another.
 */
final class ClusterTest {
  private static final long ENTRIES = 1200;
  private static final int WATCHED = 6;

  @Test
  void threeNodesShareTheLogsAKilledNodesLogsAreTakenOverAndEveryEntryIsStoredOnce(@TempDir Path dir)
      throws Exception {
    Map<String, Integer> received = new ConcurrentHashMap<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext("/hook", ex -> {
      ex.getRequestBody().readAllBytes();
      received.merge(ex.getRequestHeaders().getFirst("webhook-id"), 1, Integer::sum);
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    receiver.start();
    TestLogOptions options = TestLogOptions.defaults().withEntries(ENTRIES).withBatchCap(64)
        .withProtocols(List.of(LogProtocol.RFC6962, LogProtocol.STATIC, LogProtocol.RFC6962, LogProtocol.STATIC));
    try (TestLogServer logs = TestLogServer.start(options); ClusterNodes cluster = new ClusterNodes(dir)) {
      seed(cluster.url, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
      List<TestLogKey> keys = logs.logs().stream().map(TestLog::key).toList();
      for (int i = 0; i < WATCHED; i++) {
        logs.feed().log(logs.pki().issue(IssuanceRequest.simple(Names.dns("host" + i + ".cluster.example"), "DV2",
            IssuanceStyle.PRECERT, List.of(keys.get(i % 4), keys.get((i + 1) % 4)), Instant.now().minusSeconds(5))));
      }
      logs.publish();
      long total = logs.logs().stream().mapToLong(TestLog::publishedSize).sum();
      for (int i = 0; i < 3; i++) {
        // Slow pages, so that a catch-up lasts long enough to be cut.
        cluster.start(logs.logListUrl(), "fetch:", "  contact: ct-test@example.org", "  batchSize: 64",
            "  requestsPerSecond: 4", "alerts:", "  deliveryLease: 5s", "  webhooks:", "    allowPrivateTargets: true");
      }

      // Kill -9 a node while it follows a log, after some entries are stored.
      String[] victim = new String[1];
      ClusterNodes.await(() -> {
        List<String> open = cluster.runningNodes();
        if (cluster.count("SELECT COUNT(*) FROM log_entries") < 200 || open.isEmpty()) {
          return false;
        }
        victim[0] = open.get(0);
        return true;
      }, cluster::logs);
      int killedIndex = cluster.indexOf(victim[0]);
      Set<String> itsLogs = Set.copyOf(cluster.db.withHandle(h -> h.createQuery(
          "SELECT job FROM follow_runs WHERE node = :node AND ended_at IS NULL").bind("node", victim[0])
          .mapTo(String.class).list()));
      cluster.node(killedIndex).destroyForcibly(); // SIGKILL
      assertTrue(cluster.node(killedIndex).waitFor(30, TimeUnit.SECONDS));
      long killedAt = System.currentTimeMillis();
      long storedAtKill = cluster.count("SELECT COUNT(*) FROM log_entries");

      ClusterNodes.await(() -> cluster.count("SELECT COALESCE(SUM(next_index), 0) FROM logs") == total
          && cluster.count("SELECT COUNT(*) FROM outbox WHERE state <> 'delivered'") == 0
          && cluster.count("SELECT COUNT(*) FROM outbox") == WATCHED, cluster::logs);

      // Every entry stored exactly once.
      assertEquals(total, cluster.count("SELECT COUNT(*) FROM log_entries")
          + cluster.count("SELECT COUNT(*) FROM malformed_entries"));
      assertEquals(total, cluster.count("SELECT COUNT(*) FROM (SELECT log, entry_index FROM log_entries"
          + " UNION SELECT log, entry_index FROM malformed_entries) e"));
      assertEquals(0, cluster.count("SELECT COUNT(*) FROM logs WHERE status = 'stopped'"));
      // Every alert delivered, each under its own key.
      List<String> keysSent = cluster.db.withHandle(h -> h.createQuery("SELECT idempotency_key FROM outbox")
          .mapTo(String.class).list());
      assertEquals(Set.copyOf(keysSent), received.keySet(), "every alert reached the webhook");
      // No log followed by two nodes at once: per log, runs (a killed one ends at the kill) never overlap.
      List<Map<String, Object>> runs = cluster.db.withHandle(h -> h.createQuery(
          "SELECT job, node, started_at, ended_at FROM follow_runs ORDER BY job, started_at").mapToMap().list());
      Map<String, List<long[]>> byJob = new HashMap<>();
      Map<String, Set<String>> nodesByJob = new HashMap<>();
      for (Map<String, Object> r : runs) {
        long start = ((Number) r.get("started_at")).longValue();
        long end = r.get("ended_at") == null ? killedAt : ((Number) r.get("ended_at")).longValue();
        String job = (String) r.get("job");
        byJob.computeIfAbsent(job, k -> new ArrayList<>()).add(new long[] {start, end});
        nodesByJob.computeIfAbsent(job, k -> new TreeSet<>()).add((String) r.get("node"));
      }
      assertEquals(4, byJob.size(), byJob.keySet().toString());
      for (Map.Entry<String, List<long[]>> e : byJob.entrySet()) {
        List<long[]> list = e.getValue();
        for (int i = 1; i < list.size(); i++) {
          assertTrue(list.get(i)[0] >= list.get(i - 1)[1], e.getKey() + ": a run started at " + list.get(i)[0]
              + " while another ran until " + list.get(i - 1)[1]);
        }
      }
      // The killed node's logs were followed on by the others.
      long takeover = Long.MAX_VALUE;
      for (String job : itsLogs) {
        Long next = cluster.db.withHandle(h -> h.createQuery("SELECT MIN(started_at) FROM follow_runs WHERE job = :job"
            + " AND node <> :node AND started_at >= :at").bind("job", job).bind("node", victim[0])
            .bind("at", killedAt - 1000).mapTo(Long.class).one());
        assertTrue(next != null, job + " was not taken over");
        takeover = Math.min(takeover, next - killedAt);
      }
      System.out.printf("cluster: killed %s at %d of %d entries; first take-over after %d ms; nodes per log %s%n",
          victim[0], storedAtKill, total, takeover, nodesByJob);

      // A sign-in on one node is a session on another: sessions live in the database.
      int a = killedIndex == 0 ? 1 : 0;
      int b = 3 - killedIndex - a;
      String cookie = signIn(cluster.port(a));
      HttpResponse<String> other = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + cluster.port(b) + "/alerts")).header("Cookie", cookie).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, other.statusCode(), "signed in on node " + a + ", asked node " + b + ": " + other.body());
      assertTrue(other.body().contains("ops@cluster.example"), other.body());
    } finally {
      receiver.stop(0);
    }
  }

  /** Signs in with the seeded account through the form; the session cookie. */
  private static String signIn(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
        .build(), HttpResponse.BodyHandlers.ofString());
    Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(form.body());
    assertTrue(csrf.find(), form.body());
    String pre = String.join("; ", form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", pre)
        .POST(HttpRequest.BodyPublishers.ofString("csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
            + "&email=ops%40cluster.example&password=a+long+enough+password&next=%2F"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(303, r.statusCode(), r.body());
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("ctmon_session="))
        .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
  }

  /** An account watching cluster.example, alerts to a webhook on loopback. */
  private static void seed(String url, String hook) {
    try (Store s = Store.open(new StoreConfig(url, PostgresTestSchema.PG_USER, PostgresTestSchema.PG_PASSWORD, 2,
        StoreConfig.Retention.DEFAULT))) {
      long account = new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom()).create("ops@cluster.example",
          "a long enough password", false);
      new Webhooks(s.jdbi(), Clock.systemUTC()).create(account, hook, "whsec_c2VjcmV0", WebhookFormat.JSON);
      new Watchlists(s.jdbi(), Clock.systemUTC()).create(account,
          new WatchlistSpec("cluster", List.of(".cluster.example"), List.of(), List.of(), false));
    }
  }
}
