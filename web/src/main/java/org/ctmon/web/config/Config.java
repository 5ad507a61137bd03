package org.ctmon.web.config;

import java.time.Duration;
import java.util.List;
import org.ctmon.fetcher.follow.FetchOverride;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogListSignature;
import org.ctmon.store.StoreConfig;

/**
 * The whole configuration of a ctmon process, loaded and validated once at start by
 * {@link ConfigLoader}. Immutable; pass its slices to the parts that need them.
 */
public record Config(Http http, Database database, Retention retention, Logs logs, Fetch fetch, Alerts alerts,
                     Cluster cluster) {
  /** A configuration with the default alert settings (no email, private webhook targets refused). */
  public Config(Http http, Database database, Retention retention, Logs logs, Fetch fetch) {
    this(http, database, retention, logs, fetch, Alerts.DEFAULT);
  }

  /** A single-node configuration. */
  public Config(Http http, Database database, Retention retention, Logs logs, Fetch fetch, Alerts alerts) {
    this(http, database, retention, logs, fetch, alerts, Cluster.SINGLE);
  }

  /** This configuration with other alert settings. */
  public Config withAlerts(Alerts next) {
    return new Config(http, database, retention, logs, fetch, next, cluster);
  }

  /**
   * Whether several ctmon nodes share the logs ({@code cluster.*}).
   *
   * @param mode {@code single} (one node, the in-memory job store) or {@code postgresql} (Quartz's
   *     clustered JDBC job store in the PostgreSQL database: each log followed by one node at a time)
   * @param checkinInterval how often a node tells the others it is alive; a node silent for this
   *     plus Quartz's fixed 7.5 s is taken as dead and its logs are followed by the others
   * @param maxLogsPerNode the most logs one node follows at once, 0 for no cap
   */
  public record Cluster(String mode, Duration checkinInterval, int maxLogsPerNode) {
    /** One node. */
    public static final Cluster SINGLE = new Cluster("single", Duration.ofSeconds(5), 0);

    /** Whether the logs are shared with other nodes. */
    public boolean clustered() {
      return mode.equals("postgresql");
    }
  }

  /** Where the web UI and API listen. */
  public record Http(String bind, int port) {}

  /** The store: an H2 file by default, or PostgreSQL by JDBC URL. */
  public record Database(String url, String user, String password, int poolSize) {
    /** The URL to show in messages and logs: a password written into it is masked. */
    public String displayUrl() {
      return StoreConfig.maskedUrl(url);
    }

    /** Never the password, whatever prints this record. */
    @Override
    public String toString() {
      return "Database[url=" + displayUrl() + ", user=" + user + ", password=***, poolSize=" + poolSize + "]";
    }
  }

  /**
   * What is kept, and for how long.
   *
   * @param treeHeads how long ordinary tree heads are kept (evidence and verified heads: for good)
   */
  public record Retention(Duration window, boolean keepAllDer, int purgeBatchSize, Duration treeHeads) {}

  /**
   * Which logs to follow and how often to look at them.
   *
   * @param listSignature whether a list fetched from a URL must be signed by Google
   * @param startAt where a log seen for the first time is started: its end, its beginning or an
   *     entry index
   */
  public record Logs(
      String list,
      LogListSignature listSignature,
      List<String> states,
      boolean includeTestLogs,
      List<String> include,
      List<String> exclude,
      StartPosition startAt,
      Duration pollInterval,
      Duration listRefreshInterval) {
    public Logs {
      states = List.copyOf(states);
      include = List.copyOf(include);
      exclude = List.copyOf(exclude);
    }
  }

  /**
   * How entries are fetched from a log; per log, so one slow log never slows another.
   *
   * @param batchSize the most entries per request (each log's page size is learned below it)
   * @param parallelism the most requests in flight per log
   * @param requestsPerSecond the most requests per second per log, 0 for no fixed ceiling
   * @param totalParallelism the most requests in flight over all logs
   * @param memoryBudget bytes all logs may hold fetched and not yet committed
   * @param perLog ceilings for the logs that need their own, applied in order over the defaults
   */
  public record Fetch(String contact, int batchSize, int parallelism, double requestsPerSecond,
                      int totalParallelism, long memoryBudget, Duration timeout, List<FetchOverride> perLog) {
    public Fetch {
      perLog = List.copyOf(perLog);
    }

    /** These settings with the defaults for the total parallelism and the memory budget. */
    public Fetch(String contact, int batchSize, int parallelism, double requestsPerSecond, Duration timeout,
                 List<FetchOverride> perLog) {
      this(contact, batchSize, parallelism, requestsPerSecond, 64, 64L << 20, timeout, perLog);
    }

    /** The defaults, for one log: {@link #perLog} applied over them. */
    public FollowerConfig forLog(FollowerConfig base, CtLog log) {
      return FetchOverride.resolve(base.withFetching(batchSize, parallelism, requestsPerSecond), perLog, log);
    }
  }

  /**
   * How alerts are delivered.
   *
   * @param smtpHost the SMTP server, empty when email is off (email alerts then wait and expire)
   * @param smtpSecurity {@code starttls}, {@code tls} or {@code none}
   * @param allowPrivateTargets whether webhooks may reach loopback and private addresses
   * @param maxAge how long an alert is retried before it is given up as dead
   * @param publicUrl the URL users reach ctmon at, for links in alerts; empty: http://bind:port
   * @param caaIssuers a file extending the bundled CAA-identifier table, empty for none
   * @param deliveryLease how long an alert being delivered is reserved for its node
   * @param heartbeatUrl where a heartbeat is posted, empty for none
   * @param heartbeatInterval how often
   */
  public record Alerts(String smtpHost, int smtpPort, String smtpSecurity, String smtpUsername, String smtpPassword,
                       String smtpFrom, boolean allowPrivateTargets, Duration maxAge, String publicUrl,
                       String caaIssuers, Duration deliveryLease, String heartbeatUrl, Duration heartbeatInterval) {
    /** The defaults of docs/config.md. */
    public static final Alerts DEFAULT = new Alerts("", 587, "starttls", "", "", "ctmon@localhost", false,
        Duration.ofHours(24), "", "", Duration.ofMinutes(2), "", Duration.ofMinutes(5));

    /** Settings without heartbeat. */
    public Alerts(String smtpHost, int smtpPort, String smtpSecurity, String smtpUsername, String smtpPassword,
                  String smtpFrom, boolean allowPrivateTargets, Duration maxAge, String publicUrl, String caaIssuers,
                  Duration deliveryLease) {
      this(smtpHost, smtpPort, smtpSecurity, smtpUsername, smtpPassword, smtpFrom, allowPrivateTargets, maxAge,
          publicUrl, caaIssuers, deliveryLease, "", Duration.ofMinutes(5));
    }

    /** These settings with webhooks allowed to reach private addresses (tests and benchmarks on loopback). */
    public Alerts withPrivateTargets() {
      return new Alerts(smtpHost, smtpPort, smtpSecurity, smtpUsername, smtpPassword, smtpFrom, true, maxAge, publicUrl,
          caaIssuers, deliveryLease, heartbeatUrl, heartbeatInterval);
    }

    /** Never the password, whatever prints this record. */
    @Override
    public String toString() {
      return "Alerts[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", smtpSecurity=" + smtpSecurity
          + ", smtpUsername=" + smtpUsername + ", smtpPassword=***, smtpFrom=" + smtpFrom + ", allowPrivateTargets="
          + allowPrivateTargets + ", maxAge=" + maxAge + ", publicUrl=" + publicUrl + ", caaIssuers=" + caaIssuers + ", deliveryLease=" + deliveryLease + ", heartbeatUrl="
          + (heartbeatUrl.isEmpty() ? "" : "(set)") + ", heartbeatInterval=" + heartbeatInterval + "]";
    }
  }
}
