package org.ctmon.web.config;

import java.time.Duration;
import java.util.List;
import org.ctmon.fetcher.follow.FetchOverride;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.loglist.CtLog;

/**
 * The whole configuration of a ctmon process, loaded and validated once at start by
 * {@link ConfigLoader}. Immutable; pass its slices to the parts that need them.
 */
public record Config(Http http, Database database, Retention retention, Logs logs, Fetch fetch) {
  /** Where the web UI and API listen. */
  public record Http(String bind, int port) {}

  /** The store: an H2 file by default, or PostgreSQL by JDBC URL. */
  public record Database(String url, String user, String password, int poolSize) {
    /** The URL to show in messages and logs: a password written into it is masked. */
    public String displayUrl() {
      return org.ctmon.store.StoreConfig.maskedUrl(url);
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
}
