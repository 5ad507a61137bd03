package org.ctmon.web.demo;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigLoader;
import org.ctmon.web.serve.Monitor;

/**
 * A running demo: the test log, the demo issuances on a schedule, and a monitor following the log
 * from its beginning on an H2 file in the data directory, with the {@link DemoAccount} in it.
 * {@link #close()} stops them in the reverse order.
 *
 * <pre>
 *   TestLogServer (random issuances, settings.rate a second) <── DemoIssuances (every settings.every)
 *        │ log list, RFC 6962 + static-ct-api over HTTP
 *   Monitor (H2 file in settings.data, polls every second) ──> web UI and API on settings.port
 *        │ signed JSON webhook of the demo account
 *   DemoInbox (127.0.0.1, shows the deliveries it got)
 * </pre>
 */
final class Demo implements AutoCloseable {
  private final TestLogServer log;
  private final DemoInbox inbox;
  private final ScheduledExecutorService issuing;
  private final Monitor monitor;
  private final DemoAccount account;
  private final Settings settings;

  /**
   * What a demo runs with.
   *
   * @param port the web port (0: any free one)
   * @param data the directory of the H2 file
   * @param rate random entries a second each test log grows by
   * @param entries entries each test log holds at the start, for search to find at once
   * @param every how often a certificate of the demo watch list's cycle is issued
   */
  record Settings(int port, Path data, double rate, long entries, Duration every) {}

  private Demo(TestLogServer log, DemoInbox inbox, ScheduledExecutorService issuing, Monitor monitor,
      DemoAccount account, Settings settings) {
    this.log = log;
    this.inbox = inbox;
    this.issuing = issuing;
    this.monitor = monitor;
    this.account = account;
    this.settings = settings;
  }

  static Demo start(Settings settings) {
    Clock clock = Clock.systemUTC();
    SecureRandom random = new SecureRandom();
    // A new seed each run: new log keys, so a data directory used before sees new logs, not its
    // old ones rolled back (the test log keeps nothing between runs).
    TestLogServer log = TestLogServer.start(TestLogOptions.defaults().withSeed(random.nextLong() & Long.MAX_VALUE)
        .withEntries(settings.entries()).withGrowRate(settings.rate()));
    DemoInbox inbox = DemoInbox.start(clock, random);
    ScheduledExecutorService issuing = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "demo-issuances");
      t.setDaemon(true);
      return t;
    });
    try {
      Config config = config(settings, log.logListUrl());
      DemoAccount account;
      try (Store store = Store.open(StoreConfig.defaults().withDatabase(config.database().url(), "", ""))) {
        account = DemoAccount.seed(store, clock, random, inbox);
      }
      Monitor monitor = Monitor.start(config, clock);
      issuing.scheduleAtFixedRate(new DemoIssuances(log, clock), 0, settings.every().toMillis(), TimeUnit.MILLISECONDS);
      return new Demo(log, inbox, issuing, monitor, account, settings);
    } catch (RuntimeException e) {
      issuing.shutdownNow();
      inbox.close();
      log.close();
      throw e;
    }
  }

  /**
   * The monitor's configuration: its defaults, but the H2 file in the data directory, the test
   * log's list from its beginning, and polls every second. The user's ctmon.yaml and CTMON_*
   * variables are not read: the demo is the same everywhere.
   */
  static Config config(Settings settings, String logList) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("CTMON_DATABASE_URL", "jdbc:h2:file:" + settings.data().toAbsolutePath().resolve("ctmon"));
    env.put("CTMON_LOGS_LIST", logList);
    env.put("CTMON_LOGS_START_AT", "beginning");
    env.put("CTMON_LOGS_POLL_INTERVAL", "1s");
    env.put("CTMON_FETCH_CONTACT", "ctmon-demo@localhost");
    // The demo's webhook receiver is on 127.0.0.1, which webhooks may not reach by default.
    env.put("CTMON_ALERTS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
    Config loaded = ConfigLoader.load(null, env);
    // Port 0 (any free one) is for tests and --port 0; the configuration key itself refuses it.
    return new Config(new Config.Http(loaded.http().bind(), settings.port()), loaded.database(), loaded.retention(),
        loaded.logs(), loaded.fetch(), loaded.alerts());
  }

  /** The web UI's URL. */
  String url() {
    return "http://127.0.0.1:" + monitor.port() + "/";
  }

  DemoAccount account() {
    return account;
  }

  Settings settings() {
    return settings;
  }

  /** The webhook receiver the demo account's alerts are delivered to. */
  DemoInbox inbox() {
    return inbox;
  }

  /** The test log's names, for the banner. */
  List<String> logNames() {
    return log.logs().stream().map(l -> l.name()).toList();
  }

  /** The test log server's base URL. */
  String logUrl() {
    return log.baseUrl();
  }

  @Override
  public void close() {
    issuing.shutdownNow();
    monitor.close();
    inbox.close();
    log.close();
  }
}
