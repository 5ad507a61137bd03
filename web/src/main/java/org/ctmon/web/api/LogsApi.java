package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ctmon.fetcher.follow.FetchBudget;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.fetcher.follow.PaceStatus;
import org.ctmon.fetcher.loglist.SkippedLog;
import org.ctmon.parser.treehead.TreeHead;

/**
 * {@code GET /api/v1/logs}: every followed log with what ctmon knows of it right now (its latest
 * head, our position and lag, the last verified head and its age, status and last error), and the
 * logs of the list that are not followed, with the reason. Public: log health is public data.
 */
public final class LogsApi {
  private final Supplier<List<FollowerStatus>> statuses;
  private final java.util.function.Function<org.ctmon.parser.Sha256, String> operators;
  private final Supplier<List<SkippedLog>> skipped;
  private final Supplier<Map<org.ctmon.parser.Sha256, Integer>> incidents;
  private FetchBudget budget;

  /**
   * @param statuses the followers' current statuses
   * @param operators the operator of a followed log (from the log list), or null
   * @param skipped the logs of the list that are not followed, with the reason
   */
  public LogsApi(Supplier<List<FollowerStatus>> statuses,
                 java.util.function.Function<org.ctmon.parser.Sha256, String> operators,
                 Supplier<List<SkippedLog>> skipped) {
    this(statuses, operators, skipped, Map::of);
  }

  /** @param incidents how many incidents each log has on record (see {@code /api/v1/incidents}) */
  public LogsApi(Supplier<List<FollowerStatus>> statuses,
                 java.util.function.Function<org.ctmon.parser.Sha256, String> operators,
                 Supplier<List<SkippedLog>> skipped,
                 Supplier<Map<org.ctmon.parser.Sha256, Integer>> incidents) {
    this.statuses = statuses;
    this.operators = operators;
    this.skipped = skipped;
    this.incidents = incidents;
  }

  /** Shows {@code budget}, shared by every follower, at the top of the answer. */
  public LogsApi withBudget(FetchBudget budget) {
    this.budget = budget;
    return this;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/logs", ctx -> {
      List<Map<String, Object>> logs = new ArrayList<>();
      Map<org.ctmon.parser.Sha256, Integer> counts = incidents.get();
      for (FollowerStatus s : statuses.get()) {
        Map<String, Object> m = json(s, operators.apply(s.logId()));
        int n = counts.getOrDefault(s.logId(), 0);
        m.put("incidents", n);
        m.put("incidents_url", n == 0 ? null : "/api/v1/incidents?log="
            + java.net.URLEncoder.encode(s.logId().base64(), java.nio.charset.StandardCharsets.UTF_8));
        logs.add(m);
      }
      List<Map<String, Object>> notFollowed = new ArrayList<>();
      for (SkippedLog s : skipped.get()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.description());
        m.put("operator", s.operator());
        m.put("log_id", s.logId().map(id -> id.base64()).orElse(null));
        m.put("reason", s.reason());
        notFollowed.add(m);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      if (budget != null) {
        // Bytes fetched and not yet committed, over all logs (fetch.memoryBudget).
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("budget_bytes", budget.capacityBytes());
        memory.put("used_bytes", budget.usedBytes());
        memory.put("peak_bytes", budget.peakBytes());
        memory.put("waits", budget.waits());
        body.put("fetch_memory", memory);
      }
      body.put("logs", logs);
      body.put("not_followed", notFollowed);
      ctx.json(body);
    });
  }

  static Map<String, Object> json(FollowerStatus s, String operator) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("log_id", s.logId().base64());
    m.put("name", s.description());
    m.put("operator", operator);
    m.put("protocol", s.protocol());
    m.put("url", s.url());
    m.put("tree_size", s.latestHead().map(TreeHead::treeSize).orElse(null));
    m.put("head_timestamp", s.latestHead().map(h -> java.time.Instant.ofEpochMilli(h.timestamp()).toString()).orElse(null));
    m.put("position", s.position());
    // Without a head the lag is unknown; 0 would read as "caught up".
    m.put("lag", s.latestHead().isPresent() ? s.lag() : null);
    m.put("verified_tree_size", s.verified().map(TreeHead::treeSize).orElse(null));
    m.put("verified_root", s.verified().map(v -> v.rootHash().base64()).orElse(null));
    m.put("verified_age_seconds", s.verifiedAge().map(Duration::toSeconds).orElse(null));
    m.put("status", s.health().name().toLowerCase(java.util.Locale.ROOT));
    // Progress and the last error apart: a log that fails now and then but keeps up shows both.
    m.put("entries_per_second", Math.round(s.entriesPerSecond() * 10) / 10.0);
    m.put("last_progress", s.lastProgress().map(Object::toString).orElse(null));
    m.put("last_error", s.lastError().orElse(null));
    m.put("last_error_at", s.lastErrorAt().map(Object::toString).orElse(null));
    m.put("next_attempt", s.nextAttempt().map(Object::toString).orElse(null));
    m.put("consecutive_failures", s.consecutiveFailures());
    PaceStatus p = s.pace();
    Map<String, Object> pace = new LinkedHashMap<>();
    pace.put("page_size", p.pageSize());
    pace.put("window", p.window());
    pace.put("in_flight", p.inFlight());
    pace.put("requests_per_second", Math.round(p.requestsPerSecond() * 10) / 10.0);
    pace.put("last_change", p.lastChange());
    pace.put("last_change_at", p.lastChangeAt().toString());
    pace.put("retry_after_until", p.notBefore().map(Object::toString).orElse(null));
    m.put("pace", pace);
    // The ceilings the pace stays within (fetch.* and fetch.perLog).
    Map<String, Object> fetch = new LinkedHashMap<>();
    fetch.put("batch_size", s.config().batchSize());
    fetch.put("parallelism", s.config().parallelism());
    fetch.put("requests_per_second", s.config().requestsPerSecond());
    m.put("fetch", fetch);
    return m;
  }
}
