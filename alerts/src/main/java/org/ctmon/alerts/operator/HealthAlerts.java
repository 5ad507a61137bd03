package org.ctmon.alerts.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ctmon.alerts.outbox.EventType;

/**
 * Raises {@code health} alerts to the admins when ctmon itself is failing to monitor: a log with
 * no verified tree head for too long, a backlog above a threshold that keeps growing, a log list
 * not refreshed for too long. A monitor that silently stops watching is worse than none, and
 * nobody reads the logs of a process that works.
 *
 * <pre>
 *   check(logs, list loaded at, now) ─> problems ─> new, or alerted ≥ repeatEvery ago? ─> outbox, each admin channel
 *                                          └─ cleared problems are forgotten: back later, alerted again
 * </pre>
 *
 * <p>Each problem is alerted at most once per {@link Thresholds#repeatEvery()} (6 h), with the
 * log's latest error in the message. The key names the problem, the log and the 6-hour bucket,
 * so a restart or a second node repeats no alert within a bucket. Backlog samples, first
 * sightings and alert times live in memory: after a restart a backlog must grow again across two
 * samples before it alerts. Thread safe (one check at a time).
 */
public final class HealthAlerts {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_ERROR = 500;

  /**
   * When ctmon's own state counts as a problem.
   *
   * @param staleHead a log without a verified head for longer than this (default 1 h)
   * @param backlog a backlog above this many entries (default 100,000) ...
   * @param backlogInterval ... and larger than it was at least this long ago (default 10 min:
   *     samples closer together would call every head that jumps ahead of the fetch growth)
   * @param staleLogList a log list last loaded longer ago than this (default 2 days)
   * @param repeatEvery a problem that lasts is alerted again after this long (default 6 h)
   */
  public record Thresholds(Duration staleHead, long backlog, Duration backlogInterval, Duration staleLogList,
                           Duration repeatEvery) {
    /** The defaults above. */
    public static final Thresholds DEFAULTS = new Thresholds(Duration.ofHours(1), 100_000, Duration.ofMinutes(10),
        Duration.ofDays(2), Duration.ofHours(6));

    public Thresholds {
      for (Duration d : List.of(staleHead, backlogInterval, staleLogList, repeatEvery)) {
        if (d.isNegative() || d.isZero()) {
          throw new IllegalArgumentException("health thresholds must be positive durations, not " + d);
        }
      }
      if (backlog < 0) {
        throw new IllegalArgumentException("the backlog threshold must not be negative, not " + backlog);
      }
    }
  }

  private record Sample(long backlog, Instant at) {}

  private final AdminChannels channels;
  private final Thresholds thresholds;
  private Instant started;
  private final Map<String, Instant> firstSeen = new HashMap<>();
  private final Map<String, Deque<Sample>> samples = new HashMap<>();
  private final Map<String, Instant> alerted = new HashMap<>();

  public HealthAlerts(AdminChannels channels, Thresholds thresholds) {
    this.channels = channels;
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  /**
   * Judges ctmon's health now and enqueues an alert per admin channel for each problem not
   * alerted within {@link Thresholds#repeatEvery()}; returns how many outbox rows were added.
   *
   * @param logs every log ctmon follows (a log absent from the list is forgotten)
   * @param listLoadedAt when the log list was last loaded or refreshed; empty for never (then
   *     the list is as old as the first check)
   */
  public synchronized int check(List<LogHealth> logs, Optional<Instant> listLoadedAt, Instant now) {
    List<HealthProblem> problems = problems(logs, listLoadedAt, now);
    Set<String> current = new HashSet<>();
    List<AdminChannels.Channel> to = null;
    int added = 0;
    for (HealthProblem p : problems) {
      String id = p.kind() + p.log().map(l -> "-" + l.logIdBase64()).orElse("");
      current.add(id);
      Instant last = alerted.get(id);
      if (last != null && Duration.between(last, now).compareTo(thresholds.repeatEvery()) < 0) {
        continue;
      }
      if (to == null) {
        to = channels.channels();
      }
      long bucket = Math.floorDiv(now.getEpochSecond(), thresholds.repeatEvery().toSeconds());
      added += channels.enqueue(to, "health-" + id + "-" + bucket, EventType.HEALTH, key -> payload(p, key));
      alerted.put(id, now);
    }
    alerted.keySet().retainAll(current);
    return added;
  }

  /** The problems now; records the backlog sample of each log. */
  List<HealthProblem> problems(List<LogHealth> logs, Optional<Instant> listLoadedAt, Instant now) {
    if (started == null) {
      started = now;
    }
    List<HealthProblem> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (LogHealth l : logs) {
      String id = l.logIdBase64();
      ids.add(id);
      Instant seen = firstSeen.computeIfAbsent(id, k -> now);
      if (l.stopped()) {
        samples.remove(id);
        continue;
      }
      Instant since = l.lastVerifiedHeadAt().orElse(seen);
      Duration age = Duration.between(since, now);
      if (age.compareTo(thresholds.staleHead()) > 0) {
        out.add(new HealthProblem.StaleHead(l, since, age, l.lastVerifiedHeadAt().isEmpty()));
      }
      sample(l, now).ifPresent(out::add);
    }
    firstSeen.keySet().retainAll(ids);
    samples.keySet().retainAll(ids);
    Instant loaded = listLoadedAt.orElse(started);
    Duration listAge = Duration.between(loaded, now);
    if (listAge.compareTo(thresholds.staleLogList()) > 0) {
      out.add(new HealthProblem.StaleLogList(listLoadedAt, listAge));
    }
    return out;
  }

  /**
   * Compares the backlog with the newest sample at least backlogInterval old. Samples are kept
   * at least that far apart, so the two last always include one old enough.
   */
  private Optional<HealthProblem> sample(LogHealth l, Instant now) {
    Deque<Sample> d = samples.computeIfAbsent(l.logIdBase64(), k -> new ArrayDeque<>());
    Instant oldEnough = now.minus(thresholds.backlogInterval());
    Sample reference = null;
    for (Sample s : d) {
      if (!s.at().isAfter(oldEnough)) {
        reference = s;
      }
    }
    if (d.isEmpty() || !d.peekLast().at().isAfter(oldEnough)) {
      d.addLast(new Sample(l.backlog(), now));
      if (d.size() > 2) {
        d.removeFirst();
      }
    }
    if (reference != null && l.backlog() > thresholds.backlog() && l.backlog() > reference.backlog()) {
      return Optional.of(new HealthProblem.GrowingBacklog(l, reference.backlog(), reference.at(), l.backlog()));
    }
    return Optional.empty();
  }

  /** The generic webhook body of a health alert; {@code message} is what email, Slack and Teams show. */
  static String payload(HealthProblem p, String key) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", EventType.HEALTH.wireName());
    root.put("id", key);
    root.put("problem", p.kind());
    p.log().ifPresent(l -> root.putObject("log").put("id", l.logIdBase64()).put("description", l.description()));
    ObjectNode details = JSON.createObjectNode();
    StringBuilder m = new StringBuilder();
    if (p instanceof HealthProblem.StaleHead s) {
      m.append("no verified tree head from ").append(s.health().name()).append(" for ").append(age(s.age()));
      m.append(s.never() ? " (none since ctmon began following it at " + s.since() + ")"
          : " (the last at " + s.since() + ")");
      details.put("last_verified_head_at", s.never() ? null : s.since().toString());
      details.put("stale_for_seconds", s.age().toSeconds());
    } else if (p instanceof HealthProblem.GrowingBacklog g) {
      m.append(g.health().name()).append(" is ").append(g.now()).append(" entries behind and falling further behind (")
          .append(g.before()).append(" at ").append(g.beforeAt()).append(")");
      details.put("backlog", g.now());
      details.put("backlog_before", g.before());
      details.put("backlog_before_at", g.beforeAt().toString());
    } else if (p instanceof HealthProblem.StaleLogList s) {
      m.append("the log list was ").append(s.loadedAt().isPresent()
          ? "last loaded " + age(s.age()) + " ago, at " + s.loadedAt().get()
          : "not loaded in the " + age(s.age()) + " since ctmon started");
      m.append(": logs added, retired or re-keyed since are unknown to ctmon");
      details.put("loaded_at", s.loadedAt().map(Instant::toString).orElse(null));
    } else {
      throw new AssertionError("unknown health problem " + p);
    }
    p.log().ifPresent(l -> {
      Optional<String> error = l.lastError().map(e -> e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR) + "…" : e);
      error.ifPresent(e -> m.append("\nlast error").append(l.lastErrorAt().map(t -> " (" + t + ")").orElse(""))
          .append(": ").append(e));
      details.put("last_error", error.orElse(null));
      details.put("last_error_at", l.lastErrorAt().map(Instant::toString).orElse(null));
    });
    root.put("message", m.toString());
    root.set("details", details);
    return root.toString();
  }

  /** E.g. {@code 2 h 5 min}, {@code 3 d 2 h}, {@code 45 min}. */
  static String age(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 60) {
      return minutes + " min";
    }
    if (minutes < 48 * 60) {
      return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
    long hours = d.toHours();
    return hours / 24 + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
  }
}
