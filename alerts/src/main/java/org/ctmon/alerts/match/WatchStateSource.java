package org.ctmon.alerts.match;

import java.time.Clock;
import java.util.List;
import org.ctmon.alerts.watch.CaaIssuers;
import org.jdbi.v3.core.Jdbi;

/**
 * The current {@link WatchState}, reloaded when watch lists, channels or authorizations change, so
 * changes apply without a restart. A watch-list save calls {@link #refresh()}; channels and
 * authorizations are noticed by {@link #refreshIfChanged()}, which costs one small query and is
 * meant to run every few seconds. Thread safe; batches keep matching against the old state while
 * a new one loads.
 */
public final class WatchStateSource {
  private static final String FINGERPRINT = "SELECT"
      + " (SELECT COUNT(*) FROM watchlists) + 0 AS w,"
      + " (SELECT COALESCE(MAX(id), 0) FROM watchlists) AS wid,"
      + " (SELECT COUNT(*) FROM webhooks WHERE enabled) AS h,"
      + " (SELECT COALESCE(MAX(id), 0) FROM webhooks) AS hid,"
      + " (SELECT COUNT(*) FROM email_recipients) AS r,"
      + " (SELECT COALESCE(MAX(id), 0) FROM email_recipients) AS rid,"
      + " (SELECT COUNT(*) FROM authorizations) AS a,"
      + " (SELECT COALESCE(MAX(id), 0) FROM authorizations) AS aid,"
      + " (SELECT COUNT(*) FROM accounts WHERE disabled) AS d";

  private final Jdbi jdbi;
  private final Clock clock;
  private final CaaIssuers caa;
  private final Object loading = new Object();
  private volatile WatchState current = WatchState.EMPTY;
  private volatile List<Long> fingerprint = List.of();

  public WatchStateSource(Jdbi jdbi, Clock clock, CaaIssuers caa) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.caa = caa;
  }

  /** Loads the state now (call once at start, and after a watch list is saved or deleted). */
  public void refresh() {
    synchronized (loading) {
      List<Long> f = fingerprint();
      current = WatchState.load(jdbi, clock, caa);
      fingerprint = f;
    }
  }

  /** Reloads when channels, authorizations or lists were added, removed or switched since the last load. */
  public void refreshIfChanged() {
    if (!fingerprint().equals(fingerprint)) {
      refresh();
    }
  }

  /** How many watch lists the current state holds. */
  public int watchLists() {
    return current.lists().size();
  }

  WatchState current() {
    return current;
  }

  CaaIssuers caa() {
    return caa;
  }

  private List<Long> fingerprint() {
    return jdbi.withHandle(h -> h.createQuery(FINGERPRINT).map((rs, ctx) -> {
      Long[] v = new Long[9];
      for (int i = 0; i < v.length; i++) {
        v[i] = rs.getLong(i + 1);
      }
      return List.of(v);
    }).one());
  }
}
