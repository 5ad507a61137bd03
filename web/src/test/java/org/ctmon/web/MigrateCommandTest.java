package org.ctmon.web;

import static org.ctmon.web.harness.PostgresTestSchema.PG_PASSWORD;
import static org.ctmon.web.harness.PostgresTestSchema.PG_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.ctmon.web.harness.PostgresTestSchema;
import org.ctmon.web.serve.Monitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ctmon migrate} from the H2 file a real monitor wrote to a real PostgreSQL database: the
 * copy is proven, a second copy into it is refused, and a monitor started on PostgreSQL goes on
 * from where the H2 one stopped, its copied compact ranges verifying the logs' new heads.
 */
final class MigrateCommandTest {
  @TempDir Path dir;

  @Test
  void copiesAMonitorsH2FileToPostgresqlProvesItAndAMonitorThereGoesOn() throws Exception {
    String h2 = "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath();
    try (PostgresTestSchema schema = new PostgresTestSchema();
        TestLogServer logs = TestLogServer.start(TestLogOptions.defaults().withEntries(300))) {
      String pg = schema.url + "&user=" + PG_USER + "&password=" + PG_PASSWORD;
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

  private static void await(BooleanSupplier done) throws Exception {
    Eventually.await(Duration.ofSeconds(90), Duration.ofMillis(100), done::getAsBoolean, () -> "timed out");
  }
}
