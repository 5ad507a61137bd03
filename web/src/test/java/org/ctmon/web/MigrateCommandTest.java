package org.ctmon.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.fetcher.loglist.LogListSignature;
import org.ctmon.fetcher.follow.StartPosition;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctmon migrate} from the H2 file a real monitor wrote to a real PostgreSQL database: the
 * copy is proven, a second copy into it is refused, and a monitor started on PostgreSQL goes on
 * from where the H2 one stopped, its copied compact ranges verifying the logs' new heads.
 */
final class MigrateCommandTest {
  private static final String PG_URL = System.getenv().getOrDefault("CTMON_TEST_PG_URL",
      "jdbc:postgresql://127.0.0.1:5432/ctmon_test");
  private static final String PG_USER = System.getenv().getOrDefault("CTMON_TEST_PG_USER", "ctmon");
  private static final String PG_PASSWORD = System.getenv().getOrDefault("CTMON_TEST_PG_PASSWORD", "ctmon");

  @TempDir Path dir;

  @Test
  void copiesAMonitorsH2FileToPostgresqlProvesItAndAMonitorThereGoesOn() throws Exception {
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    createSchema(schema);
    String h2 = "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath();
    String pg = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&user=" + PG_USER
        + "&password=" + PG_PASSWORD;
    try (TestLogServer logs = TestLogServer.start(TestLogOptions.defaults().withEntries(300))) {
      seed(h2);
      List<org.ctmon.testlog.pki.TestLogKey> keys = logs.logs().stream().map(TestLog::key).toList();
      for (int i = 0; i < 3; i++) {
        logs.feed().log(logs.pki().issue(IssuanceRequest.simple(Names.dns("host" + i + ".migrate.example"), "DV2",
            IssuanceStyle.PRECERT, keys, Instant.now().minusSeconds(5))));
      }
      logs.publish();
      try (Monitor first = Monitor.start(config(h2, logs.logListUrl()), Clock.systemUTC())) {
        await(() -> caughtUp(first, logs));
      }

      CommandRun run = CommandRun.withDatabase(dir, h2, "migrate", "--to", pg);
      assertEquals(0, run.exit(), run.out() + run.err());
      assertTrue(run.out().contains("ctmon migrate: proven: "), run.out());
      assertTrue(run.out().matches("(?s).*rows  outbox +3 +3  equal.*"), run.out());
      assertTrue(!run.out().contains("DIFFERS") && !run.out().contains("password=" + PG_PASSWORD), run.out());

      CommandRun again = CommandRun.withDatabase(dir, h2, "migrate", "--to", pg);
      assertEquals(1, again.exit(), again.out());
      assertTrue(again.err().contains("the target database is not empty"), again.err());

      logs.grow(40);
      logs.publish();
      try (Monitor second = Monitor.start(config(pg, logs.logListUrl()), Clock.systemUTC())) {
        await(() -> caughtUp(second, logs));
        for (FollowerStatus s : second.statuses()) {
          assertEquals(org.ctmon.fetcher.follow.FollowerHealth.OK, s.health(), s.toString());
        }
        long stored = second.store().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_entries")
            .mapTo(Long.class).one());
        long malformed = second.store().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM malformed_entries")
            .mapTo(Long.class).one());
        assertEquals(logs.logs().stream().mapToLong(TestLog::publishedSize).sum(), stored + malformed,
            "every entry of both logs stored once, before and after the move");
      }
    } finally {
      dropSchema(schema);
    }
  }

  private static boolean caughtUp(Monitor m, TestLogServer logs) {
    List<FollowerStatus> s = m.statuses();
    return s.size() == logs.logs().size() && s.stream().allMatch(f -> logs.logs().stream()
        .anyMatch(l -> f.description().contains(l.name()) && f.position() == l.publishedSize()));
  }

  /** An account watching migrate.example with an email recipient: its alerts wait in the outbox. */
  private static void seed(String url) {
    try (Store s = Store.open(new StoreConfig(url, "", "", 2, StoreConfig.Retention.DEFAULT))) {
      long account = new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom()).create("ops@migrate.example",
          "a long enough password", true);
      new Watchlists(s.jdbi(), Clock.systemUTC()).create(account,
          new WatchlistSpec("migrate", List.of(".migrate.example"), List.of(), List.of(), false));
      new EmailRecipients(s.jdbi(), Clock.systemUTC()).add(account, "ops@migrate.example");
    }
  }

  private static Config config(String url, String logList) {
    return new Config(
        new Config.Http("127.0.0.1", 0),
        new Config.Database(url, "", "", 4),
        new Config.Retention(Duration.ofDays(90), false, 1000, Duration.ofDays(1)),
        new Config.Logs(logList, LogListSignature.AUTO, List.of("usable", "qualified", "readonly"), true, List.of(),
            List.of(), StartPosition.BEGINNING, Duration.ofMillis(300), Duration.ofHours(1)),
        new Config.Fetch("ct-test@example.org", 256, 2, 0, 16, 64L << 20, Duration.ofSeconds(10), List.of()));
  }

  private static void createSchema(String schema) {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      c.createStatement().execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("postgresql at " + PG_URL + " is unreachable; in CI it must run", e);
      }
      System.err.println("!!!!! SKIPPING POSTGRESQL TEST: " + PG_URL + ": " + e.getMessage());
      Assumptions.abort("postgresql unreachable: " + e.getMessage());
    }
  }

  private static void dropSchema(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD)) {
      c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static void await(BooleanSupplier done) throws Exception {
    Eventually.await(Duration.ofSeconds(90), Duration.ofMillis(100), done::getAsBoolean, () -> "timed out");
  }
}
