package org.ctmon.fetcher.following;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.follow.FetchBudget;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.fetcher.follow.LogFollower;
import org.ctmon.fetcher.follow.LogJournal;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogChange;
import org.ctmon.fetcher.loglist.LogList;
import org.ctmon.fetcher.loglist.LogListDiff;
import org.ctmon.fetcher.loglist.SelectedLogs;
import org.ctmon.fetcher.loglist.SkippedLog;
import org.ctmon.parser.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logs followed: one {@link LogFollower} per log the list and the settings select, each run on
 * the {@link PollSchedule}. A new list, new settings or a log turned off changes the followers by
 * the difference ({@link LogListDiff}): followers start for added logs, stop for removed ones and
 * are replaced for changed ones and for those whose fetch limits changed, carrying over what the
 * one replaced knew ({@link LogFollower#continueFrom}).
 *
 * <pre>
 *   log list + settings ─ selection, minus logs turned off ─> wanted
 *   followers vs wanted ─ LogListDiff ─> retire (stop, await the run in hand) ─> start (continue from)
 * </pre>
 *
 * <p>Thread safety: {@link #follow} is serialized; {@link #statuses()}, {@link #log} and
 * {@link #skipped()} may be called from any thread.
 */
public final class FollowedLogs {
  private static final Logger LOG = LoggerFactory.getLogger(FollowedLogs.class);
  /** How long retiring followers may take to finish their runs in hand, together. */
  private static final Duration RETIRE_WAIT = Duration.ofSeconds(60);

  private final OkHttpClient http;
  private final LogJournal journal;
  private final ExecutorService workers;
  private final FetchBudget budget;
  private final Clock clock;
  private final PollSchedule schedule;
  private final Supplier<Set<Sha256>> turnedOff;
  private final Map<Sha256, LogFollower> followers = new ConcurrentHashMap<>();
  private volatile List<SkippedLog> skipped = List.of();
  private LogList lastList;
  private String lastFollowing;

  /**
   * @param http the client all followers share
   * @param journal where every follower keeps its log's state and batches
   * @param workers the pool all followers fetch and decode on
   * @param budget the bytes all followers together may hold uncommitted
   * @param schedule where each follower runs, as {@code log:<base64 log id>}
   * @param turnedOff the logs an administrator turned off (kept off across restarts)
   */
  public FollowedLogs(OkHttpClient http, LogJournal journal, ExecutorService workers, FetchBudget budget,
                      Clock clock, PollSchedule schedule, Supplier<Set<Sha256>> turnedOff) {
    this.http = http;
    this.journal = journal;
    this.workers = workers;
    this.budget = budget;
    this.clock = clock;
    this.schedule = schedule;
    this.turnedOff = turnedOff;
  }

  /**
   * Follows the logs of {@code list} that {@code settings} select and are not turned off: changes
   * the followers by the difference with those followed now. Returns once the followers let go
   * have finished their runs in hand (or after {@link #RETIRE_WAIT}: those stay, stopped, and are
   * let go at the next change).
   */
  public synchronized void follow(LogList list, FollowSettings settings) {
    lastList = list;
    SelectedLogs selected = settings.selection().select(list, clock.instant());
    skipped = selected.skipped();
    FollowerConfig defaults = settings.defaults();
    Map<Sha256, CtLog> wanted = new LinkedHashMap<>();
    selected.followed().forEach(log -> wanted.put(log.logId(), log));
    Set<Sha256> off = turnedOff.get();
    if (!off.isEmpty()) {
      wanted.keySet().removeAll(off); // turned off by an administrator: kept off across restarts
    }
    LogListDiff diff = LogListDiff.between(followers.values().stream().map(LogFollower::log).toList(),
        wanted.values());
    for (LogChange c : diff.stateChanges()) {
      LOG.info("{}: now {} in the log list (was {})", c.after().description(), c.after().state(), c.before().state());
    }
    Set<Sha256> replaced = new HashSet<>();
    diff.removed().forEach(log -> replaced.add(log.logId()));
    diff.changed().forEach(c -> replaced.add(c.after().logId()));
    // Followers to let go: of logs removed (or turned off) or changed, with other fetch limits now,
    // or stopped by an earlier change that they outlasted. All are stopped first and awaited together.
    List<LogFollower> leaving = new ArrayList<>();
    for (LogFollower f : followers.values()) {
      CtLog log = wanted.get(f.log().logId());
      if (replaced.contains(f.log().logId()) || f.stopRequested()
          || !sameFetching(f.config(), settings.forLog(log))) {
        leaving.add(f);
      }
    }
    Map<Sha256, LogFollower> gone = retire(leaving);
    List<CtLog> starting = new ArrayList<>(diff.added());
    gone.keySet().stream().map(wanted::get).filter(Objects::nonNull).forEach(starting::add);
    for (CtLog log : starting) {
      if (followers.containsKey(log.logId())) {
        continue; // still finishing its run in hand (replaced at the next change)
      }
      FollowerConfig fc = settings.forLog(log);
      if (!sameFetching(fc, defaults)) {
        LOG.info("{}: {} entries per request, {} in flight, {} requests/s (fetch.perLog)", log.description(),
            fc.batchSize(), fc.parallelism(), fc.requestsPerSecond());
      }
      LogFollower f = new LogFollower(log, http, journal, workers, budget, fc, clock);
      LogFollower previous = gone.get(log.logId());
      if (previous != null) {
        f.continueFrom(previous); // its backoff and last error: a log backing off is not asked again early
      }
      followers.put(log.logId(), f);
      schedule.every(jobName(log.logId()), settings.pollInterval(), f::runOnce);
    }
    List<String> dropped = gone.values().stream().filter(f -> !wanted.containsKey(f.log().logId()))
        .map(f -> f.log().description()).toList();
    if (dropped.size() > 3) { // a whole list replaced (the bundled snapshot that stood in): one line
      LOG.info("no longer following {} logs, not selected by the log list and configuration: {}", dropped.size(),
          String.join(", ", dropped));
    } else {
      dropped.forEach(d -> LOG.info("no longer following {}: not selected by the log list and configuration", d));
    }
    String following = String.format("following %d %s from %s (%d not followed)", followers.size(),
        followers.size() == 1 ? "log" : "logs", list.describe(), skipped.size());
    if (!following.equals(lastFollowing)) {
      // Said when something changed, not at every refresh (or every retry while offline).
      LOG.info(following);
      lastFollowing = following;
    }
  }

  /** The list followed last, if any yet. */
  public synchronized Optional<LogList> currentList() {
    return Optional.ofNullable(lastList);
  }

  /** The log followed under {@code logId}, if one is. */
  public Optional<CtLog> log(Sha256 logId) {
    LogFollower f = followers.get(logId);
    return f == null ? Optional.empty() : Optional.of(f.log());
  }

  /** The logs of the list not followed, and why. */
  public List<SkippedLog> skipped() {
    return skipped;
  }

  /** What each follower is doing, sorted by description. */
  public List<FollowerStatus> statuses() {
    List<FollowerStatus> out = new ArrayList<>();
    for (LogFollower f : followers.values()) {
      out.add(f.status());
    }
    out.sort(Comparator.comparing(FollowerStatus::description));
    return out;
  }

  /** Asks every follower to stop (their runs in hand commit and return); does not wait. */
  public void stopAll() {
    for (LogFollower f : followers.values()) {
      f.stop();
    }
  }

  private static String jobName(Sha256 logId) {
    return "log:" + logId.base64();
  }

  private static boolean sameFetching(FollowerConfig a, FollowerConfig b) {
    return a.batchSize() == b.batchSize() && a.parallelism() == b.parallelism()
        && a.requestsPerSecond() == b.requestsPerSecond();
  }

  /**
   * Stops followers and waits for their runs in hand, together, so no two runs of one log overlap;
   * returns those that are gone, by log. One whose run outlasts the wait stays in place, stopped,
   * and is let go at the next change or list refresh.
   */
  private Map<Sha256, LogFollower> retire(List<LogFollower> leaving) {
    for (LogFollower f : leaving) {
      f.stop();
      schedule.cancel(jobName(f.log().logId()));
    }
    Map<Sha256, LogFollower> gone = new HashMap<>();
    Instant deadline = clock.instant().plus(RETIRE_WAIT);
    for (LogFollower f : leaving) {
      try {
        Duration left = Duration.between(clock.instant(), deadline);
        if (f.awaitIdle(left.isNegative() ? Duration.ZERO : left)) {
          followers.remove(f.log().logId(), f);
          gone.put(f.log().logId(), f);
        } else {
          LOG.warn("{}: its run in hand did not finish within 60 s; it is let go at the next change or list refresh",
              f.log().description());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return gone;
  }
}
