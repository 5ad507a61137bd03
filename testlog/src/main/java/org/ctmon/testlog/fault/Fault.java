package org.ctmon.testlog.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One way a test log misbehaves, as a value tests can list, add and remove at runtime (see {@link
 * Faults}). "Every Nth" counts the requests (or appended entries) seen since the fault was added:
 * 1 is every one, 3 is the third, sixth, and so on.
 */
public sealed interface Fault {

  /** A short name and parameters, for command lines and logs: {@code 429/3}, {@code slow/250ms}. */
  String describe();

  /** Every Nth request is answered 429 with {@code Retry-After} (whole seconds, rounded up). */
  record RateLimited(long everyNth, Duration retryAfter) implements Fault {
    public RateLimited {
      Checks.positive(everyNth, "everyNth");
      Checks.notNegative(retryAfter, "retryAfter");
    }

    @Override
    public String describe() {
      return "429/" + everyNth;
    }
  }

  /** Every request is answered 429 with {@code Retry-After} until the log's clock reaches {@code until}. */
  record RateLimitedUntil(Instant until, Duration retryAfter) implements Fault {
    public RateLimitedUntil {
      Checks.notNegative(retryAfter, "retryAfter");
    }

    @Override
    public String describe() {
      return "429-until/" + until;
    }
  }

  /** Every Nth request is answered with {@code status} (500..599) and a short text body. */
  record ServerError(long everyNth, int status) implements Fault {
    public ServerError {
      Checks.positive(everyNth, "everyNth");
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("server error status " + status + " is not within 500..599");
      }
    }

    @Override
    public String describe() {
      return status + "/" + everyNth;
    }
  }

  /** Every request is answered after {@code delay}. */
  record Slow(Duration delay) implements Fault {
    public Slow {
      Checks.notNegative(delay, "delay");
    }

    @Override
    public String describe() {
      return "slow/" + delay.toMillis() + "ms";
    }
  }

  /** get-entries returns at most {@code maxEntries} entries, fewer than asked even when more exist. */
  record TruncatedPages(int maxEntries) implements Fault {
    public TruncatedPages {
      Checks.positive(maxEntries, "maxEntries");
    }

    @Override
    public String describe() {
      return "truncate/" + maxEntries;
    }
  }

  /**
   * Every Nth get-entries page or data tile is answered 200 with an HTML body instead (what a
   * misconfigured proxy or CDN serves).
   */
  record GarbagePages(long everyNth) implements Fault {
    public GarbagePages {
      Checks.positive(everyNth, "everyNth");
    }

    @Override
    public String describe() {
      return "garbage/" + everyNth;
    }
  }

  /**
   * After every Nth entry the log appends, it appends one {@link Damage}d entry too (hashed into the
   * tree like any other).
   */
  record DamagedEntries(long everyNth, Damage damage) implements Fault {
    public DamagedEntries {
      Checks.positive(everyNth, "everyNth");
      if (damage == null) {
        throw new IllegalArgumentException("damaged entries need a damage");
      }
    }

    @Override
    public String describe() {
      return "damaged/" + everyNth + "/" + damage.name().toLowerCase(Locale.ROOT);
    }
  }

  /** Tree heads (get-sth and checkpoint) are served with a signature that does not verify. */
  record BadTreeHeadSignature(How how) implements Fault {
    /** What is wrong with the signature. */
    public enum How {
      /** A well-formed signature over another root than the one served. */
      WRONG_ROOT,
      /** The served signature's bytes are corrupted (one byte of the ECDSA signature flipped). */
      CORRUPT_BYTES
    }

    public BadTreeHeadSignature {
      if (how == null) {
        throw new IllegalArgumentException("a bad signature fault needs a kind");
      }
    }

    @Override
    public String describe() {
      return "bad-signature/" + how.name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A split view: the log serves a forked tree that agrees with the real one on the first {@code
   * forkAt} entries and logs different bytes (timestamps one millisecond later) from there on, with
   * validly signed heads. A head of the fork at a size above {@code forkAt} is inconsistent with
   * any real head above {@code forkAt}; removing the fault serves the real tree again.
   */
  record SplitView(long forkAt) implements Fault {
    public SplitView {
      if (forkAt < 0) {
        throw new IllegalArgumentException("split view fork point " + forkAt + " is negative");
      }
    }

    @Override
    public String describe() {
      return "split-view/" + forkAt;
    }
  }

  /**
   * A forked smaller checkpoint that keeps its own tiles: while the log's tree is at most {@code
   * size} entries it serves a fork from {@code forkAt} (as {@link SplitView}, checkpoint and tiles);
   * once its real tree is larger it serves that, except the fork's partial hash tiles of tree size
   * {@code size}, which stay served under their paths. The root of the smaller checkpoint read from
   * those partial tiles is the fork's; read from the larger tree's own tiles, it is the real one.
   * Meant for static-ct-api logs (an RFC 6962 log serves no tiles).
   */
  record ForkedCheckpoint(long forkAt, long size) implements Fault {
    public ForkedCheckpoint {
      if (forkAt < 0 || size <= forkAt) {
        throw new IllegalArgumentException("forked checkpoint of size " + size + " forked at " + forkAt
            + ": the fork point must be within the checkpoint");
      }
    }

    @Override
    public String describe() {
      return "forked-checkpoint/" + forkAt + "/" + size;
    }
  }

  /**
   * A rollback: the log serves its tree cut back to the first {@code size} entries, with heads
   * signed now, as a log restored from an old backup would. A head that is newer than one the log
   * signed before and yet smaller cannot both be true with it; entries beyond {@code size} are not
   * served and no proof reaches past it. Removing the fault serves the real tree again.
   */
  record Rollback(long size) implements Fault {
    public Rollback {
      if (size < 0) {
        throw new IllegalArgumentException("rollback size " + size + " is negative");
      }
    }

    @Override
    public String describe() {
      return "rollback/" + size;
    }
  }
}
