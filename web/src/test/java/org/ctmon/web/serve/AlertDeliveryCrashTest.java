package org.ctmon.web.serve;

import static org.ctmon.web.harness.CtmonProcess.await;
import static org.ctmon.web.harness.CtmonProcess.output;
import static org.ctmon.web.harness.CtmonProcess.serve;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.DeliveryState;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.ctmon.web.harness.UnassignedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ctmon process killed with {@code kill -9} while a webhook delivery is in flight: once started
 * again, every alert is delivered, the interrupted one a second time with the same idempotency
 * key (so the receiver can drop it), none lost.
 */
final class AlertDeliveryCrashTest {
  private static final int CERTIFICATES = 5;

  @Test
  void aKillMidDeliveryDeliversEveryAlertWithItsKeyAfterRestart(@TempDir Path dir) throws Exception {
    String db = "jdbc:h2:file:" + dir.resolve("ctmon");
    List<String> answered = new CopyOnWriteArrayList<>();
    List<String> received = new CopyOnWriteArrayList<>();
    CountDownLatch firstArrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext("/hook", ex -> {
      ex.getRequestBody().readAllBytes();
      String id = ex.getRequestHeaders().getFirst("webhook-id");
      received.add(id);
      if (received.size() == 1) {
        firstArrived.countDown();
        try {
          release.await(60, TimeUnit.SECONDS); // held until ctmon is killed: never answered
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ex.close();
        return;
      }
      ex.sendResponseHeaders(204, -1);
      ex.close();
      answered.add(id);
    });
    receiver.start();
    try (TestLogServer logs = TestLogServer.start(TestLogOptions.defaults())) {
      seed(db, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
      List<org.ctmon.testlog.pki.TestLogKey> keys = logs.logs().stream().map(TestLog::key).toList();
      for (int i = 0; i < CERTIFICATES; i++) {
        logs.feed().log(logs.pki().issue(IssuanceRequest.simple(Names.dns("host" + i + ".crash.example"), "R10",
            IssuanceStyle.PRECERT, keys, Instant.now())));
      }
      logs.publish();
      Path yaml = config(dir, db, logs.logListUrl());

      Process first = serve(dir, yaml, "first");
      try {
        assertTrue(firstArrived.await(90, TimeUnit.SECONDS), "no delivery from the first ctmon: " + output(dir, "first"));
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL, mid-delivery
      } finally {
        first.destroyForcibly();
        release.countDown();
      }
      Process second = serve(dir, yaml, "second");
      try {
        await(() -> answered.stream().distinct().count() == CERTIFICATES, () -> output(dir, "second"));
        second.destroy(); // SIGTERM: a graceful stop
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "ctmon stops on SIGTERM");
      } finally {
        second.destroyForcibly();
      }
    } finally {
      receiver.stop(0);
    }

    List<Alert> alerts = outbox(db);
    assertEquals(CERTIFICATES, alerts.size());
    Map<String, Integer> times = new HashMap<>();
    received.forEach(id -> times.merge(id, 1, Integer::sum));
    for (Alert a : alerts) {
      assertEquals(DeliveryState.DELIVERED, a.state(), a.toString());
    }
    assertEquals(alerts.stream().map(Alert::idempotencyKey).sorted().toList(),
        times.keySet().stream().sorted().toList(), "every alert reached the receiver under its own key");
    assertEquals(2, times.get(received.get(0)), "the interrupted delivery came again with the same key");
    assertEquals(CERTIFICATES + 1, received.size(), "nothing else was sent twice: " + times);
  }

  /** An account watching crash.example with a webhook, as the API would store them. */
  private static void seed(String db, String hook) {
    try (Store s = Store.open(new StoreConfig(db, "", "", 2, StoreConfig.Retention.DEFAULT))) {
      long account = new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom()).create("ops@crash.example",
          "a long enough password", false);
      new Webhooks(s.jdbi(), Clock.systemUTC()).create(account, hook, "whsec_c2VjcmV0", WebhookFormat.JSON);
      new Watchlists(s.jdbi(), Clock.systemUTC()).create(account,
          new WatchlistSpec("crash", List.of(".crash.example"), List.of(), List.of(), false));
    }
  }

  private static List<Alert> outbox(String db) {
    try (Store s = Store.open(new StoreConfig(db, "", "", 2, StoreConfig.Retention.DEFAULT))) {
      long account = new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom()).byEmail("ops@crash.example")
          .orElseThrow().id();
      return new Outbox(s.jdbi(), Clock.systemUTC()).list(account, Optional.empty(), 100).items();
    }
  }

  private static Path config(Path dir, String db, String logList) throws IOException {
    Path yaml = dir.resolve("ctmon.yaml");
    Files.writeString(yaml, String.join("\n",
        "http:", "  port: " + UnassignedPort.pick(),
        "database:", "  url: \"" + db + "\"",
        "logs:", "  list: \"" + logList + "\"", "  startAt: beginning", "  pollInterval: 300ms",
        "  includeTestLogs: true",
        "fetch:", "  contact: ct-test@example.org",
        "alerts:", "  deliveryLease: 2s", "  webhooks:", "    allowPrivateTargets: true", ""));
    return yaml;
  }
}
