package org.ctmon.web.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ctmon.alerts.watch.Watchlist;

/** A watch list as the API shows it: the body it was saved with, its id and creation time. */
final class WatchlistJson {
  private WatchlistJson() {}

  static Map<String, Object> of(Watchlist w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", w.id());
    m.put("name", w.spec().name());
    m.put("items", w.spec().items());
    m.put("expected_issuers", w.spec().expectedIssuers());
    m.put("known_keys", w.spec().knownKeys());
    m.put("never_issue", w.spec().neverIssue());
    m.put("lookalikes", w.spec().lookalikes());
    m.put("alert_history", w.spec().alertHistory());
    m.put("created_at", IssuanceJson.time(w.createdAt()));
    return m;
  }
}
