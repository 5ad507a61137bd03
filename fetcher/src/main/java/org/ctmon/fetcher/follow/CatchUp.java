package org.ctmon.fetcher.follow;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.VerifiedHead;
import org.ctmon.store.log.IncidentKind;

/**
 * The in-order pipeline of one catch-up, certspotter's download workers and sequencer in one loop:
 *
 * <pre>
 *   plan next unit ─ pace (rate limit) ─> pool: fetch (+ follow-ups) ─> decode ─> Future
 *   head-of-line Future ─> hash leaves into the range ─> pending batch
 *      ─ range at the head: roots equal? ─ no ─> LogMisbehaviourException (pending dropped)
 *      ─ pending big enough, at the head, or stop asked ─> commit
 * </pre>
 *
 * <p>At most {@code parallelism} units are in flight; results are taken strictly in index order,
 * whatever order they complete in. When a fetch fails, the entries before it are committed first,
 * then the failure is thrown. Used by one follower thread at a time.
 */
final class CatchUp {
  /** Persists a batch and notes where the log now stands. */
  interface Committer {
    void commit(IngestBatch batch, CompactRange range, Optional<VerifiedHead> verified);
  }

  private final Sha256 logId;
  private final LogSource source;
  private final ExecutorService workers;
  private final FollowerConfig config;
  private final RateLimiter limiter;
  private final Sleeper sleeper;
  private final BooleanSupplier stopRequested;

  CatchUp(Sha256 logId, LogSource source, ExecutorService workers, FollowerConfig config, RateLimiter limiter,
          Sleeper sleeper, BooleanSupplier stopRequested) {
    this.logId = logId;
    this.source = source;
    this.workers = workers;
    this.config = config;
    this.limiter = limiter;
    this.sleeper = sleeper;
    this.stopRequested = stopRequested;
  }

  /**
   * Fetches {@code [from, head size)} into {@code range} (which holds {@code [0, from)}) and commits
   * it; {@code trusted} is the last verified head, named in a root-mismatch incident.
   */
  void run(CompactRange range, long from, TreeHead head, Optional<TreeHead> trusted, Committer committer)
      throws InterruptedException {
    Deque<Future<DecodedChunk>> inflight = new ArrayDeque<>();
    long planned = from;
    PendingBatch pending = new PendingBatch(from);
    try {
      while (true) {
        while (inflight.size() < config.parallelism() && planned < head.treeSize() && !stopRequested.getAsBoolean()) {
          LogSource.FetchUnit unit = source.plan(planned, head.treeSize(), 1).get(0);
          planned = unit.end();
          // Rate-limit waits happen here, on the follower's thread, not on the shared pool.
          pace();
          inflight.addLast(workers.submit(() -> EntryBatchDecoder.decode(unit.first(), source.fetch(unit, this::pace))));
        }
        if (inflight.isEmpty()) {
          break;
        }
        DecodedChunk chunk;
        try {
          chunk = inflight.peekFirst().get();
        } catch (ExecutionException | InterruptedException e) {
          // Keep what arrived in order before the failure, then report it: the failure, not that of
          // this commit (another process may have stored the batch first), so that a 429's
          // Retry-After or an interrupt is not lost.
          RuntimeException commitFailure = null;
          if (!pending.isEmpty()) {
            try {
              committer.commit(pending.toBatch(logId, range, Optional.empty()), range, Optional.empty());
            } catch (RuntimeException c) {
              commitFailure = c;
            }
          }
          Exception failure = e instanceof InterruptedException ? e : unwrap((ExecutionException) e);
          if (commitFailure != null) {
            failure.addSuppressed(commitFailure);
          }
          if (failure instanceof InterruptedException ie) {
            throw ie;
          }
          throw (RuntimeException) failure;
        }
        inflight.removeFirst();
        for (Sha256 leaf : chunk.leafHashes()) {
          range.append(leaf);
        }
        pending.add(chunk);
        Optional<VerifiedHead> reached = Optional.empty();
        if (range.size() == head.treeSize()) {
          if (!range.root().equals(head.rootHash())) {
            // The batch that reached the bad head is dropped: the store keeps the last good position.
            throw new LogMisbehaviourException(IncidentKind.ROOT_MISMATCH, rootMismatch(source, range, head),
                trusted.orElse(null), head);
          }
          reached = Optional.of(new VerifiedHead(head.treeSize(), head.timestamp(), head.rootHash()));
        }
        boolean stop = stopRequested.getAsBoolean();
        if (reached.isPresent() || pending.size() >= config.commitEntries() || stop) {
          committer.commit(pending.toBatch(logId, range, reached), range, reached);
          pending = new PendingBatch(range.size());
        }
        if (stop || stopRequested.getAsBoolean()) {
          // Asked to stop (possibly during that commit): the batch in hand is committed first.
          if (!pending.isEmpty()) {
            committer.commit(pending.toBatch(logId, range, Optional.empty()), range, Optional.empty());
          }
          break;
        }
      }
    } finally {
      for (Future<DecodedChunk> f : inflight) {
        f.cancel(true);
      }
    }
  }

  static String rootMismatch(LogSource source, CompactRange range, TreeHead head) {
    return "entries 0-" + (range.size() - 1) + " of " + source.url() + " hash to root " + range.root().base64()
        + ", not that of " + head;
  }

  private void pace() {
    Duration wait = limiter.reserve();
    if (wait.isZero()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to fetch from " + source.url(), e);
    }
  }

  private static RuntimeException unwrap(ExecutionException e) {
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
