package org.ctmon.web.config;

import java.time.Duration;
import java.util.List;

/**
 * The whole configuration of a ctmon process, loaded and validated once at start by
 * {@link ConfigLoader}. Immutable; pass its slices to the parts that need them.
 */
public record Config(Http http, Database database, Retention retention, Logs logs, Fetch fetch) {
  /** Where the web UI and API listen. */
  public record Http(String bind, int port) {}

  /** The store: an H2 file by default, or PostgreSQL by JDBC URL. */
  public record Database(String url, String user, String password, int poolSize) {}

  /** What is kept, and for how long. */
  public record Retention(Duration window, boolean keepAllDer, int purgeBatchSize) {}

  /** Where log starts following a log it has never seen. */
  public enum StartAt {
    /** The log's current size (like certspotter): only what is logged from now on. */
    END,
    /** Entry 0: the whole history of the log. */
    BEGINNING
  }

  /** Which logs to follow and how often to look at them. */
  public record Logs(
      String list,
      List<String> states,
      boolean includeTestLogs,
      List<String> include,
      List<String> exclude,
      StartAt startAt,
      Duration pollInterval,
      Duration listRefreshInterval) {
    public Logs {
      states = List.copyOf(states);
      include = List.copyOf(include);
      exclude = List.copyOf(exclude);
    }
  }

  /** How entries are fetched from a log; per log, so one slow log never slows another. */
  public record Fetch(String contact, int batchSize, int parallelism, double requestsPerSecond, Duration timeout) {}
}
