package org.ctmon.fetcher.loglist;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of offering a freshly loaded list in place of the current one: {@link Accepted} with
 * the difference, or {@link Rejected} when the new list is older (a rollback, which could bring back
 * a log that was since distrusted).
 *
 * <p>A list is older when its {@code version} is lower or its {@code log_list_timestamp} is
 * earlier than the current one's; what either list lacks is not compared. An equal version and
 * timestamp is accepted (usually with an empty diff). Compare lists of the same publisher only:
 * Chrome's and Apple's versions are unrelated.
 */
public sealed interface LogListUpdate {

  /** The new list may replace the current one; {@code diff} goes from current to next. */
  record Accepted(LogList next, LogListDiff diff) implements LogListUpdate {}

  /** The new list must not replace the current one, for {@code reason}. */
  record Rejected(LogList next, String reason) implements LogListUpdate {}

  /** Decides whether {@code next} may replace {@code current}. */
  static LogListUpdate check(LogList current, LogList next) {
    Optional<LogListVersion> cv = current.version();
    Optional<LogListVersion> nv = next.version();
    if (cv.isPresent() && nv.isPresent() && nv.get().compareTo(cv.get()) < 0) {
      return new Rejected(next, "rejected log list from " + next.source() + ": version " + nv.get()
          + " is older than the current version " + cv.get());
    }
    Optional<Instant> ct = current.timestamp();
    Optional<Instant> nt = next.timestamp();
    if (ct.isPresent() && nt.isPresent() && nt.get().isBefore(ct.get())) {
      return new Rejected(next, "rejected log list from " + next.source() + ": log_list_timestamp "
          + nt.get() + " is older than the current " + ct.get());
    }
    return new Accepted(next, LogListDiff.between(current.logs(), next.logs()));
  }
}
