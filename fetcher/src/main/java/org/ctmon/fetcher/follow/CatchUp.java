package org.ctmon.fetcher.follow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.ctmon.fetcher.http.LogFetchException;
import org.ctmon.fetcher.http.LogResponseException;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.treehead.TreeHead;

/**
 * The in-order pipeline of one catch-up, certspotter's download workers and sequencer in one loop:
 *
 * <pre>
 *   plan units (page size, window, memory budget: {@link Pace}, {@link FetchBudget})
 *      ─ turn (Retry-After, rate ceiling) ─> pool: one request ─> decode ─> done
 *   failed request ─ retryable ─> same range again after its backoff (garbage twice: in halves)
 *   short page ─> the rest is a new unit right behind it
 *   head-of-line done ─> hash leaves into the range ─> pending batch
 *      ─ range at the head: roots equal? ─ no ─> LogMisbehaviourException (pending dropped)
 *      ─ pending big enough, at the head, or stop asked ─> commit
 * </pre>
 *
 * <p>A failed request is retried, not the run: the run ends on a failure only when it cannot be
 * retried (a 404, an entry that cannot be framed) or when its wait would be longer than {@link
 * #LONGEST_WAIT_IN_RUN} (the follower then backs off between runs, with the same failure count).
 * Entries before a failure are committed first. Waits happen on the follower's own thread, never
 * on the shared pool. Used by one follower thread at a time.
 */
final class CatchUp {
  /**
   * Persists a batch and notes where the log now stands; {@code incidents} are what the log's
   * entries in it proved about the log (a leaf_index that contradicts its position), to record.
   */
  interface Committer {
    void commit(VerifiedBatch batch, List<String> incidents, CompactRange range, Optional<TreeHead> verified);
  }

  /** Hears of failed requests that will be retried in the run. */
  interface RetryListener {
    void retrying(RuntimeException error, Duration delay);
  }

  /** Waits longer than this end the run; the follower backs off between runs instead. */
  static final Duration LONGEST_WAIT_IN_RUN = Duration.ofSeconds(30);
  /** Failed requests in a row after which the run ends anyway. */
  static final int MOST_FAILURES_IN_RUN = 10;
  /** Before any entry of the log was seen: a certificate and its chain in JSON, decoded alongside. */
  private static final long FIRST_GUESS_BYTES_PER_ENTRY = 6 << 10;

  private final Sha256 logId;
  private final LogSource source;
  private final ExecutorService workers;
  private final FollowerConfig config;
  private final FetchBudget budget;
  private final Sleeper sleeper;
  private final Clock clock;
  private final BooleanSupplier stopRequested;
  private volatile Pace pace;
  private final AtomicInteger inFlight = new AtomicInteger();
  private long bytesPerEntry = FIRST_GUESS_BYTES_PER_ENTRY;
  private Duration countedDelay;
  /** When the request that failed last is asked again, while a run waits for it. */
  private volatile Instant retryAt;

  CatchUp(Sha256 logId, LogSource source, ExecutorService workers, FollowerConfig config, Pace pace,
          FetchBudget budget, Sleeper sleeper, Clock clock, BooleanSupplier stopRequested) {
    this.logId = logId;
    this.source = source;
    this.workers = workers;
    this.config = config;
    this.pace = pace;
    this.budget = budget;
    this.sleeper = sleeper;
    this.clock = clock;
    this.stopRequested = stopRequested;
  }

  Pace pace() {
    return pace;
  }

  void pace(Pace p) {
    pace = p;
  }

  /**
   * The wait chosen for the failed request that ended the last run, if one did (it was counted in
   * the pace then); cleared by the call.
   */
  Optional<Duration> takeCountedDelay() {
    Optional<Duration> d = Optional.ofNullable(countedDelay);
    countedDelay = null;
    return d;
  }

  /**
   * Makes one request outside the catch-up (a head poll, a consistency proof, a seed) the way the
   * catch-up makes its own: a retryable failure is asked again after its backoff, on this thread,
   * while the wait is short; otherwise it is thrown, counted.
   */
  <T> T request(Supplier<T> call, RetryListener listener) throws InterruptedException {
    while (true) {
      try {
        T result = call.get();
        pace.recovered();
        return result;
      } catch (LogFetchException e) {
        if (!e.retryable()) {
          throw e;
        }
        Duration delay = pace.failed(null, e, config.backoff());
        if (delay.compareTo(LONGEST_WAIT_IN_RUN) > 0 || pace.consecutiveFailures() >= MOST_FAILURES_IN_RUN) {
          countedDelay = delay;
          throw e;
        }
        listener.retrying(e, delay);
        Instant until = clock.instant().plus(delay);
        retryAt = until;
        while (!stopRequested.getAsBoolean() && clock.instant().isBefore(until)) {
          Duration left = Duration.between(clock.instant(), until);
          sleeper.sleep(left.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : left);
        }
        retryAt = null;
        if (stopRequested.getAsBoolean()) {
          countedDelay = delay;
          throw e; // the follower records no failure for a stop
        }
      }
    }
  }

  /** When a failed request is asked again in the run in progress, if one waits (any thread). */
  Optional<Instant> retryAt() {
    Instant at = retryAt;
    return at == null || !at.isAfter(clock.instant()) ? Optional.empty() : Optional.of(at);
  }

  /** Requests in flight now (any thread). */
  int inFlight() {
    return inFlight.get();
  }

  /**
   * Fetches {@code [from, head size)} into {@code range} (which holds {@code [0, from)}) and commits
   * it; {@code trusted} is the last verified head, named in a root-mismatch incident.
   */
  void run(CompactRange range, long from, TreeHead head, Optional<TreeHead> trusted, Committer committer,
           RetryListener listener) throws InterruptedException {
    LinkedList<FetchSlot> slots = new LinkedList<>();
    LinkedBlockingQueue<FetchSlot> finished = new LinkedBlockingQueue<>();
    long size = head.treeSize();
    long planned = from;
    PendingBatch pending = new PendingBatch(from);
    int pendingKib = 0;
    try {
      while (true) {
        for (FetchSlot s; (s = finished.poll()) != null; ) {
          handleFinished(s, slots, listener);
        }
        // In index order: hash what arrived, commit when the batch is big enough or at the head.
        // A stop asked (even during a commit here) ends it: only the batch in hand is committed.
        while (!slots.isEmpty() && slots.getFirst().chunk != null && !stopRequested.getAsBoolean()) {
          FetchSlot s = slots.removeFirst();
          DecodedChunk chunk = s.chunk;
          pendingKib += keep(s, chunk);
          learnSize(chunk);
          for (Sha256 leaf : chunk.leafHashes()) {
            range.append(leaf);
          }
          pending.add(chunk);
          Optional<TreeHead> reached = Optional.empty();
          if (range.size() == size) {
            if (!range.root().equals(head.rootHash())) {
              // The batch that reached the bad head is dropped: the store keeps the last good position.
              throw new LogMisbehaviourException(LogIncident.ROOT_MISMATCH, rootMismatch(source, range, head),
                  trusted.orElse(null), head);
            }
            reached = Optional.of(new TreeHead(size, head.timestamp(), head.rootHash()));
          }
          if (reached.isPresent() || pending.size() >= config.commitEntries()) {
            committer.commit(pending.toBatch(logId, range, reached), pending.incidents(), range, reached);
            pending = new PendingBatch(range.size());
            budget.release(pendingKib);
            pendingKib = 0;
          }
        }
        if (!slots.isEmpty() && slots.getFirst().fatal != null) {
          throw new FailedRun(slots.getFirst().fatal);
        }
        if (stopRequested.getAsBoolean()) {
          break;
        }
        boolean failing = slots.stream().anyMatch(s -> s.fatal != null);
        // Plan within the window and the memory budget (nothing more once a unit failed for good).
        while (!failing && slots.size() < pace.window() && planned < size) {
          LogSource.FetchUnit unit = source.plan(planned, size, pace.nextUnitSize());
          long want = unit.size() * bytesPerEntry;
          int kib = budget.tryReserve(want);
          if (kib == 0) {
            if (!slots.isEmpty()) {
              break; // what is in flight commits and frees the budget
            }
            if (!pending.isEmpty()) {
              // Holding only uncommitted entries: commit them so the budget can go round.
              committer.commit(pending.toBatch(logId, range, Optional.empty()), pending.incidents(), range, Optional.empty());
              pending = new PendingBatch(range.size());
              budget.release(pendingKib);
              pendingKib = 0;
            }
            kib = budget.reserve(want, stopRequested);
            if (kib == 0) {
              break;
            }
          }
          slots.addLast(new FetchSlot(unit, kib, clock.instant()));
          planned = unit.end();
        }
        if (slots.isEmpty()) {
          break;
        }
        send(slots, finished, size);
        awaitEvent(slots, finished);
      }
      if (!pending.isEmpty()) {
        // Asked to stop: the batch in hand is committed first.
        committer.commit(pending.toBatch(logId, range, Optional.empty()), pending.incidents(), range, Optional.empty());
      }
    } catch (FailedRun failed) {
      // Keep what arrived in order before the failure, then report it: the failure, not that of
      // this commit (another process may have stored the batch first), so that a 429's
      // Retry-After is not lost.
      if (!pending.isEmpty()) {
        try {
          committer.commit(pending.toBatch(logId, range, Optional.empty()), pending.incidents(), range, Optional.empty());
        } catch (RuntimeException c) {
          failed.error.addSuppressed(c);
        }
      }
      throw failed.error;
    } finally {
      budget.release(pendingKib);
      for (FetchSlot s : slots) {
        // A request still running keeps its bytes until it ends (it cannot be taken back).
        s.abandonedKib = s.reservedKib;
        if (!s.state.compareAndSet(FetchSlot.RUNNING, FetchSlot.ABANDONED)) {
          budget.release(s.reservedKib);
        }
        if (s.result != null) {
          s.result.cancel(false);
        }
      }
    }
  }

  /** Thrown inside {@link #run} to end it on a failure after committing what came before. */
  private static final class FailedRun extends Exception {
    final RuntimeException error;

    FailedRun(RuntimeException error) {
      super(null, null, false, false);
      this.error = error;
    }
  }

  private void send(List<FetchSlot> slots, LinkedBlockingQueue<FetchSlot> finished, long size) {
    Instant now = clock.instant();
    int running = 0;
    for (FetchSlot s : slots) {
      if (s.result != null && s.chunk == null) {
        running++;
      }
    }
    FetchSlot failed = slots.stream().filter(s -> s.fatal != null).findFirst().orElse(null);
    for (FetchSlot s : slots) {
      if (s == failed) {
        break; // what comes after a unit that failed for good is not asked for
      }
      if (s.result != null || s.chunk != null || s.sendAt.isAfter(now) || running >= pace.window()) {
        continue;
      }
      Optional<Instant> hold = pace.notBefore();
      if (hold.isPresent() && Duration.between(now, hold.get()).compareTo(LONGEST_WAIT_IN_RUN) > 0) {
        // The log asked for a wait longer than a run waits: end the run, back off between runs.
        Duration d = Duration.between(now, hold.get());
        if (countedDelay == null || d.compareTo(countedDelay) > 0) {
          countedDelay = d;
        }
        s.fatal = pace.holdCause().orElseGet(() -> new IllegalStateException("the log asked to wait " + d));
        break;
      }
      if (s.turn == null) {
        s.turn = pace.take();
        if (!s.turn.delay().isZero()) {
          s.sendAt = now.plus(s.turn.delay());
          continue;
        }
      }
      Pace.Turn turn = s.turn;
      LogSource.FetchUnit unit = s.unit;
      boolean atEnd = unit.end() == size;
      inFlight.incrementAndGet();
      s.state.set(FetchSlot.RUNNING);
      s.result = CompletableFuture.supplyAsync(() -> {
        try {
          return fetch(unit, turn, atEnd, () -> s.state.get() == FetchSlot.RUNNING);
        } finally {
          inFlight.decrementAndGet();
          if (!s.state.compareAndSet(FetchSlot.RUNNING, FetchSlot.DONE)) {
            budget.release(s.abandonedKib); // the run ended without it
          }
        }
      }, workers);
      s.result.whenComplete((c, e) -> finished.add(s));
      running++;
    }
  }

  private DecodedChunk fetch(LogSource.FetchUnit unit, Pace.Turn turn, boolean atEnd, BooleanSupplier live) {
    long t0 = clock.millis();
    List<EntryDecoding> entries = source.fetch(unit);
    if (live.getAsBoolean()) {
      // A request whose run has ended (it failed or stopped) no longer speaks for the log's pace.
      pace.succeeded(turn, Duration.ofMillis(Math.max(0, clock.millis() - t0)));
    }
    if (source.splittable()) {
      pace.page(unit.first(), unit.size(), entries.size(), atEnd);
    }
    return EntryBatchDecoder.decode(unit.first(), entries);
  }

  private void handleFinished(FetchSlot s, LinkedList<FetchSlot> slots, RetryListener listener) {
    if (s.result == null || !slots.contains(s)) {
      return;
    }
    RuntimeException error;
    try {
      DecodedChunk chunk = s.result.join();
      s.chunk = chunk;
      if (chunk.to() < s.unit.end()) {
        // A short page: the rest of the unit is asked for right behind it.
        FetchSlot rest = new FetchSlot(new LogSource.FetchUnit(chunk.to(), s.unit.end()),
            share(s, s.unit.end() - chunk.to()), clock.instant());
        slots.add(slots.indexOf(s) + 1, rest);
        s.unit = new LogSource.FetchUnit(s.unit.first(), chunk.to());
      }
      return;
    } catch (CancellationException e) {
      return;
    } catch (CompletionException e) {
      error = unwrap(e);
    }
    s.result = null;
    Pace.Turn turn = s.turn;
    s.turn = null;
    if (error instanceof LogResponseException r && r.overCap()) {
      if (s.unit.size() == 1 || !source.splittable()) {
        s.fatal = error; // one entry over the cap: nothing smaller to ask for
        return;
      }
      // Entries too big for one page under the body cap: ask for half as many, down to one,
      // rather than fail on the same page for ever. Not the log's failure: no backoff.
      split(s, slots);
      return;
    }
    if (!(error instanceof LogFetchException f) || !f.retryable()) {
      s.fatal = error;
      return;
    }
    Duration delay = pace.failed(turn, error, config.backoff());
    if (delay.compareTo(LONGEST_WAIT_IN_RUN) > 0 || pace.consecutiveFailures() >= MOST_FAILURES_IN_RUN) {
      if (countedDelay == null || delay.compareTo(countedDelay) > 0) {
        countedDelay = delay;
      }
      s.fatal = error;
      return;
    }
    listener.retrying(error, delay);
    s.attempts++;
    s.sendAt = clock.instant().plus(delay);
    retryAt = s.sendAt;
    if (error instanceof LogResponseException && s.attempts >= 2 && s.unit.size() > 1 && source.splittable()) {
      split(s, slots); // a page that does not parse twice: in smaller pages, past a bad one
    }
  }

  /** Moves the part of {@code s}'s reservation for its last {@code entries} entries to a new slot. */
  private static int share(FetchSlot s, long entries) {
    int kib = (int) (s.reservedKib * entries / s.unit.size());
    s.reservedKib -= kib;
    return kib;
  }

  private void split(FetchSlot s, LinkedList<FetchSlot> slots) {
    long mid = s.unit.first() + s.unit.size() / 2;
    FetchSlot second = new FetchSlot(new LogSource.FetchUnit(mid, s.unit.end()), share(s, s.unit.end() - mid), s.sendAt);
    s.unit = new LogSource.FetchUnit(s.unit.first(), mid);
    slots.add(slots.indexOf(s) + 1, second);
  }

  /** Waits for a request to finish or for the next turn to come, whichever is first. */
  private void awaitEvent(List<FetchSlot> slots, LinkedBlockingQueue<FetchSlot> finished) throws InterruptedException {
    if (!finished.isEmpty()) {
      return;
    }
    int running = 0;
    Instant next = null;
    boolean pastFailed = false;
    for (FetchSlot s : slots) {
      pastFailed |= s.fatal != null;
      if (s.chunk != null) {
        continue;
      }
      if (s.result != null) {
        running++; // every request in flight counts against the window, as in send()
      } else if (!pastFailed && (next == null || s.sendAt.isBefore(next))) {
        next = s.sendAt;
      }
    }
    if (running >= pace.window()) {
      next = null; // nothing can be sent before a request finishes
    }
    Duration until = next == null ? Duration.ofSeconds(1) : Duration.between(clock.instant(), next);
    if (next != null && (until.isNegative() || until.isZero())) {
      return;
    }
    if (running > 0) {
      FetchSlot s = finished.poll(Math.max(1, Math.min(until.toMillis(), 1000)), TimeUnit.MILLISECONDS);
      if (s != null) {
        finished.put(s);
      }
      return;
    }
    if (next != null) {
      // Nothing in flight: only time passes (the sleeper, so tests drive a fake clock), in slices
      // so that a stop is heard.
      sleeper.sleep(until.compareTo(Duration.ofMillis(250)) > 0 ? Duration.ofMillis(250) : until);
    }
  }

  /** Keeps of the slot's reservation what its decoded entries hold; returns the KiB kept. */
  private int keep(FetchSlot s, DecodedChunk chunk) {
    int keepKib = (int) Math.min(s.reservedKib, (chunk.retainedBytes() + 1023) >> 10);
    budget.release(s.reservedKib - keepKib);
    s.reservedKib = 0;
    return keepKib;
  }

  /** What an entry takes in flight: three times what it keeps decoded (the JSON, then both forms). */
  private void learnSize(DecodedChunk chunk) {
    int n = chunk.leafHashes().size();
    if (n > 0) {
      long perEntry = Math.max(1024, 3 * chunk.retainedBytes() / n);
      bytesPerEntry = (bytesPerEntry * 7 + perEntry) / 8;
    }
  }

  static String rootMismatch(LogSource source, CompactRange range, TreeHead head) {
    return "entries 0-" + (range.size() - 1) + " of " + source.url() + " hash to root " + range.root().base64()
        + ", not that of " + head;
  }

  private static RuntimeException unwrap(CompletionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException("error fetching entries: " + cause, cause);
  }
}
