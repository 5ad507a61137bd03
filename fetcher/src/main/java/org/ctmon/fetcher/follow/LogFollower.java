package org.ctmon.fetcher.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.http.LogFetchException;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogProtocol;
import org.ctmon.fetcher.rfc6962.Rfc6962Client;
import org.ctmon.fetcher.tiles.IssuerCache;
import org.ctmon.fetcher.tiles.StaticCtClient;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.TreeHead;

/**
 * Follows one CT log: each {@link #runOnce()} polls the head, verifies it, and brings the store up
 * to it.
 *
 * <pre>
 *   runOnce ─ backing off? ─> return
 *      │
 *   state (LogJournal) ─ stopped? ─> return
 *      │
 *   HeadVerifier: head (get-sth | checkpoint) ─ bad signature ─> IncidentRecorder (once), back off
 *      │ verified, recorded
 *   vs largest and last verified head: same size other root | not a prefix ─> incident, STOPPED
 *      │
 *   StartSeed: new log + start at end ─> seed compact range at the head (audit path | hash tiles), commit
 *              new log + start at index n < head ─> seed compact range of [0, n) against the head, commit
 *      │
 *   CatchUp: plan [position, head) ─> requests in flight (Pace: window, page size, Retry-After;
 *      │                     FetchBudget: bytes) ─> decode on the worker pool, in any order
 *      │                     a failed request is asked again after its backoff
 *   in index order: hash leaves into the compact range ─ at head size: root must equal ─> ROOT_MISMATCH
 *      │
 *   commit to the journal every ~commitEntries entries, and at the head (carrying the verified head)
 * </pre>
 *
 * <p>Concurrency: the caller (one Quartz job per log, {@code @DisallowConcurrentExecution}) never
 * runs two {@code runOnce} of the same log at once; a lock guards it anyway (a second concurrent
 * call returns at once). {@link #stop()} and {@link #status()} may be called from any thread.
 * The worker pool is shared between logs; each follower keeps at most its window of tasks in it
 * (each one request and the decoding); every wait (Retry-After, backoff, the rate ceiling, the
 * memory budget) happens on the calling thread, never in the pool. One log's failures never touch
 * another's state.
 *
 * <p>Failures: a failed request (HTTP 429 or 5xx, no answer, a garbage body) is asked again in the
 * same run after its backoff (with jitter, never sooner than Retry-After; the wait grows with
 * failed requests in a row and resets at the first success), so a log that answers most requests
 * keeps making progress. A failure that cannot be retried (a 404, an unframeable tile), one whose
 * wait is longer than {@link CatchUp#LONGEST_WAIT_IN_RUN}, or a failed head poll ends the run: the
 * log is marked FAILING in the store and later runs return at once until the backoff has passed;
 * entries fetched in order before the failure are committed first, so nothing fetched is lost. A
 * head whose signature does not verify is stored with an incident (once per head) and backed off
 * from like a failure: it proves nothing about the log. Misbehaviour the log's key signed (root
 * mismatch, inconsistent heads, a rollback) is stored as an incident with both heads, the log is
 * set STOPPED and is not advanced again until an operator clears the status ({@code ctmon
 * resume}); the batch that reached the bad head is not committed.
 *
 * <p>Wiring (the application): one {@code LogFollower} per followed {@link CtLog}, all sharing one
 * {@code OkHttpClient}, one {@link LogJournal} (over the store: batches go to Ingest plus the
 * matcher in one transaction) and one worker pool; a Quartz job per log calls {@link #runOnce()}
 * every poll interval; {@link #status()} feeds {@code GET /api/v1/logs}; on shutdown call {@link #stop()} on
 * every follower, then wait for the running jobs. Until the first run, the status shows position
 * 0 and no head.
 */
public final class LogFollower {
  private final CtLog log;
  private final Sha256 logId;
  private final LogSource source;
  private final LogJournal journal;
  private final FollowerConfig config;
  private final Clock clock;
  private final CatchUp catchUp;
  private final Progress progress;
  private final ReentrantLock running = new ReentrantLock();
  private final AtomicBoolean stopRequested = new AtomicBoolean();

  private final IncidentRecorder incidentRecorder;
  private final HeadVerifier heads;
  private final StartSeed startSeed;

  // Written under the lock, read by status() from any thread.
  private volatile TreeHead latestHead;
  private volatile long position;
  private volatile TreeHead verified;
  private volatile FollowerHealth health = FollowerHealth.OK;
  private volatile String lastError;
  private volatile Instant lastErrorAt;
  private volatile Instant nextAttempt;

  /**
   * A follower of {@code log} on the system sleeper and a default random source, with a memory
   * budget of its own ({@link FetchBudget#DEFAULT_BYTES}): an application following several logs
   * passes one shared budget instead.
   *
   * @see #LogFollower(CtLog, OkHttpClient, LogJournal, ExecutorService, FetchBudget,
   *     FollowerConfig, Clock, RandomGenerator, Sleeper)
   */
  public LogFollower(CtLog log, OkHttpClient http, LogJournal journal, ExecutorService workers,
                     FollowerConfig config, Clock clock) {
    this(log, http, journal, workers, new FetchBudget(FetchBudget.DEFAULT_BYTES), config, clock);
  }

  /** A follower of {@code log} sharing {@code budget}, on the system sleeper and a default random source. */
  public LogFollower(CtLog log, OkHttpClient http, LogJournal journal, ExecutorService workers,
                     FetchBudget budget, FollowerConfig config, Clock clock) {
    this(log, http, journal, workers, budget, config, clock, RandomGenerator.getDefault(), Sleeper.SYSTEM);
  }

  /**
   * A follower of {@code log}.
   *
   * @param log the log, from the log list (its key verifies every head)
   * @param http the shared client ({@link org.ctmon.fetcher.http.HttpConfig#newClient()}, with a
   *     User-Agent naming a contact)
   * @param journal where the log's state, batches (in index order), tree-head evidence, incidents
   *     and status are kept; the log is registered on the first run if it is not yet
   * @param workers the pool shared by all followers for fetching and decoding (bounded; owned by
   *     the caller)
   * @param budget the bytes all followers together may hold fetched and not yet committed
   * @param config ceilings of page size, requests in flight and rate; start position, backoff
   * @param clock time for backoff, the rate limiter and status ages
   * @param random jitter of the backoff
   * @param sleeper how the follower waits for a retry or its next turn when nothing is in flight
   */
  public LogFollower(CtLog log, OkHttpClient http, LogJournal journal, ExecutorService workers,
                     FetchBudget budget, FollowerConfig config, Clock clock, RandomGenerator random,
                     Sleeper sleeper) {
    this.log = log;
    this.logId = log.logId();
    this.source = sourceFor(log, http, clock, config);
    this.journal = journal;
    this.config = config;
    this.clock = clock;
    // Static logs serve whole data tiles: their page size is the tile's, whatever the ceiling.
    FollowerConfig limits = source.splittable() ? config
        : config.withFetching(256, config.parallelism(), config.requestsPerSecond());
    this.catchUp = new CatchUp(logId, source, workers, config, new Pace(limits, clock, random), budget, sleeper,
        clock, stopRequested::get);
    this.progress = new Progress(clock);
    this.incidentRecorder = new IncidentRecorder(logId, source.url(), journal, clock, () -> verified);
    this.heads = new HeadVerifier(logId, source, journal, catchUp, incidentRecorder, clock);
    this.startSeed = new StartSeed(logId, source, catchUp, config.startAt());
  }

  private static LogSource sourceFor(CtLog log, OkHttpClient http, Clock clock, FollowerConfig config) {
    if (log.protocol() instanceof LogProtocol.Rfc6962) {
      return new Rfc6962Source(new Rfc6962Client(http, log, clock));
    }
    if (log.protocol() instanceof LogProtocol.StaticCt) {
      // Issuers are not fetched (facts come from the TileLeaf), so the cache stays small.
      return new StaticSource(new StaticCtClient(http, log, clock, new IssuerCache(16)), LogKey.fromDer(log.key()));
    }
    throw new AssertionError("unknown protocol " + log.protocol());
  }

  /** The log followed. */
  public CtLog log() {
    return log;
  }

  /**
   * One step: poll the head and catch up to it. Returns at once while backing off, when the log is
   * stopped, after {@link #stop()}, or when another run of this follower is in progress. Never
   * throws for a log's failures (they become the status); store failures while recording status
   * are swallowed into the status too.
   */
  public void runOnce() {
    if (!running.tryLock()) {
      return;
    }
    try {
      if (stopRequested.get()) {
        return;
      }
      Instant retry = nextAttempt;
      if (retry != null && clock.instant().isBefore(retry)) {
        return;
      }
      FollowState state;
      try {
        state = journal.state(log);
      } catch (RuntimeException e) {
        fail(e);
        return;
      }
      position = state.nextIndex();
      verified = state.verified().orElse(null);
      if (state.status() == FollowerHealth.STOPPED) {
        health = FollowerHealth.STOPPED;
        lastError = state.lastError().orElse("stopped");
        heads.forgetLargestHead();
        return;
      }
      try {
        follow(state);
        if (health != FollowerHealth.STOPPED) {
          succeed(state);
        }
      } catch (LogMisbehaviourException e) {
        misbehaved(e);
      } catch (PositionTakenException e) {
        if (e.storedIndex() > position) {
          // Another follower of this log (another ctmon on the same PostgreSQL database) committed
          // past this batch's start first. Nothing of the batch was written; the next run starts
          // from the stored position. Neither the log nor the store failed: no backoff, no error.
          position = e.storedIndex();
          catchUp.pace().recovered();
          nextAttempt = null;
          health = FollowerHealth.OK;
        } else {
          fail(e); // the stored position went back (a restored database?): no race, report it
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        if (!stopRequested.get()) {
          fail(e); // a run cut short by stop() is no failure of the log
        }
      }
    } finally {
      catchUp.takeCountedDelay();
      running.unlock();
    }
  }

  /**
   * Waits until no run is in progress, so that after {@link #stop()} another follower of the same
   * log can start without two runs of one log at once.
   *
   * @return false if a run was still in progress after {@code timeout}
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    if (!running.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return false;
    }
    running.unlock();
    return true;
  }

  /**
   * Carries over what {@code previous}, a stopped follower of the same log, knew that the store
   * does not: when to try again after failures (Retry-After included), the failure count, the last
   * error, the latest head and the pace learned of the log (within this follower's ceilings). Call
   * before the first run.
   *
   * @throws IllegalArgumentException when {@code previous} follows another log
   */
  public void continueFrom(LogFollower previous) {
    if (!previous.logId.equals(logId)) {
      throw new IllegalArgumentException("a follower of " + previous.logId.base64() + " cannot continue " + logId.base64());
    }
    nextAttempt = previous.nextAttempt;
    catchUp.pace(previous.catchUp.pace().withLimits(catchUp.pace().limits()));
    lastError = previous.lastError;
    lastErrorAt = previous.lastErrorAt;
    progress.continueFrom(previous.progress);
    latestHead = previous.latestHead;
    heads.continueFrom(previous.heads);
    position = previous.position;
    verified = previous.verified;
    if (previous.health != FollowerHealth.STOPPED) {
      health = previous.health;
    }
  }

  /** How this follower fetches. */
  public FollowerConfig config() {
    return config;
  }

  /**
   * Asks the follower to stop: a run in progress commits the batch in hand and returns; later runs
   * do nothing. Thread safe; does not wait.
   */
  public void stop() {
    stopRequested.set(true);
  }

  /** Whether {@link #stop()} was called. */
  public boolean stopRequested() {
    return stopRequested.get();
  }

  /** A snapshot for the API; thread safe, never blocks on a run. */
  public FollowerStatus status() {
    Instant now = clock.instant();
    TreeHead head = latestHead;
    TreeHead v = verified;
    long pos = position;
    Instant retry = nextAttempt;
    FollowerHealth h = health;
    if (h == FollowerHealth.BACKING_OFF && (retry == null || !now.isBefore(retry))) {
      h = FollowerHealth.FAILING;
    }
    Pace pace = catchUp.pace();
    int failures = pace.consecutiveFailures();
    Optional<Instant> since = pace.failingSince();
    Optional<Instant> moved = progress.last();
    if (h == FollowerHealth.OK && running.isLocked() && failures >= 2 && since.isPresent()
        && (moved.isEmpty() || moved.get().isBefore(since.get()))) {
      // Retrying within a run, failed requests in a row and nothing committed since they began.
      h = FollowerHealth.BACKING_OFF;
      retry = catchUp.retryAt().or(pace::notBefore).orElse(null);
    }
    if (stopRequested.get() && h != FollowerHealth.STOPPED) {
      h = FollowerHealth.STOPPED;
    }
    long lag = head == null ? 0 : Math.max(0, head.treeSize() - pos);
    Optional<Duration> age = v == null ? Optional.empty()
        : Optional.of(Duration.ofMillis(Math.max(0, now.toEpochMilli() - v.timestamp())));
    return new FollowerStatus(logId, log.description(), source.protocolName(), source.url(),
        Optional.ofNullable(head), pos, lag, Optional.ofNullable(v), age, h, Optional.ofNullable(lastError),
        Optional.ofNullable(lastErrorAt), h == FollowerHealth.BACKING_OFF ? Optional.ofNullable(retry)
            : Optional.empty(), failures, config, pace.status(catchUp.inFlight()), progress.entriesPerSecond(),
        progress.last());
  }

  private void follow(FollowState state) throws InterruptedException {
    HeadPoll poll = catchUp.request(source::pollHead, this::retrying);
    TreeHead head = poll.head();
    latestHead = head;
    Optional<TreeHead> v = state.verified();
    if (!heads.mayAdvance(poll, v, this::retrying)) {
      return;
    }
    Optional<CompactRange> start = startSeed.rangeFor(state, head, this::commit, this::retrying);
    if (start.isEmpty()) {
      return;
    }
    CompactRange range = start.get();
    long pos = range.size();
    if (head.treeSize() < pos) {
      return;
    }
    if (head.treeSize() == pos) {
      if (pos > 0 && !range.root().equals(head.rootHash())) {
        throw new LogMisbehaviourException(LogIncident.ROOT_MISMATCH, CatchUp.rootMismatch(source, range, head),
            v.orElse(null), head);
      }
      if (pos > 0 && (v.isEmpty() || head.timestamp() > v.get().timestamp())) {
        commit(new PendingBatch(pos).toBatch(logId, range, Optional.of(head)), List.of(), range,
            Optional.of(head));
      }
      return;
    }
    catchUp.run(range, pos, head, v, this::commit, this::retrying);
  }

  private void commit(VerifiedBatch batch, List<String> incidents, CompactRange range, Optional<TreeHead> v) {
    journal.commit(batch);
    // After the entries: they are stored (flagged) whatever the log did; the incident is for the operator.
    incidentRecorder.entriesInconsistent(incidents);
    position = range.size();
    progress.at(position);
    if (health != FollowerHealth.STOPPED) {
      health = FollowerHealth.OK; // moving again: a failure before this run no longer describes the log
      nextAttempt = null;
    }
    v.ifPresent(h -> verified = h);
  }

  private void succeed(FollowState state) {
    catchUp.pace().recovered();
    nextAttempt = null;
    health = FollowerHealth.OK;
    if (state.status() != FollowerHealth.OK) {
      journal.setStatusUnlessStopped(logId, FollowerHealth.OK, null);
    }
  }

  /** A request that failed in a run and will be asked again: reported, the run goes on. */
  private void retrying(RuntimeException e, Duration delay) {
    lastError = e.getMessage();
    lastErrorAt = clock.instant();
  }

  private void fail(RuntimeException e) {
    // A request that ended the run counted itself and chose its wait; anything else counts now.
    Optional<Duration> counted = catchUp.takeCountedDelay();
    Duration delay = counted.orElseGet(() -> catchUp.pace().failed(null, e, config.backoff()));
    catchUp.pace().countAtLeastOneFailure();
    nextAttempt = clock.instant().plus(delay);
    String message = e instanceof LogFetchException || e instanceof UnverifiedTreeHeadException ? e.getMessage()
        : "error following " + source.url() + ": " + e.getMessage();
    lastError = message;
    lastErrorAt = clock.instant();
    health = FollowerHealth.BACKING_OFF;
    try {
      journal.setStatusUnlessStopped(logId, FollowerHealth.FAILING, message);
    } catch (RuntimeException storeDown) {
      lastError = message + " (and recording the status failed: " + storeDown.getMessage() + ")";
    }
  }

  private void misbehaved(LogMisbehaviourException e) {
    try {
      incidentRecorder.misbehaved(e);
      stopLog(e.getMessage());
    } catch (RuntimeException storeDown) {
      // The evidence could not be stored: do not advance, try again (the log is still misbehaving).
      fail(storeDown);
    }
  }

  private void stopLog(String detail) {
    journal.setStatus(logId, FollowerHealth.STOPPED, detail);
    health = FollowerHealth.STOPPED;
    lastError = detail;
    lastErrorAt = clock.instant();
  }

  @Override
  public String toString() {
    return "LogFollower[" + log.description() + " at " + source.url() + "]";
  }
}
