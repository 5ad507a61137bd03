package org.ctmon.web.serve;

import static org.ctmon.web.harness.CtmonProcess.await;
import static org.ctmon.web.harness.CtmonProcess.output;
import static org.ctmon.web.harness.CtmonProcess.serve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.web.harness.UnassignedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctmon serve} sent SIGTERM while it catches up: it commits the batch in hand, stops and
 * exits with status 0; the entries it stored are exactly those below its saved positions, and the
 * next start goes on from there until every entry is stored once.
 */
final class GracefulStopTest {
  private static final long ENTRIES = 3000;
  private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  @Test
  void sigtermMidIngestCommitsTheBatchInHandExitsZeroAndTheNextStartResumes(@TempDir Path dir) throws Exception {
    String db = "jdbc:h2:file:" + dir.resolve("ctmon");
    try (TestLogServer logs = TestLogServer.start(TestLogOptions.defaults().withEntries(ENTRIES).withBatchCap(64))) {
      Path yaml = dir.resolve("ctmon.yaml");
      int port = UnassignedPort.pick();
      Files.writeString(yaml, String.join("\n",
          "http:", "  port: " + port,
          "database:", "  url: \"" + db + "\"",
          "logs:", "  list: \"" + logs.logListUrl() + "\"", "  startAt: beginning", "  pollInterval: 300ms",
          "fetch:", "  contact: ct-test@example.org", "  batchSize: 64", "  requestsPerSecond: 8", ""));

      Process first = serve(dir, yaml, "first");
      long stoppedAt;
      try {
        await(() -> position(port) >= 256, () -> output(dir, "first")); // a few batches committed
        first.destroy(); // SIGTERM
        assertTrue(first.waitFor(60, TimeUnit.SECONDS), "ctmon stops on SIGTERM: " + output(dir, "first"));
      } finally {
        first.destroyForcibly();
      }
      String firstLog = output(dir, "first");
      assertEquals(0, first.exitValue(), firstLog);
      assertTrue(firstLog.contains("SIGTERM received: stopping") && firstLog.contains("Monitor: stopped"), firstLog);
      assertFalse(firstLog.lines().anyMatch(l -> l.contains(" ERROR ") || l.contains(" WARN ") && !l.contains("no account yet")),
          firstLog);
      long[] positions = positions(db);
      stoppedAt = positions[0] + positions[1];
      assertTrue(stoppedAt > 0 && stoppedAt < 2 * ENTRIES, "stopped mid-ingest, at " + stoppedAt);
      assertEquals(stoppedAt, rows(db), "every entry below the saved positions is stored, none above");

      Process second = serve(dir, yaml, "second");
      try {
        long total = logs.logs().stream().mapToLong(TestLog::publishedSize).sum();
        await(() -> position(port) >= total, () -> output(dir, "second"));
        second.destroy();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, second.exitValue(), output(dir, "second"));
        long[] end = positions(db);
        assertEquals(total, end[0] + end[1]);
        assertEquals(total, rows(db), "every entry stored once");
      } finally {
        second.destroyForcibly();
      }
    }
  }

  /** The sum of the logs' positions the running process reports over its API; 0 before it answers. */
  private static long position(int port) {
    try {
      java.net.http.HttpResponse<String> r = HTTP.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/logs")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      long sum = 0;
      for (var log : JSON.readTree(r.body()).get("logs")) {
        sum += log.get("position").asLong();
      }
      return sum;
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static long[] positions(String db) {
    try (Store s = Store.open(new StoreConfig(db, "", "", 2, StoreConfig.Retention.DEFAULT))) {
      List<Long> p = s.jdbi().withHandle(h -> h.createQuery("SELECT next_index FROM logs ORDER BY id")
          .mapTo(Long.class).list());
      return new long[] {p.get(0), p.get(1)};
    }
  }

  private static long rows(String db) {
    try (Store s = Store.open(new StoreConfig(db, "", "", 2, StoreConfig.Retention.DEFAULT))) {
      return s.jdbi().withHandle(h -> h.createQuery(
          "SELECT (SELECT COUNT(*) FROM log_entries) + (SELECT COUNT(*) FROM malformed_entries)").mapTo(Long.class).one());
    }
  }
}
