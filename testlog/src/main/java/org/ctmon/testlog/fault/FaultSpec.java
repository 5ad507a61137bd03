package org.ctmon.testlog.fault;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Parses the command-line form of a {@link Fault}, the same text {@link Fault#describe()} writes:
 *
 * <pre>
 *   429/N[/Ss]            every Nth request 429, Retry-After S seconds (default 1)
 *   429-until/INSTANT     every request 429 until the ISO-8601 instant
 *   5xx/N  (500/N ...)    every Nth request answered with that status
 *   slow/Dms              every request delayed D milliseconds
 *   truncate/N            get-entries pages of at most N entries
 *   garbage/N             every Nth get-entries page or data tile is HTML
 *   damaged/N/KIND        a damaged entry after every Nth appended (garbage_certificate, broken_framing, wrong_leaf_index)
 *   bad-signature/HOW     tree heads badly signed (wrong_root, corrupt_bytes)
 *   split-view/N          a forked tree from entry N on
 *   forked-checkpoint/N/S a fork from N served up to size S, its partial tiles of S kept after
 *   rollback/N            the tree cut back to its first N entries, with heads signed now
 * </pre>
 *
 * <p>Any of them followed by {@code @DELAY} ({@code 30s}, {@code 2m}, {@code 500ms}) begins that
 * long after the start, so a monitor first sees the log honest: {@code split-view/1500@30s}.
 */
public final class FaultSpec {
  private FaultSpec() {}

  /**
   * The fault {@code spec} names.
   *
   * @throws IllegalArgumentException naming the spec and what is wrong with it
   */
  public static Fault parse(String spec) {
    String[] p = spec.trim().split("/");
    try {
      String kind = p[0].toLowerCase(Locale.ROOT);
      if (kind.equals("429")) {
        Duration retry = p.length > 2 ? Duration.ofSeconds(Long.parseLong(strip(p[2], "s"))) : Duration.ofSeconds(1);
        return new Fault.RateLimited(Long.parseLong(p[1]), retry);
      }
      if (kind.equals("429-until")) {
        return new Fault.RateLimitedUntil(Instant.parse(spec.substring(spec.indexOf('/') + 1)), Duration.ofSeconds(1));
      }
      if (kind.matches("5\\d\\d")) {
        return new Fault.ServerError(Long.parseLong(p[1]), Integer.parseInt(kind));
      }
      switch (kind) {
        case "slow":
          return new Fault.Slow(Duration.ofMillis(Long.parseLong(strip(p[1], "ms"))));
        case "truncate":
          return new Fault.TruncatedPages(Integer.parseInt(p[1]));
        case "garbage":
          return new Fault.GarbagePages(Long.parseLong(p[1]));
        case "damaged":
          return new Fault.DamagedEntries(Long.parseLong(p[1]), Damage.valueOf(p[2].toUpperCase(Locale.ROOT)));
        case "bad-signature":
          return new Fault.BadTreeHeadSignature(
              Fault.BadTreeHeadSignature.How.valueOf(p.length > 1 ? p[1].toUpperCase(Locale.ROOT) : "WRONG_ROOT"));
        case "split-view":
          return new Fault.SplitView(Long.parseLong(p[1]));
        case "forked-checkpoint":
          return new Fault.ForkedCheckpoint(Long.parseLong(p[1]), Long.parseLong(p[2]));
        case "rollback":
          return new Fault.Rollback(Long.parseLong(p[1]));
        default:
          throw new IllegalArgumentException("unknown fault kind " + kind);
      }
    } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("fault '" + spec + "' is missing or has a bad parameter: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fault '" + spec + "': " + e.getMessage(), e);
    }
  }

  /** A fault spec with an optional {@code @DELAY} after which the fault begins. */
  public static LaterFault parseLater(String spec) {
    int at = spec.lastIndexOf('@');
    if (at < 0) {
      return new LaterFault(Duration.ZERO, parse(spec));
    }
    String delay = spec.substring(at + 1).trim().toLowerCase(Locale.ROOT);
    Duration after;
    try {
      if (delay.endsWith("ms")) {
        after = Duration.ofMillis(Long.parseLong(strip(delay, "ms")));
      } else if (delay.endsWith("m")) {
        after = Duration.ofMinutes(Long.parseLong(strip(delay, "m")));
      } else {
        after = Duration.ofSeconds(Long.parseLong(strip(delay, "s")));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("fault '" + spec + "': '" + delay + "' is not a delay such as 30s, 2m or 500ms");
    }
    if (after.isNegative()) {
      throw new IllegalArgumentException("fault '" + spec + "': the delay is negative");
    }
    return new LaterFault(after, parse(spec.substring(0, at)));
  }

  private static String strip(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }
}
