package org.ctmon.web.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ctmon.fetcher.follow.FetchOverride;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.http.HttpConfig;
import org.ctmon.fetcher.loglist.LogListSignature;

/**
 * Every configuration key ctmon reads, with its default and meaning: the single source for the
 * loader, the environment-variable names and {@code docs/config.md}.
 */
final class Settings {
  private Settings() {}

  private static final Set<String> STATES = Set.of("pending", "qualified", "usable", "readonly", "retired", "rejected");

  static final Setting<String> HTTP_BIND = new Setting<>("http.bind", "127.0.0.1",
      "Address the web UI and API listen on; 0.0.0.0 for every interface.", ValueParsers::nonBlank);
  static final Setting<Integer> HTTP_PORT = new Setting<>("http.port", "8080",
      "Port of the web UI and API.", ValueParsers::port);
  static final Setting<String> DATABASE_URL = new Setting<>("database.url", "jdbc:h2:file:./data/ctmon",
      "JDBC URL of the store: an H2 file (created on first start) or jdbc:postgresql://host/db.", Settings::jdbcUrl);
  static final Setting<String> DATABASE_USER = new Setting<>("database.user", "",
      "Database user (empty for the embedded H2 default).", s -> s);
  static final Setting<String> DATABASE_PASSWORD = new Setting<>("database.password", "",
      "Database password; prefer the environment variable CTMON_DATABASE_PASSWORD to a file.", s -> s);
  static final Setting<Integer> DATABASE_POOL_SIZE = new Setting<>("database.poolSize", "8",
      "Maximum pooled database connections; a log follower holds one while it commits a batch.", ValueParsers::positive);
  static final Setting<Duration> RETENTION_WINDOW = new Setting<>("retention.window", "90d",
      "How long an issuance no watch list matched is kept (metadata, names, log entries), from when it was first seen. Matched issuances are kept for good.",
      ValueParsers::duration);
  static final Setting<Boolean> RETENTION_KEEP_ALL_DER = new Setting<>("retention.keepAllDer", "false",
      "Store the DER of every issuance (about 1.5 KB each), not only of matched ones.", ValueParsers::bool);
  static final Setting<Integer> RETENTION_PURGE_BATCH_SIZE = new Setting<>("retention.purgeBatchSize", "1000",
      "Issuances deleted per purge transaction; small batches never hold up ingest for long.", ValueParsers::positive);
  static final Setting<Duration> RETENTION_TREE_HEADS = new Setting<>("retention.treeHeads", "1d",
      "How long the tree heads polled from logs are kept as history (busy logs serve a new one on nearly every poll). Heads that are evidence of an incident, and each log's verified head, are kept for good.",
      ValueParsers::duration);
  static final Setting<String> LOGS_LIST = new Setting<>("logs.list",
      "https://www.gstatic.com/ct/log_list/v3/all_logs_list.json",
      "Chrome v3 log list to follow: an http(s) URL (by default Chrome's own, signature checked, so logs added since this release are followed), a file path, or `bundled` (the snapshot shipped in the jar, Chrome's list of 2026-08-20, signature checked). A URL that cannot be fetched or verified falls back to the bundled snapshot.",
      ValueParsers::nonBlank);
  static final Setting<LogListSignature> LOGS_LIST_SIGNATURE = new Setting<>("logs.listSignature", "auto",
      "For a log list fetched from a URL: `auto` checks Google's signature (X.sig next to X.json) when the server has one and requires it from www.gstatic.com; `required` refuses an unsigned list; `none` does not look. A list that fails falls back to the bundled snapshot.",
      LogListSignature::parse);
  static final Setting<List<String>> LOGS_STATES = new Setting<>("logs.states", "usable,qualified,readonly",
      "Log states to follow (pending, qualified, usable, readonly, retired, rejected).", Settings::states);
  static final Setting<Boolean> LOGS_INCLUDE_TEST_LOGS = new Setting<>("logs.includeTestLogs", "false",
      "Also follow logs whose log_type is test (they have no state in the list).", ValueParsers::bool);
  static final Setting<List<String>> LOGS_INCLUDE = new Setting<>("logs.include", "",
      "Only follow logs whose description or operator matches one of these (substring, or glob with * and ?). Empty: all.",
      ValueParsers::list);
  static final Setting<List<String>> LOGS_EXCLUDE = new Setting<>("logs.exclude", "",
      "Never follow logs whose description or operator matches one of these. Wins over include.", ValueParsers::list);
  static final Setting<StartPosition> LOGS_START_AT = new Setting<>("logs.startAt", "end",
      "Where to start a log seen for the first time: `end` (its current size), `beginning` (entry 0) or an entry index such as `120000000` (earlier entries are never fetched; an index at or past the log's size means its end).",
      Settings::startAt);
  static final Setting<Duration> LOGS_POLL_INTERVAL = new Setting<>("logs.pollInterval", "10s",
      "How often each log's tree head (get-sth or checkpoint) is polled.", ValueParsers::duration);
  static final Setting<Duration> LOGS_LIST_REFRESH_INTERVAL = new Setting<>("logs.listRefreshInterval", "1h",
      "How often the log list is fetched again (a URL list; a file is re-read).", ValueParsers::duration);
  static final Setting<String> FETCH_CONTACT = new Setting<>("fetch.contact", "",
      "An email address or https URL put in the User-Agent of every request, so log operators can reach you. Some logs rate-limit requests without one.",
      Settings::contact);
  static final Setting<Integer> FETCH_BATCH_SIZE = new Setting<>("fetch.batchSize", "1000",
      "The most entries asked for in one get-entries request. Each log's own page size is learned from its answers (Google's logs serve 32) and requests are aligned to it; static logs always fetch 256-entry tiles.",
      ValueParsers::positive);
  static final Setting<Integer> FETCH_PARALLELISM = new Setting<>("fetch.parallelism", "8",
      "The most requests in flight at once per log. Each log starts at 2 and grows by itself while its answers come fast and clean; a 429, 503, 504 or timeout halves it.",
      ValueParsers::positive);
  static final Setting<Double> FETCH_REQUESTS_PER_SECOND = new Setting<>("fetch.requestsPerSecond", "0",
      "The most requests per second per log; 0 for no fixed ceiling (a log's 429s and Retry-After set the pace, and always win).",
      ValueParsers::nonNegativeDecimal);
  static final Setting<Integer> FETCH_TOTAL_PARALLELISM = new Setting<>("fetch.totalParallelism", "64",
      "The most requests in flight at once over all logs (the fetch worker threads); a log waiting for its turn or a retry holds none.",
      ValueParsers::positive);
  static final Setting<Long> FETCH_MEMORY_BUDGET = new Setting<>("fetch.memoryBudget", "64MB",
      "The memory all logs together may hold in entries fetched but not yet committed (`32MB`, `1GB`, or bytes). A log waits for its turn when it is spent; every log still moves. See Java options below for sizing the heap.",
      Settings::memoryBudget);
  static final Setting<Duration> FETCH_TIMEOUT = new Setting<>("fetch.timeout", "30s",
      "Read timeout of one request to a log.", ValueParsers::duration);
  static final Setting<List<FetchOverride>> FETCH_PER_LOG = new Setting<>("fetch.perLog", "",
      "Ceilings for the logs that need their own, each `PATTERN: key=value ...` with batchSize, parallelism and requestsPerSecond (e.g. `DigiCert: requestsPerSecond=10`); the pattern matches a log's description or operator like logs.include; applied in order over the fetch.* defaults, a later item winning for the keys it sets.",
      Settings::perLog);

  static final Setting<String> ALERTS_SMTP_HOST = new Setting<>("alerts.smtp.host", "",
      "SMTP server that sends alert emails; empty: email is off (email alerts wait, then expire after alerts.maxAge).",
      String::trim);
  static final Setting<Integer> ALERTS_SMTP_PORT = new Setting<>("alerts.smtp.port", "587",
      "Port of the SMTP server (587 for STARTTLS, 465 for TLS, 25 for a local relay).", ValueParsers::port);
  static final Setting<String> ALERTS_SMTP_SECURITY = new Setting<>("alerts.smtp.security", "starttls",
      "`starttls` (required, not opportunistic), `tls` (from the first byte) or `none` (a local relay only).",
      Settings::smtpSecurity);
  static final Setting<String> ALERTS_SMTP_USERNAME = new Setting<>("alerts.smtp.username", "",
      "SMTP login, empty for none.", String::trim);
  static final Setting<String> ALERTS_SMTP_PASSWORD = new Setting<>("alerts.smtp.password", "",
      "SMTP password; prefer the environment variable CTMON_ALERTS_SMTP_PASSWORD to a file.", s -> s);
  static final Setting<String> ALERTS_SMTP_FROM = new Setting<>("alerts.smtp.from", "ctmon@localhost",
      "Sender address of alert emails.", Settings::emailAddress);
  static final Setting<Boolean> ALERTS_WEBHOOKS_ALLOW_PRIVATE = new Setting<>("alerts.webhooks.allowPrivateTargets",
      "false",
      "Let webhooks reach loopback, link-local and private addresses (checked when saved and again at every connection). Off, a webhook cannot be used to probe the network ctmon runs in.",
      ValueParsers::bool);
  static final Setting<Duration> ALERTS_MAX_AGE = new Setting<>("alerts.maxAge", "24h",
      "How long an alert is retried (backoff from 30 s to 1 h, honouring Retry-After) before it is given up and shown as dead.",
      ValueParsers::duration);
  static final Setting<String> ALERTS_PUBLIC_URL = new Setting<>("alerts.publicUrl", "",
      "The URL users reach ctmon at (behind a proxy: its public https URL), for the certificate link in alerts. Empty: http://http.bind:http.port.",
      Settings::publicUrl);
  static final Setting<String> ALERTS_CAA_ISSUERS = new Setting<>("alerts.caaIssuers", "",
      "A file extending the bundled table from CAA identifiers (letsencrypt.org) to issuer organisations and keys: one `<caa domain><TAB><issuer O or sha256:hex>` per line.",
      String::trim);
  static final Setting<Duration> ALERTS_DELIVERY_LEASE = new Setting<>("alerts.deliveryLease", "2m",
      "How long an alert being delivered is reserved for the node delivering it. After a crash or kill, its alerts are sent again (with the same idempotency key) once this has passed.",
      ValueParsers::duration);
  static final Setting<String> ALERTS_HEARTBEAT_URL = new Setting<>("alerts.heartbeat.url", "",
      "An https URL (a dead man's switch such as Healthchecks.io) that gets a POST {\"type\": \"heartbeat\", \"at\", \"logs_followed\", \"logs_failing\", \"alerts_pending\"} every alerts.heartbeat.interval, so an outside monitor knows ctmon is alive. Empty: none.",
      Settings::publicUrl);
  static final Setting<Duration> ALERTS_HEARTBEAT_INTERVAL = new Setting<>("alerts.heartbeat.interval", "5m",
      "How often the heartbeat is posted.", ValueParsers::duration);

  static final Setting<String> CLUSTER_MODE = new Setting<>("cluster.mode", "single",
      "`single`: one node (Quartz's in-memory job store). `postgresql`: several nodes on one PostgreSQL database (database.url) share the logs through Quartz's clustered JDBC job store: each log is followed by one node at a time, and a node that stops checking in has its logs taken over by the others. Every node has the same configuration.",
      Settings::clusterMode);
  static final Setting<Duration> CLUSTER_CHECKIN_INTERVAL = new Setting<>("cluster.checkinInterval", "5s",
      "How often a node checks in with the others (cluster.mode postgresql). A killed node's logs are taken over about this plus 7.5 s (Quartz's fixed margin) after its last check-in, and followed from their next poll; a node stopped with SIGTERM hands them over at once.",
      ValueParsers::duration);
  static final Setting<Integer> CLUSTER_MAX_LOGS_PER_NODE = new Setting<>("cluster.maxLogsPerNode", "0",
      "How many logs one node follows at once (cluster.mode postgresql); 0: as many as it can take. A node keeps a log for a whole catch-up, so without a cap the first node to start takes every log that is catching up and the others wait; with N nodes, about (logs / N) + 1 spreads a catch-up over them. Survivors of a failure still follow at most this many at a time; the other logs wait for a turn.",
      Settings::notNegative);

  static final List<Setting<?>> ALL = List.of(HTTP_BIND, HTTP_PORT, DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD,
      DATABASE_POOL_SIZE, RETENTION_WINDOW, RETENTION_KEEP_ALL_DER, RETENTION_PURGE_BATCH_SIZE,
      RETENTION_TREE_HEADS, LOGS_LIST, LOGS_LIST_SIGNATURE, LOGS_STATES, LOGS_INCLUDE_TEST_LOGS, LOGS_INCLUDE, LOGS_EXCLUDE, LOGS_START_AT, LOGS_POLL_INTERVAL,
      LOGS_LIST_REFRESH_INTERVAL, FETCH_CONTACT, FETCH_BATCH_SIZE, FETCH_PARALLELISM, FETCH_REQUESTS_PER_SECOND,
      FETCH_TOTAL_PARALLELISM, FETCH_MEMORY_BUDGET, FETCH_TIMEOUT, FETCH_PER_LOG, ALERTS_SMTP_HOST, ALERTS_SMTP_PORT,
      ALERTS_SMTP_SECURITY, ALERTS_SMTP_USERNAME, ALERTS_SMTP_PASSWORD, ALERTS_SMTP_FROM, ALERTS_WEBHOOKS_ALLOW_PRIVATE,
      ALERTS_MAX_AGE, ALERTS_PUBLIC_URL, ALERTS_CAA_ISSUERS, ALERTS_DELIVERY_LEASE,
      ALERTS_HEARTBEAT_URL, ALERTS_HEARTBEAT_INTERVAL, CLUSTER_MODE, CLUSTER_CHECKIN_INTERVAL,
      CLUSTER_MAX_LOGS_PER_NODE);

  private static int notNegative(String text) {
    int n = ValueParsers.integer(text);
    if (n < 0) {
      throw new IllegalArgumentException("must be 0 or more");
    }
    return n;
  }

  private static String clusterMode(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (!Set.of("single", "postgresql").contains(t)) {
      throw new IllegalArgumentException("must be single or postgresql");
    }
    return t;
  }

  private static String smtpSecurity(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (!Set.of("starttls", "tls", "none").contains(t)) {
      throw new IllegalArgumentException("must be starttls, tls or none");
    }
    return t;
  }

  private static String emailAddress(String text) {
    String t = text.trim();
    int at = t.indexOf('@');
    if (at < 1 || at == t.length() - 1 || t.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new IllegalArgumentException("must be an email address");
    }
    return t;
  }

  private static String publicUrl(String text) {
    String t = text.trim();
    if (!t.isEmpty() && !t.startsWith("http://") && !t.startsWith("https://")) {
      throw new IllegalArgumentException("must be an http:// or https:// URL");
    }
    return t;
  }

  private static List<FetchOverride> perLog(String text) {
    return ValueParsers.list(text).stream().map(FetchOverride::parse).toList();
  }

  private static long memoryBudget(String text) {
    long b = ValueParsers.bytes(text);
    if (b < (1 << 20)) {
      throw new IllegalArgumentException("must be at least 1MB");
    }
    return b;
  }

  private static String contact(String text) {
    String t = text.trim();
    // The same rule the HTTP layer applies, checked at start so the error names the key.
    HttpConfig.withContact(t);
    return t;
  }

  private static String jdbcUrl(String text) {
    String t = text.trim();
    if (!t.startsWith("jdbc:h2:") && !t.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("only jdbc:h2:… and jdbc:postgresql:… are supported");
    }
    return t;
  }

  private static List<String> states(String text) {
    List<String> states = ValueParsers.list(text.toLowerCase(Locale.ROOT));
    for (String s : states) {
      if (!STATES.contains(s)) {
        throw new IllegalArgumentException("unknown log state '" + s + "' (known: pending, qualified, usable, readonly, retired, rejected)");
      }
    }
    if (states.isEmpty()) {
      throw new IllegalArgumentException("name at least one state");
    }
    return states;
  }

  private static StartPosition startAt(String text) {
    try {
      return StartPosition.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be `end`, `beginning` or an entry index (0 or more)");
    }
  }
}
