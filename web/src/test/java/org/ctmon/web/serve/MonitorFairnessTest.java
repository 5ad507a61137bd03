package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.loglist.LogListSignature;
import org.ctmon.parser.Eventually;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.web.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One log's long catch-up and another's failures never hold back a healthy log: with the monitor's
 * defaults, three logs on one monitor, one answering every request 3 s late with a long way to go,
 * one answering every request 503, and one healthy log that grows: the healthy log is verified at
 * each new head while the slow one is still catching up and the failing one is backing off.
 */
final class MonitorFairnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aHealthyLogKeepsUpWhileAnotherCatchesUpSlowlyAndAThirdFails(@TempDir Path dir) throws Exception {
    TestLogOptions options = TestLogOptions.defaults()
        .withProtocols(List.of(LogProtocol.RFC6962, LogProtocol.RFC6962, LogProtocol.STATIC))
        .withEntries(2_000).withBatchCap(32);
    try (TestLogServer log = TestLogServer.start(options)) {
      log.log("rfc6962-0").faults().add(new Fault.Slow(Duration.ofSeconds(3)));
      log.log("rfc6962-1").faults().add(new Fault.ServerError(1, 503));
      Config config = new Config(
          new Config.Http("127.0.0.1", 0),
          new Config.Database("jdbc:h2:file:" + dir.resolve("ctmon"), "", "", 4),
          new Config.Retention(Duration.ofDays(90), true, 1000, Duration.ofDays(1)),
          new Config.Logs(log.logListUrl(), LogListSignature.AUTO, List.of("usable", "qualified", "readonly"), true,
              List.of(), List.of(), StartPosition.BEGINNING, Duration.ofMillis(300), Duration.ofHours(1)),
          // The product's fetch defaults (docs/config.md).
          new Config.Fetch("ct-test@example.org", 1000, 8, 0, 64, 64L << 20, Duration.ofSeconds(10), List.of()));
      try (Monitor m = Monitor.start(config, Clock.systemUTC())) {
        for (int round = 0; round < 3; round++) {
          log.grow(5);
          log.publish();
          long size = log.log("static-2").publishedSize();
          JsonNode logs = awaitLogs(m, ls -> byName(ls, "static-2").get("verified_tree_size").asLong(-1) >= size);
          JsonNode slow = byName(logs, "rfc6962-0");
          assertTrue(slow.get("position").asLong() < log.log("rfc6962-0").publishedSize(),
              "the slow log is still catching up: " + slow);
          JsonNode failing = byName(logs, "rfc6962-1");
          assertEquals(0, failing.get("position").asLong(), failing.toString());
        }
        JsonNode failing = byName(awaitLogs(m, ls -> Set.of("failing", "backing_off")
            .contains(byName(ls, "rfc6962-1").get("status").asText())), "rfc6962-1");
        assertTrue(failing.get("last_error").asText().contains("HTTP 503"), failing.toString());

        // Once the slow log answers at speed it catches up too, and every byte of the shared
        // memory budget comes back.
        log.log("rfc6962-0").faults().clear();
        long slowSize = log.log("rfc6962-0").publishedSize();
        awaitLogs(m, ls -> byName(ls, "rfc6962-0").get("verified_tree_size").asLong(-1) >= slowSize);
        JsonNode memory = JSON.readTree(http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + m.port() + "/api/v1/logs")).build(),
            HttpResponse.BodyHandlers.ofString()).body()).get("fetch_memory");
        assertEquals(64L << 20, memory.get("budget_bytes").asLong(), memory.toString());
        assertTrue(memory.get("peak_bytes").asLong() > 0, memory.toString());
      }
    }
  }

  private static JsonNode byName(JsonNode logs, String name) {
    for (JsonNode l : logs) {
      if (l.get("name").asText().contains(name + " ")) {
        return l;
      }
    }
    throw new AssertionError("no log " + name + " in " + logs);
  }

  /** Polls /api/v1/logs until {@code done} holds (a bounded wait, not a timing claim). */
  private JsonNode awaitLogs(Monitor m, Predicate<JsonNode> done) throws Exception {
    JsonNode[] logs = new JsonNode[1];
    Eventually.await(Duration.ofSeconds(120), Duration.ofMillis(100), () -> {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + m.port() + "/api/v1/logs")).build(), HttpResponse.BodyHandlers.ofString());
      logs[0] = JSON.readTree(r.body()).get("logs");
      return logs[0].size() == 3 && done.test(logs[0]);
    }, () -> "/api/v1/logs never got there: " + logs[0]);
    return logs[0];
  }
}
