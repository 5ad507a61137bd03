package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.ctmon.fetcher.follow.FetchOverride;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.loglist.LogListSignature;
import org.ctmon.parser.Eventually;
import org.ctmon.parser.treehead.SignedTreeHead;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.SanName;
import org.ctmon.testlog.pki.TestIssuance;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigLoader;
import org.ctmon.web.harness.UnassignedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code ctmon serve} end to end, as a user runs it: the monitor pointed at a real test CT log
 * (both protocols, over HTTP) follows both logs from the beginning, verifies them, and what was
 * issued can be found through the public API, one issuance per precert/final pair across logs.
 */
final class MonitorTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private static Config config(Path dir, String logList) {
    return config(dir, logList, List.of());
  }

  private static Config config(Path dir, String logList, List<FetchOverride> perLog) {
    return new Config(
        new Config.Http("127.0.0.1", 0),
        new Config.Database("jdbc:h2:file:" + dir.resolve("ctmon"), "", "", 4),
        new Config.Retention(Duration.ofDays(90), true, 1000, Duration.ofDays(1)),
        new Config.Logs(logList, LogListSignature.AUTO, List.of("usable", "qualified", "readonly"), true, List.of(), List.of(),
            StartPosition.BEGINNING, Duration.ofMillis(300), Duration.ofHours(1)),
        new Config.Fetch("ct-test@example.org", 64, 2, 100, Duration.ofSeconds(10), perLog));
  }

  private JsonNode get(Monitor m, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return JSON.readTree(r.body());
  }

  /** Polls /api/v1/logs until every log is verified at {@code size} or beyond. */
  private JsonNode awaitCaughtUp(Monitor m, long size) throws Exception {
    return awaitCaughtUp(m, size, 2);
  }

  private JsonNode awaitCaughtUp(Monitor m, long size, int count) throws Exception {
    return awaitLogs(m, logs -> {
      boolean all = logs.size() == count;
      for (JsonNode l : logs) {
        all &= l.get("verified_tree_size").asLong(-1) >= size && l.get("lag").asLong(-1) == 0;
      }
      return all;
    });
  }

  @Test
  void followsBothProtocolsFromTheLogListAndAnswersSearchesForWhatWasIssued(@TempDir Path dir) throws Exception {
    try (TestLogServer log = TestLogServer.start(TestLogOptions.defaults())) {
      List<TestIssuance> issued = log.grow(40);
      log.publish();
      long size = smallerSize(log);
      try (Monitor m = Monitor.start(config(dir, log.logListUrl()), Clock.systemUTC())) {
        JsonNode logs = awaitCaughtUp(m, size);
        Set<String> protocols = new HashSet<>();
        logs.forEach(l -> protocols.add(l.get("protocol").asText()));
        assertEquals(Set.of("rfc6962", "static"), protocols);
        for (JsonNode l : logs) {
          assertEquals("ok", l.get("status").asText(), l.toString());
          assertEquals(l.get("tree_size").asLong(), l.get("position").asLong());
          assertTrue(l.get("operator").isTextual() && !l.get("operator").asText().isEmpty(), l.toString());
          assertTrue(l.get("verified_age_seconds").isNumber(), l.toString());
        }

        for (TestIssuance i : issued.subList(0, 10)) {
          String name = i.request().names().sans().stream()
              .filter(s -> s instanceof SanName.Dns).map(s -> ((SanName.Dns) s).name()).findFirst()
              .orElseGet(() -> i.request().names().commonName().orElseThrow());
          JsonNode results = get(m, "/api/v1/search?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).get("results");
          Set<String> tbs = new HashSet<>();
          results.forEach(r -> tbs.add(r.get("tbs_sha256").asText()));
          assertTrue(tbs.contains(i.tbsSha256().hex()), name + " finds its issuance: " + results);

          JsonNode cert = get(m, "/api/v1/certs/" + i.tbsSha256().hex());
          Set<String> kinds = new HashSet<>();
          Set<String> inLogs = new HashSet<>();
          cert.get("entries").forEach(e -> {
            kinds.add(e.get("entry_type").asText());
            inLogs.add(e.get("log").asText());
          });
          if (i.precert().isPresent()) {
            assertTrue(kinds.contains("precert"), cert.toString());
            assertEquals(2, inLogs.size(), "the precert is logged in both logs, shown on one issuance: " + cert);
          }
          assertTrue(kinds.contains("x509"), cert.toString());
        }

        // What researchers and Grafana read from the same server: crt.sh's JSON and /metrics.
        TestIssuance first = issued.get(0);
        String name = first.request().names().sans().stream()
            .filter(s -> s instanceof SanName.Dns).map(s -> ((SanName.Dns) s).name()).findFirst()
            .orElseGet(() -> first.request().names().commonName().orElseThrow());
        JsonNode crtsh = get(m, "/json?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertTrue(crtsh.isArray() && crtsh.size() > 0 && crtsh.get(0).has("name_value"), crtsh.toString());
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + m.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("ctmon_log_position{"), "per-log gauges are scraped");

        log.grow(10);
        log.publish();
        awaitCaughtUp(m, smallerSize(log));
      }
    }
  }

  @Test
  void withItsLogsUnreachableItStartsShowsEachOneFailingWithTheReasonAndCatchesUpOnceTheyAnswer(@TempDir Path dir)
      throws Exception {
    TestLogOptions options;
    Path list;
    long size;
    // Started again on the same port below: one the kernel hands to no other socket meanwhile.
    try (TestLogServer log = TestLogServer.start(TestLogOptions.defaults().withPort(UnassignedPort.pick()))) {
      log.grow(20);
      log.publish();
      size = smallerSize(log);
      options = log.options().withPort(log.port());
      list = log.writeLogList(dir.resolve("log_list.json"));
    } // nothing listens on the logs' port any more

    try (Monitor m = Monitor.start(config(dir, list.toString()), Clock.systemUTC())) {
      JsonNode logs = awaitLogs(m, ls -> {
        boolean failing = ls.size() == 2;
        for (JsonNode l : ls) {
          failing &= !l.get("last_error").isNull() && Set.of("failing", "backing_off").contains(l.get("status").asText());
        }
        return failing;
      });
      for (JsonNode l : logs) {
        assertTrue(l.get("last_error").asText().contains("127.0.0.1:" + options.port()), l.toString());
        assertTrue(l.get("tree_size").isNull(), "no head known, none shown: " + l);
        assertTrue(l.get("lag").isNull(), "lag unknown, not 0 (which reads as caught up): " + l);
        assertTrue(l.get("consecutive_failures").asInt() >= 1, l.toString());
      }
      assertEquals("ok", get(m, "/healthz").get("status").asText());

      try (TestLogServer again = TestLogServer.start(options)) {
        again.grow(20);
        again.publish();
        awaitCaughtUp(m, size);
      }
    }
  }


  @Test
  void aLogListNotUpAtStartIsAskedForAgainSoonAndFollowedOnceItLoads(@TempDir Path dir) throws Exception {
    int port = UnassignedPort.pick();
    String list = "http://127.0.0.1:" + port + "/log_list.json"; // nothing listens there yet
    Config c = config(dir, list);
    Config.Logs cl = c.logs();
    // Only the test log's logs: the snapshot's real logs are selected out, never asked for.
    Config testLogsOnly = new Config(c.http(), c.database(), c.retention(), new Config.Logs(cl.list(),
        cl.listSignature(), cl.states(), cl.includeTestLogs(), List.of("ctmon test log"), cl.exclude(), cl.startAt(),
        cl.pollInterval(), cl.listRefreshInterval()), c.fetch());
    try (Monitor m = Monitor.start(testLogsOnly, Clock.systemUTC())) {
      JsonNode standIn = get(m, "/api/v1/logs");
      assertEquals(0, standIn.get("logs").size(), standIn.toString());
      assertTrue(standIn.get("not_followed").size() > 10, "the bundled snapshot stands in meanwhile");

      try (TestLogServer log = TestLogServer.start(TestLogOptions.defaults().withPort(port))) {
        log.grow(20);
        log.publish();
        // Within the wait's two minutes, not at the hourly refresh: the test log's two logs, only them.
        JsonNode logs = awaitCaughtUp(m, smallerSize(log));
        for (JsonNode l : logs) {
          assertTrue(l.get("name").asText().startsWith("ctmon test log"), l.toString());
        }
      }
    }
  }

  @Test
  void aRefreshedLogListStartsAddedLogsStopsRemovedOnesAndReplacesChangedOnes(@TempDir Path dir) throws Exception {
    try (TestLogServer log = TestLogServer.start(TestLogOptions.defaults())) {
      log.grow(20);
      log.publish();
      JsonNode full = JSON.readTree(log.logListJson());
      Path file = dir.resolve("log_list.json");
      ObjectNode onlyRfc = full.deepCopy();
      ((ObjectNode) onlyRfc.get("operators").get(0)).putArray("tiled_logs");
      Files.writeString(file, onlyRfc.toString());
      Config c = config(dir, file.toString());
      Config.Logs cl = c.logs();
      Config refreshing = new Config(c.http(), c.database(), c.retention(), new Config.Logs(cl.list(),
          cl.listSignature(), cl.states(), cl.includeTestLogs(), cl.include(), cl.exclude(), cl.startAt(),
          cl.pollInterval(), Duration.ofMillis(200)), c.fetch());
      try (Monitor m = Monitor.start(refreshing, Clock.systemUTC())) {
        awaitLogs(m, ls -> ls.size() == 1 && ls.get(0).get("protocol").asText().equals("rfc6962"));

        // The static log added; the RFC 6962 log changed (renamed): its follower is replaced.
        ObjectNode both = full.deepCopy();
        ((ObjectNode) both.get("operators").get(0).get("logs").get(0)).put("description", "renamed rfc 6962 test log");
        Files.writeString(file, both.toString());
        JsonNode two = awaitLogs(m, ls -> ls.size() == 2 && names(ls).contains("renamed rfc 6962 test log"));
        assertEquals(2, two.size(), two.toString());

        // The RFC 6962 log removed: only the static log is followed.
        ObjectNode onlyStatic = full.deepCopy();
        ((ObjectNode) onlyStatic.get("operators").get(0)).putArray("logs");
        Files.writeString(file, onlyStatic.toString());
        JsonNode one = awaitLogs(m, ls -> ls.size() == 1 && !ls.get(0).get("protocol").asText().equals("rfc6962"));
        assertEquals(logOf(log, LogProtocol.STATIC).logKey().logId().base64(), one.get(0).get("log_id").asText());
      }
    }
  }

  private static List<String> names(JsonNode logs) {
    List<String> out = new java.util.ArrayList<>();
    logs.forEach(l -> out.add(l.get("name").asText()));
    return out;
  }

  @Test
  void aPerLogOverrideChangesHowThatLogIsFetchedAndOnlyThatLog(@TempDir Path dir) throws Exception {
    try (TestLogServer log = TestLogServer.start(TestLogOptions.defaults())) {
      log.grow(40);
      log.publish();
      long size = smallerSize(log);
      String rfc = logOf(log, LogProtocol.RFC6962).name();
      List<FetchOverride> perLog = List.of(FetchOverride.parse(rfc + ": batchSize=7 parallelism=1"));

      try (Monitor m = Monitor.start(config(dir, log.logListUrl(), perLog), Clock.systemUTC())) {
        JsonNode logs = awaitCaughtUp(m, size);

        for (JsonNode l : logs) {
          boolean overridden = l.get("protocol").asText().equals("rfc6962");
          assertEquals(overridden ? 7 : 64, l.get("fetch").get("batch_size").asInt(), l.toString());
          assertEquals(overridden ? 1 : 2, l.get("fetch").get("parallelism").asInt(), l.toString());
          assertEquals(100.0, l.get("fetch").get("requests_per_second").asDouble(), l.toString());
          // The pace learned stays within the ceilings, and says why it last changed.
          JsonNode pace = l.get("pace");
          assertTrue(pace.get("page_size").asInt() <= (overridden ? 7 : 256), l.toString());
          assertTrue(pace.get("window").asInt() >= 1 && pace.get("window").asInt() <= (overridden ? 1 : 2), l.toString());
          assertFalse(pace.get("last_change").asText().isEmpty(), l.toString());
          assertFalse(l.get("last_progress").isNull(), "the position moved: " + l);
        }
        long entries = log.log(rfc).publishedSize();
        long pages = log.requests(rfc, "ct/v1/get-entries");
        assertTrue(pages >= (entries + 6) / 7, "pages of at most 7 entries: " + pages + " requests for " + entries);
      }
    }
  }

  @Test
  void aSplitViewStopsOnlyThatLogAndItsTwoSignedHeadsCanBeFetchedAndCheckedWithTheLogsKey(@TempDir Path dir)
      throws Exception {
    try (TestLogServer log = TestLogServer.start(TestLogOptions.defaults())) {
      log.grow(30);
      log.publish();
      long size = smallerSize(log);
      TestLog rfc = logOf(log, LogProtocol.RFC6962);
      try (Monitor m = Monitor.start(config(dir, log.logListUrl()), Clock.systemUTC())) {
        awaitCaughtUp(m, size);
        assertEquals(0, get(m, "/api/v1/incidents").get("incidents").size());

        rfc.faults().add(new Fault.SplitView(rfc.publishedSize() / 2)); // the log forks its history
        log.grow(10);
        log.publish();
        JsonNode incidents = await(m, "/api/v1/incidents", "incidents", is -> is.size() > 0);

        JsonNode i = incidents.get(0);
        assertEquals(rfc.logKey().logId().base64(), i.get("log_id").asText(), i.toString());
        assertEquals("rfc6962", i.get("protocol").asText());
        assertTrue(Set.of("inconsistent", "split_view").contains(i.get("kind").asText()), i.toString());
        JsonNode earlier = i.get("head_a");
        JsonNode contradicting = i.get("head_b");
        // Caught at the same size (two roots) or at a later one (no consistency proof between them).
        assertTrue(earlier.get("tree_size").asLong() < contradicting.get("tree_size").asLong()
            || earlier.get("tree_size").asLong() == contradicting.get("tree_size").asLong()
            && !earlier.get("sha256_root_hash").equals(contradicting.get("sha256_root_hash")), i.toString());
        for (JsonNode h : List.of(earlier, contradicting)) {
          // The evidence is what the log signed: anyone can check it with the log list's key.
          SignedTreeHead.of(h.get("tree_size").asLong(), h.get("timestamp").asLong(), h.get("sha256_root_hash").asText(),
              h.get("tree_head_signature").asText()).verify(rfc.logKey());
          assertTrue(h.get("signature_valid").asBoolean(), h.toString());
        }
        // The incident is stored before the log's status changes: wait for the status.
        JsonNode logs = awaitLogs(m, ls -> {
          boolean expected = ls.size() == 2;
          for (JsonNode l : ls) {
            boolean forked = l.get("log_id").asText().equals(i.get("log_id").asText());
            expected &= l.get("status").asText().equals(forked ? "stopped" : "ok");
          }
          return expected;
        });
        for (JsonNode l : logs) {
          boolean forked = l.get("log_id").asText().equals(i.get("log_id").asText());
          assertEquals(forked ? 1 : 0, l.get("incidents").asInt(), l.toString());
          if (forked) {
            assertEquals(incidents, get(m, l.get("incidents_url").asText()).get("incidents"), "the log links its evidence");
          } else {
            assertTrue(l.get("incidents_url").isNull(), l.toString());
          }
        }
        String byLog = "/api/v1/incidents?log=" + URLEncoder.encode(i.get("log_id").asText(), StandardCharsets.UTF_8);
        assertEquals(incidents, get(m, byLog).get("incidents"));
        String other = logOf(log, LogProtocol.STATIC).logKey().logId().base64();
        assertEquals(0, get(m, "/api/v1/incidents?log=" + URLEncoder.encode(other, StandardCharsets.UTF_8))
            .get("incidents").size());
      }
    }
  }

  @Test
  void editingTheConfigurationFileChangesWhichLogsAreFollowedAndHowFastWithoutARestart(@TempDir Path dir)
      throws Exception {
    try (TestLogServer log = TestLogServer.start(TestLogOptions.defaults())) {
      log.grow(30);
      log.publish();
      String rfc = logOf(log, LogProtocol.RFC6962).name();
      String stat = logOf(log, LogProtocol.STATIC).name();
      Path file = dir.resolve("ctmon.yaml");
      int free = UnassignedPort.pick();
      String head = "http:\n  port: " + free + "\ndatabase:\n  url: \"jdbc:h2:file:" + dir.resolve("ctmon") + "\"\n"
          + "logs:\n  list: \"" + log.logListUrl() + "\"\n  startAt: beginning\n  pollInterval: 300ms\n";
      String fetch = "fetch:\n  contact: ct-test@example.org\n  batchSize: 64\n  requestsPerSecond: 100\n";
      Files.writeString(file, head + fetch);
      ConfigFileWatch watch = new ConfigFileWatch(file, Map.of(), Duration.ofMillis(100));

      try (Monitor m = Monitor.start(ConfigLoader.load(file, Map.of()), Clock.systemUTC(), Optional.of(watch))) {
        awaitCaughtUp(m, smallerSize(log));

        edit(file, head + "  exclude: [\"" + stat + "\"]\n" + fetch + "  perLog: [\"" + rfc + ": batchSize=7\"]\n");
        JsonNode logs = awaitLogs(m, l -> l.size() == 1 && l.get(0).get("fetch").get("batch_size").asInt() == 7);
        assertTrue(logs.get(0).get("name").asText().contains(rfc), logs.toString());
        long before = log.requests(rfc, "ct/v1/get-entries");
        log.grow(20);
        log.publish();
        long size = log.log(rfc).publishedSize();
        awaitCaughtUp(m, size, 1);
        assertTrue(log.requests(rfc, "ct/v1/get-entries") - before >= 20 / 7,
            "the replaced follower fetches with the new limit and goes on from where the old one stopped");

        List<String> reported = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> report = new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            reported.add(event.getFormattedMessage());
          }
        };
        report.start();
        Logger watchLog = (Logger) LoggerFactory.getLogger(ConfigFileWatch.class);
        watchLog.addAppender(report);
        try {
          edit(file, "http: [port: 1\n"); // broken YAML: reported, the running configuration stays
          Eventually.await(Duration.ofSeconds(120), Duration.ofMillis(100),
              () -> reported.stream().anyMatch(r -> r.contains("cannot be used")), () -> "not reported: " + reported);
        } finally {
          watchLog.detachAppender(report);
        }
        JsonNode still = get(m, "/api/v1/logs").get("logs");
        assertEquals(1, still.size(), still.toString());
        assertEquals(7, still.get(0).get("fetch").get("batch_size").asInt(), still.toString());
      }
    }
  }

  /** Rewrites the file with a modification time the watch cannot mistake for the previous one. */
  private static void edit(Path file, String yaml) throws Exception {
    FileTime before = Files.getLastModifiedTime(file);
    Files.writeString(file, yaml);
    Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2_000));
  }

  /** Polls /api/v1/logs until {@code done} holds for its logs (a bounded wait, not a timing claim). */
  private JsonNode awaitLogs(Monitor m, Predicate<JsonNode> done) throws Exception {
    return await(m, "/api/v1/logs", "logs", done);
  }

  /** Polls {@code path} until {@code done} holds for its {@code field}, for up to two minutes. */
  private JsonNode await(Monitor m, String path, String field, Predicate<JsonNode> done) throws Exception {
    JsonNode[] value = new JsonNode[1];
    if (Eventually.holds(Duration.ofSeconds(120), Duration.ofMillis(100), () -> done.test(value[0] = get(m, path).get(field)))) {
      return value[0];
    }
    throw new AssertionError(path + " never got there: " + value[0] + "; logs: " + get(m, "/api/v1/logs"));
  }

  /** The test log server's log of {@code protocol}. */
  private static TestLog logOf(TestLogServer server, LogProtocol protocol) {
    return server.logs().stream().filter(l -> l.protocol() == protocol).findFirst().orElseThrow();
  }

  /** The size both test logs have reached. */
  private static long smallerSize(TestLogServer server) {
    return server.logs().stream().mapToLong(TestLog::publishedSize).min().orElseThrow();
  }
}
