package org.ctmon.web.serve;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.follow.FetchBudget;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.fetcher.following.FollowSettings;
import org.ctmon.fetcher.following.FollowedLogs;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.ListStatus;
import org.ctmon.fetcher.loglist.LogList;
import org.ctmon.fetcher.loglist.LogListLoader;
import org.ctmon.fetcher.loglist.LogProtocol;
import org.ctmon.fetcher.loglist.LogSelection;
import org.ctmon.fetcher.loglist.LogType;
import org.ctmon.fetcher.stored.BatchSink;
import org.ctmon.fetcher.stored.StoredJournal;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Sessions;
import org.ctmon.store.ingest.IngestResult;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.store.log.Logs;
import org.ctmon.store.retention.Purge;
import org.ctmon.store.retention.TreeHeadPurge;
import org.ctmon.web.account.LocalCommandClient;
import org.ctmon.web.account.LocalCommands;
import org.ctmon.web.api.HealthApi;
import org.ctmon.web.api.IncidentsApi;
import org.ctmon.web.api.LogsApi;
import org.ctmon.web.api.SearchApi;
import org.ctmon.web.api.TestDelivery;
import org.ctmon.web.config.Config;
import org.ctmon.web.crtsh.CrtShJson;
import org.ctmon.web.metrics.CtmonMetrics;
import org.ctmon.web.openapi.OpenApiDocument;
import org.ctmon.web.stream.CertstreamHub;
import org.ctmon.web.stream.LogSource;
import org.ctmon.web.ui.FirstAdminSetup;
import org.ctmon.web.ui.WebUi;
import org.ctmon.web.api.DashboardApi;
import org.ctmon.web.api.LogSwitchApi;
import org.ctmon.store.log.LogSamples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ctmon: the store, one follower per selected log on a schedule, housekeeping, and the
 * web server. Built and started by {@link #start}; {@link #close()} stops the web server, the
 * schedule (waiting for the batch in hand to commit) and the store, in that order.
 *
 * <pre>
 *   LogListLoader ─> FollowedLogs: a LogFollower per log ─(Quartz, logs.pollInterval)─> StoredJournal
 *                                                                                        │ BatchSink
 *                          web (search, logs, health) <── store <── Ingest + matcher (one transaction)
 * </pre>
 */
public final class Monitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);
  /**
   * Quartz threads: one per followed log plus housekeeping, for lists of up to about 120 logs (a
   * follower waits for its retries and turns on its own thread, so one log never holds another's).
   */
  static final int SCHEDULER_THREADS = 128;

  private volatile Config config;
  private final Clock clock;
  private final Optional<ConfigFileWatch> configWatch;
  private final Store store;
  private final ExecutorService workers;
  private final FetchBudget budget;
  private final FollowScheduler scheduler;
  /** The log jobs' scheduler: {@link #scheduler} on one node, the clustered one with cluster.mode postgresql. */
  private final FollowScheduler logScheduler;
  private final AtomicBoolean ready = new AtomicBoolean();
  /** Held while a log list loads and is followed: see {@link #refreshList}. */
  private final Object listLock = new Object();
  private WebServer web;
  private OkHttpClient http;
  private Logs logs;
  private volatile FollowedLogs followed;
  private Alerting alerting;
  private LocalCommands localCommands;
  private CtmonMetrics metrics;
  private CertstreamHub certstream;

  private Monitor(Config config, Clock clock, Store store, Optional<ConfigFileWatch> configWatch) {
    this.config = config;
    this.clock = clock;
    this.configWatch = configWatch;
    this.store = store;
    // Pool tasks are requests (mostly waiting on the network) plus their decoding: the pool's size
    // is the ceiling of requests in flight over all logs (fetch.totalParallelism). Followers wait
    // for their turns and retries on their own threads, so a task is always a request being made;
    // idle threads time out.
    AtomicInteger n = new AtomicInteger();
    int threads = config.fetch().totalParallelism();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads,
        threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "ctmon-fetch-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.workers = pool;
    this.budget = new FetchBudget(config.fetch().memoryBudget());
    // A follower holds its Quartz thread for a whole catch-up; one thread per log (the Chrome list
    // has about 45 to follow) keeps a long catch-up of one log from delaying the polls of others.
    this.scheduler = new FollowScheduler(SCHEDULER_THREADS);
    this.logScheduler = config.cluster().clustered()
        ? ClusteredScheduling.logScheduler(config, store.jdbi(), clock, SCHEDULER_THREADS) : scheduler;
  }

  /** Opens the store, loads the log list, schedules the followers and starts the web server. */
  public static Monitor start(Config config, Clock clock) {
    return start(config, clock, Optional.empty());
  }

  /**
   * As {@link #start(Config, Clock)}, then applies changes to the configuration file while running:
   * the logs followed ({@code logs.states}, {@code include}, {@code exclude}, {@code includeTestLogs},
   * {@code startAt}) and the fetch limits ({@code fetch.batchSize}, {@code parallelism},
   * {@code requestsPerSecond}, {@code perLog}). Other keys are reported as needing a restart.
   */
  public static Monitor start(Config config, Clock clock, Optional<ConfigFileWatch> configWatch) {
    StoreConfig storeConfig = new StoreConfig(config.database().url(), config.database().user(),
        config.database().password(), config.database().poolSize(),
        new StoreConfig.Retention(config.retention().window(), config.retention().keepAllDer(),
            config.retention().purgeBatchSize()));
    Store store = Store.open(storeConfig);
    Monitor m;
    try {
      m = new Monitor(config, clock, store, configWatch);
    } catch (RuntimeException e) { // the clustered job store could not be set up
      store.close();
      throw e;
    }
    try {
      m.startParts();
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
    return m;
  }

  private void startParts() {
    http = HttpClients.forLogs(config.fetch());
    logs = new Logs(store.jdbi(), clock);
    alerting = new Alerting(config, store, clock, this::statuses);
    certstream = new CertstreamHub(clock);
    BatchSink sink = batch -> {
      IngestResult r = alerting.ingest().commit(batch);
      Optional<CtLog> followedLog = followed.log(batch.logId());
      if (!r.replay() && followedLog.isPresent()) {
        CtLog log = followedLog.get();
        certstream.published(batch, new LogSource(log.description(),
            log.protocol().monitoringUrl().toString(), log.protocol() instanceof LogProtocol.StaticCt));
      }
      return r;
    };
    followed = new FollowedLogs(http, new StoredJournal(logs, sink), workers, budget, clock, logScheduler,
        logs::disabled);
    LogListLoader loader = new LogListLoader(http, clock, config.logs().listSignature());
    refreshList(loader, false);
    scheduler.every("log-list", config.logs().listRefreshInterval(), () -> refreshList(loader, false), false);
    if (loader.standingIn() && config.logs().listRefreshInterval().compareTo(LogListRetry.FIRST) > 0) {
      scheduler.every("log-list-retry", LogListRetry.TICK, new LogListRetry(loader::standingIn,
          () -> refreshList(loader, true), config.logs().listRefreshInterval(), clock,
          () -> scheduler.cancel("log-list-retry")), false);
    }
    configWatch.ifPresent(w -> scheduler.every("config-file", w.every(), () -> w.changed().ifPresent(this::reload), false));
    scheduler.every("failing-logs-report", Duration.ofSeconds(30), new FailingLogsReport(this::statuses), false);
    LogIncidents incidents = new LogIncidents(store.jdbi());
    scheduler.every("incident-report", Duration.ofSeconds(5), new IncidentReport(incidents));
    scheduler.every("progress-report", Duration.ofMinutes(1), new ProgressReport(this::statuses), false);
    scheduler.every("log-samples", Duration.ofMinutes(1),
        new LogSampling(this::statuses, new LogSamples(store.jdbi()), clock), false);
    scheduler.every("disk-space-report", Duration.ofHours(6),
        new DiskSpaceReport(store.jdbi(), DiskSpaceReport.WORTH_COMPACTING_BYTES));
    Purge purge = new Purge(store.jdbi(), clock, store.config().retention());
    TreeHeadPurge headPurge = new TreeHeadPurge(store.jdbi(), clock, config.retention().treeHeads(),
        config.retention().purgeBatchSize());
    scheduler.every("retention", Duration.ofHours(1), new RetentionJob(purge, headPurge, config.retention().window(),
        config.retention().treeHeads()));
    metrics = new CtmonMetrics(new PrometheusMeterRegistry(
        PrometheusConfig.DEFAULT), this::statuses, store.jdbi(), clock);
    web = new WebServer(routes -> {
      metrics.register(routes);
      certstream.register(routes);
      new OpenApiDocument().register(routes);
      new SearchApi(new IssuanceSearch(store.jdbi()), clock).register(routes);
      new LogsApi(this::statuses, id -> followed.log(id).map(CtLog::operator).orElse(null), followed::skipped,
          incidents::countsByLog).withBudget(budget).register(routes);
      new IncidentsApi(incidents).register(routes);
      new DashboardApi(store.jdbi(), clock, this::statuses).register(routes);
      new LogSwitchApi(store.jdbi(), clock, this::logSwitched).register(routes);
      new HealthApi(store.jdbi(), ready::get).register(routes);
      alerting.accountApis(store.jdbi(), clock).register(routes);
      LocalCommandClient.h2File(config.database().url()).ifPresent(file -> {
        localCommands = new LocalCommands(store, file, alerting::watchListsChanged);
        localCommands.register(routes);
      });
      WebUi ui = new WebUi(store.jdbi(), clock, this::statuses, alerting.caa(),
          alerting.watchlistListener(), alerting.targets(), TestDelivery.of(alerting.delivery()),
          log -> LOG.info("log {} resumed from the admin page: followed again from its next poll", log.base64()),
          this::logSwitched);
      ui.register(routes);
      new CrtShJson(new IssuanceSearch(store.jdbi()), clock).register(routes, ui.home());
    }).start(config.http().bind(), config.http().port());
    alerting.start(scheduler, this::statuses, this::listTimestamp);
    String publicUrl = config.alerts().publicUrl().isEmpty()
        ? "http://" + config.http().bind() + ":" + web.port() : config.alerts().publicUrl();
    FirstAdminSetup.offer(store.jdbi(), clock, publicUrl).ifPresent(url -> LOG.warn(
        "no account yet: open {} within 1 hour to create the first administrator (or run ctmon user add EMAIL"
            + " --admin)", url));
    Sessions sessions = new Sessions(store.jdbi(), clock,
        new SecureRandom());
    scheduler.every("expired-sessions", Duration.ofHours(1), sessions::purgeExpired, false);
    scheduler.start();
    if (logScheduler != scheduler) {
      logScheduler.start();
    }
    ready.set(true);
  }

  /**
   * Applies a changed configuration file: what can change while running takes effect now (the
   * followers whose limits changed are replaced once their run in hand is done), the rest is
   * reported as needing a restart.
   */
  synchronized void reload(Config next) {
    Config now = config;
    ConfigChange change = ConfigChange.between(now, next);
    Config effective = change.effective();
    if (!change.needRestart().isEmpty()) {
      LOG.warn("configuration changed: {} take effect after a restart", String.join(", ", change.needRestart()));
    }
    if (effective.equals(now)) {
      return;
    }
    config = effective;
    LOG.info("configuration reloaded: logs followed and fetch limits apply now");
    followed.currentList().ifPresent(list -> followed.follow(list, settings(effective)));
  }

  /**
   * An administrator turned a log on or off (already stored): the followers are brought in line on
   * a thread of their own, since stopping one waits for its batch in hand.
   */
  private void logSwitched(Sha256 log, boolean on) {
    LOG.info("log {} turned {} by an administrator", log.base64(), on ? "on" : "off");
    Thread t = new Thread(() -> {
      synchronized (listLock) {
        followed.currentList().ifPresent(list -> followed.follow(list, settings(config)));
      }
    }, "ctmon-log-switch");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Loads the configured list and follows it. One at a time: a load that failed while another
   * succeeded would otherwise follow its stale list after the new one.
   *
   * @param onlyWhileStandingIn do nothing unless the bundled snapshot still stands in for the list
   */
  private void refreshList(LogListLoader loader, boolean onlyWhileStandingIn) {
    synchronized (listLock) {
      if (onlyWhileStandingIn && !loader.standingIn()) {
        return;
      }
      followed.follow(loader.load(config.logs().list(), followed.currentList()), settings(config));
    }
  }

  /**
   * When the log list in use was made: a URL list standing in with the bundled snapshot grows old
   * and the operator hears of it; a list from a file is the operator's own and never stale.
   */
  private Optional<Instant> listTimestamp() {
    Optional<LogList> list = followed.currentList();
    if (list.isEmpty() || !config.logs().list().startsWith("http")) {
      return Optional.of(clock.instant());
    }
    return list.get().timestamp();
  }

  /** What the configuration says about following the log list. */
  private static FollowSettings settings(Config config) {
    FollowerConfig defaults = FollowerConfig.DEFAULT.withStartAt(config.logs().startAt())
        .withFetching(config.fetch().batchSize(), config.fetch().parallelism(), config.fetch().requestsPerSecond());
    return new FollowSettings(selection(config), defaults, config.fetch().perLog(), config.logs().pollInterval());
  }

  private static LogSelection selection(Config config) {
    Set<ListStatus> states = EnumSet.noneOf(ListStatus.class);
    for (String s : config.logs().states()) {
      ListStatus.fromJsonName(s).ifPresent(states::add);
    }
    LogSelection s = LogSelection.defaults()
        .withStates(states)
        .withInclude(config.logs().include())
        .withExclude(config.logs().exclude());
    if (config.logs().includeTestLogs()) {
      s = s.withLogTypes(Set.of(LogType.PROD, LogType.TEST)).withFollowStateless(true);
    }
    return s;
  }

  /** What each follower is doing, sorted by description. */
  public List<FollowerStatus> statuses() {
    FollowedLogs f = followed;
    return f == null ? List.of() : f.statuses();
  }

  /** The alert parts, for tests that drive delivery. */
  Alerting alerting() {
    return alerting;
  }

  /** The port the web server listens on. */
  public int port() {
    return web.port();
  }

  /** The store, for tests that check what was ingested. */
  public Store store() {
    return store;
  }

  @Override
  public void close() {
    ready.set(false);
    LOG.info("stopping: waiting for the batches in hand to commit");
    if (followed != null) {
      followed.stopAll();
    }
    if (web != null) {
      web.close(); // no new requests while the batches in hand commit
    }
    if (logScheduler != scheduler) {
      logScheduler.close(); // hands this node's logs to the others once their runs in hand are committed
    }
    scheduler.close();
    workers.shutdown();
    try {
      workers.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (alerting != null) {
      alerting.close();
    }
    if (localCommands != null) {
      localCommands.close();
    }
    if (metrics != null) {
      metrics.close();
    }
    if (certstream != null) {
      certstream.close();
    }
    store.close();
    LOG.info("stopped");
  }
}
