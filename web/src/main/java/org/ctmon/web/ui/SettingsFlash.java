package org.ctmon.web.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * What a settings POST has to tell the page it redirects to (post/redirect/get): outcomes and the
 * one-time secrets, which must never travel in a URL. Kept in memory per session, read once, for at
 * most {@link #TTL}; at most {@link #MAX_SESSIONS} sessions' notices (the oldest go first). A
 * notice is lost when the GET reaches another node or the process restarts; the secret is then
 * gone and the user creates another. Thread safe.
 */
final class SettingsFlash {
  static final Duration TTL = Duration.ofMinutes(5);
  static final int MAX_SESSIONS = 10_000;
  private static final int MAX_PER_SESSION = 20;
  private final Clock clock;
  private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();

  /**
   * One thing to tell.
   *
   * @param ok whether it is good news
   * @param text what happened
   * @param secret a value shown this once ({@code null} for none)
   */
  record Notice(boolean ok, String text, String secret) {
    Notice {
      Objects.requireNonNull(text, "text");
    }

    static Notice ok(String text) {
      return new Notice(true, text, null);
    }

    static Notice error(String text) {
      return new Notice(false, text, null);
    }

    static Notice secret(String text, String secret) {
      return new Notice(true, text, Objects.requireNonNull(secret, "secret"));
    }
  }

  private record Pending(Instant until, List<Notice> notices) {}

  SettingsFlash(Clock clock) {
    this.clock = clock;
  }

  /** Keeps a notice for the session's next {@link #take}. */
  synchronized void put(String session, Notice notice) {
    Instant now = clock.instant();
    Pending p = pending.remove(session);
    List<Notice> notices = p == null || p.until().isBefore(now) ? new ArrayList<>() : p.notices();
    if (notices.size() < MAX_PER_SESSION) {
      notices.add(notice);
    }
    pending.put(session, new Pending(now.plus(TTL), notices)); // re-inserted: newest last
    // Insertion order is expiry order: drop from the oldest while too many or expired.
    Iterator<Pending> it = pending.values().iterator();
    while (it.hasNext()) {
      Pending oldest = it.next();
      if (pending.size() <= MAX_SESSIONS && !oldest.until().isBefore(now)) {
        break;
      }
      it.remove();
    }
  }

  /** The session's notices, oldest first, removed: a reload shows none. */
  synchronized List<Notice> take(String session) {
    Pending p = pending.remove(session);
    return p == null || p.until().isBefore(clock.instant()) ? List.of() : List.copyOf(p.notices());
  }
}
