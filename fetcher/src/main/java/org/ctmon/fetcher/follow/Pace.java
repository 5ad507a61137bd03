package org.ctmon.fetcher.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.ctmon.fetcher.http.Backoff;
import org.ctmon.fetcher.http.LogFetchException;
import org.ctmon.fetcher.http.LogHttpException;
import org.ctmon.fetcher.http.LogTransportException;

/**
 * How fast one log is asked, learned from its answers: how many requests may be in flight (a
 * window grown while answers come fast and clean, halved on 429, 503, 504 and timeouts, like TCP's
 * congestion window), how many entries its pages hold (RFC 6962 logs cap them, at 32 for Google's),
 * when it may be asked again ({@code Retry-After} always wins) and how long a failed request waits.
 *
 * <p>The configured limits are ceilings, never targets: the window stays within {@code [1,
 * parallelism]}, pages within {@code [1, batchSize]}, requests at most {@code requestsPerSecond}
 * (none when 0). One value per follower, carried to its replacement; thread safe (fetch workers
 * report to it). Time comes from the injected clock.
 */
final class Pace {
  /** Full pages answered in a row after which a page twice as large is tried once. */
  static final int PROBE_AFTER = 32;
  /** How far back the request rate is measured. */
  private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

  private final FollowerConfig limits;
  private final Clock clock;
  private final RandomGenerator random;
  private final RateLimiter ceiling;

  private double window;
  private double slowStartUntil;
  private int pageSize;
  private boolean pageLearned;
  private int lastTruncated = -1;
  private int fullPagesInARow;
  private long minLatencyMillis = Long.MAX_VALUE;
  private long cutEpoch;
  private long turns;
  private long lastFailedTurn = -1;
  private Instant notBefore = Instant.EPOCH;
  private RuntimeException holdCause;
  private int consecutiveFailures;
  private Instant streakStartedAt;
  private String lastChange = "start";
  private Instant lastChangeAt;
  private final Deque<Long> sent = new ArrayDeque<>();

  Pace(FollowerConfig limits, Clock clock, RandomGenerator random) {
    this.limits = limits;
    this.clock = clock;
    this.random = random;
    this.ceiling = new RateLimiter(limits.requestsPerSecond(), limits.parallelism(), clock);
    this.window = Math.min(2, limits.parallelism());
    this.slowStartUntil = limits.parallelism();
    this.pageSize = limits.batchSize();
    this.lastChangeAt = clock.instant();
  }

  /**
   * A pace for new limits that keeps what was learned of the log (window, page size, when it may
   * be asked again, the failure count), within the new ceilings.
   */
  synchronized Pace withLimits(FollowerConfig newLimits) {
    Pace p = new Pace(newLimits, clock, random);
    p.window = Math.min(window, newLimits.parallelism());
    p.slowStartUntil = Math.min(slowStartUntil, newLimits.parallelism());
    p.pageSize = Math.min(pageSize, newLimits.batchSize());
    p.pageLearned = pageLearned;
    p.minLatencyMillis = minLatencyMillis;
    p.notBefore = notBefore;
    p.holdCause = holdCause;
    p.consecutiveFailures = consecutiveFailures;
    p.streakStartedAt = streakStartedAt;
    p.lastChange = lastChange;
    p.lastChangeAt = lastChangeAt;
    return p;
  }

  /** The ceilings. */
  FollowerConfig limits() {
    return limits;
  }

  /** A run succeeded (its head poll at least): the failure count starts again. */
  synchronized void recovered() {
    consecutiveFailures = 0;
    streakStartedAt = null;
  }

  /**
   * A run ended on a failed request that a later-sent request's success had already discounted:
   * the log is backing off, so at least one failure is counted.
   */
  synchronized void countAtLeastOneFailure() {
    if (consecutiveFailures == 0) {
      consecutiveFailures = 1;
      streakStartedAt = clock.instant();
    }
  }

  /** When the current run of failed requests began, if one is going on. */
  synchronized Optional<Instant> failingSince() {
    return Optional.ofNullable(streakStartedAt);
  }

  /** The failure that asked for the wait in force ({@link #notBefore}), if any. */
  synchronized Optional<RuntimeException> holdCause() {
    return notBefore().isPresent() ? Optional.ofNullable(holdCause) : Optional.empty();
  }

  /** Requests that may be in flight now. */
  synchronized int window() {
    return (int) Math.floor(window);
  }

  /**
   * Entries to ask for in the next request: the page size learned, or after {@link #PROBE_AFTER}
   * full pages in a row twice that, once, in case the log serves more than it did.
   */
  synchronized int nextUnitSize() {
    if (pageLearned && fullPagesInARow >= PROBE_AFTER && pageSize < limits.batchSize()) {
      fullPagesInARow = 0;
      return Math.min(limits.batchSize(), pageSize * 2);
    }
    return pageSize;
  }

  /** The page size learned so far (the ceiling until a log answers with fewer entries than asked). */
  synchronized int pageSize() {
    return pageSize;
  }

  /**
   * Takes the next request's turn: how long to wait before sending it (zero if now), after any
   * {@code Retry-After} and within the rate ceiling. The returned ticket tells later reports which
   * cut the request was sent under.
   */
  synchronized Turn take() {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    if (now.isBefore(notBefore)) {
      wait = Duration.between(now, notBefore);
    }
    Duration rate = ceiling.reserve();
    if (rate.compareTo(wait) > 0) {
      wait = rate;
    }
    long at = now.plus(wait).toEpochMilli();
    sent.addLast(at);
    return new Turn(wait, cutEpoch, turns++);
  }

  /**
   * A request's turn: wait {@code delay} before sending it; sent under cut {@code epoch}, as the
   * {@code seq}th request.
   */
  record Turn(Duration delay, long epoch, long seq) {}

  /**
   * A page of {@code returned} entries came back for a request of {@code asked} from {@code start}.
   * Fewer than asked teaches the page size: when the start is a multiple of what came back (an
   * aligned log's full page) or the same count came back twice in a row (a log that does not
   * align). A short page larger than the size learned proves the log serves at least that many,
   * and is taken at once; a smaller one only when it comes twice in a row (an aligned log answers
   * a start just before its page boundary with a few entries). A short page at the tree's end (a
   * frontend behind its head) teaches nothing.
   *
   * @param atTreeEnd whether the request reached the end of the tree being fetched
   */
  synchronized void page(long start, long asked, int returned, boolean atTreeEnd) {
    if (returned < asked && atTreeEnd) {
      return;
    }
    if (returned >= asked) {
      if (asked >= pageSize) {
        fullPagesInARow++;
      }
      if (asked > pageSize) {
        changed("pages of " + asked + " answered whole", () -> pageSize = (int) asked);
      }
      return;
    }
    fullPagesInARow = 0;
    boolean aligned = start % returned == 0;
    boolean repeated = returned == lastTruncated;
    lastTruncated = returned;
    if (!(aligned || repeated) || (pageLearned && returned == pageSize)) {
      return;
    }
    if (!pageLearned || returned > pageSize || repeated) {
      pageLearned = true;
      changed("log answered " + returned + " of " + asked + " entries: pages of " + returned,
          () -> pageSize = returned);
    }
  }

  /**
   * A request sent under {@code turn} succeeded after {@code latency}: resets the failure count
   * (unless a request sent after it failed: failures in a row are counted in the order sent) and
   * grows the window (by one per answer until the first cut, then by one per window of answers)
   * unless the answer was slow (over twice the fastest seen, plus 100 ms).
   */
  synchronized void succeeded(Turn turn, Duration latency) {
    if (turn.seq() > lastFailedTurn) {
      consecutiveFailures = 0;
      streakStartedAt = null;
    }
    long ms = latency.toMillis();
    minLatencyMillis = Math.min(minLatencyMillis, ms);
    if (ms > 2 * minLatencyMillis + 100 || window >= limits.parallelism()) {
      return;
    }
    int before = window();
    if (window < slowStartUntil) {
      window = Math.min(limits.parallelism(), window + 1);
    } else {
      window = Math.min(limits.parallelism(), window + 1.0 / window);
    }
    if (window() != before) {
      changed("answers fast and clean: " + window() + " in flight", () -> { });
    }
  }

  /**
   * A request sent under {@code turn} failed with {@code error}: counts the failure, honours its
   * {@code Retry-After} for every request to the log, and halves the window on throttling or
   * overload (429, 503, 504, timeouts and other transport failures), once per window of requests.
   *
   * @param turn the request's turn, or null for a failure outside the catch-up (a head poll)
   * @return how long to wait before asking for the same range again
   */
  synchronized Duration failed(Turn turn, RuntimeException error, Backoff backoff) {
    if (consecutiveFailures++ == 0) {
      streakStartedAt = clock.instant();
    }
    lastFailedTurn = Math.max(lastFailedTurn, turn == null ? turns - 1 : turn.seq());
    Optional<Duration> retryAfter = error instanceof LogFetchException lfe ? lfe.retryAfter() : Optional.empty();
    Duration delay = backoff.delay(consecutiveFailures, retryAfter, random);
    Instant now = clock.instant();
    if (retryAfter.isPresent()) {
      Instant until = now.plus(retryAfter.get());
      if (until.isAfter(notBefore)) {
        notBefore = until;
        holdCause = error;
      }
    }
    if (overloaded(error) && (turn == null || turn.epoch() == cutEpoch)) {
      cutEpoch++;
      double halved = Math.max(1, window / 2);
      slowStartUntil = halved;
      window = halved;
      changed(cause(error) + ": " + window() + " in flight", () -> { });
    }
    return delay;
  }

  /** Failed requests since the last success (across runs). */
  synchronized int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** When the log may be asked again ({@code Retry-After}), if that is in the future. */
  synchronized Optional<Instant> notBefore() {
    return clock.instant().isBefore(notBefore) ? Optional.of(notBefore) : Optional.empty();
  }

  /** Requests sent per second over the last 10 s. */
  synchronized double requestsPerSecond() {
    long now = clock.millis();
    long from = now - RATE_WINDOW.toMillis();
    while (!sent.isEmpty() && sent.peekFirst() < from) {
      sent.removeFirst();
    }
    return sent.size() / (double) RATE_WINDOW.toSeconds();
  }

  /** What was learned and why it last changed, for the API. */
  synchronized PaceStatus status(int inFlight) {
    return new PaceStatus(pageSize, window(), inFlight, requestsPerSecond(), lastChange, lastChangeAt,
        notBefore());
  }

  private void changed(String why, Runnable change) {
    change.run();
    lastChange = why;
    lastChangeAt = clock.instant();
  }

  private static boolean overloaded(RuntimeException e) {
    if (e instanceof LogHttpException h) {
      return h.status() == 429 || h.status() == 503 || h.status() == 504;
    }
    return e instanceof LogTransportException;
  }

  private static String cause(RuntimeException e) {
    if (e instanceof LogHttpException h) {
      return "HTTP " + h.status();
    }
    return "no answer (" + (e.getCause() == null ? e.getMessage() : e.getCause().getClass().getSimpleName()) + ")";
  }
}
