package org.ctmon.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.store.issuance.EntryRef;

/**
 * A match as DESIGN.md gives it: the issuance's search fields plus {@code verdict}, {@code reasons},
 * {@code watch_items} and {@code entries}, and the match's own {@code id}, {@code watchlist},
 * {@code historical}, {@code matched_at}, {@code acknowledged_at} (null while open) and {@code delivery}
 * (where its alerts stand: {@code none}, {@code pending}, {@code delivered}, {@code dead}).
 */
final class MatchJson {
  private MatchJson() {}

  static Map<String, Object> of(MatchView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("watchlist", v.watchlistId());
    m.putAll(IssuanceJson.summary(v.issuance()));
    m.put("verdict", v.verdict().sqlName());
    m.put("reasons", v.reasons());
    m.put("watch_items", v.watchItems());
    List<Map<String, Object>> entries = new ArrayList<>();
    for (EntryRef e : v.entries()) {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("log", e.logId().base64());
      em.put("index", e.index());
      em.put("entry_type", e.type().name().toLowerCase(Locale.ROOT));
      em.put("timestamp", e.timestampMs());
      entries.add(em);
    }
    m.put("entries", entries);
    m.put("historical", v.historical());
    m.put("matched_at", IssuanceJson.time(v.createdAt()));
    m.put("acknowledged_at", v.acknowledgedAt().map(IssuanceJson::time).orElse(null));
    m.put("delivery", v.delivery().word());
    return m;
  }
}
