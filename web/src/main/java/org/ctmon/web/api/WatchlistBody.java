package org.ctmon.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.watch.IssuancePolicy;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.web.account.WatchlistLimits;

/**
 * The body of {@code POST} and {@code PUT /api/v1/watchlists}, checked whole before anything is
 * stored: items and never-issue names parsed as watch items and kept in canonical form, expected
 * issuers and known keys checked as the matcher's policy reads them. Every bad entry is reported,
 * each with its field, index, value and reason:
 * {@code {"error": "...", "items": [{"field": "items", "index": 3, "item": "...", "error": "..."}]}}.
 */
final class WatchlistBody {
  static final Set<String> FIELDS = Set.of("name", "items", "expected_issuers", "known_keys", "never_issue",
      "lookalikes", "alert_history");
  static final int MAX_NAME = 200;

  private WatchlistBody() {}

  /** The spec the body describes; throws {@link RequestRejected} listing every problem. */
  static WatchlistSpec parse(JsonBody body, CaaIssuers caa) {
    String name = body.requiredString("name", MAX_NAME).strip();
    List<String> items = body.strings("items", WatchlistLimits.MAX_ITEMS);
    List<String> issuers = body.strings("expected_issuers", WatchlistLimits.MAX_ITEMS);
    List<String> keys = body.strings("known_keys", WatchlistLimits.MAX_ITEMS);
    List<String> never = body.strings("never_issue", WatchlistLimits.MAX_ITEMS);
    boolean lookalikes = body.bool("lookalikes", false);
    boolean history = body.bool("alert_history", false);

    List<Map<String, Object>> problems = new ArrayList<>();
    List<String> canonicalItems = watchItems("items", items, problems);
    List<String> canonicalNever = watchItems("never_issue", never, problems);
    List<String> checkedIssuers = new ArrayList<>();
    for (int i = 0; i < issuers.size(); i++) {
      String s = issuers.get(i).strip();
      String error = policyError(List.of(s), List.of(), caa);
      if (error != null) {
        problems.add(problem("expected_issuers", i, issuers.get(i), error));
      } else {
        checkedIssuers.add(s.toLowerCase(Locale.ROOT).startsWith("sha256:") ? s.toLowerCase(Locale.ROOT) : s);
      }
    }
    List<String> checkedKeys = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      String s = keys.get(i).strip();
      String error = policyError(List.of(), List.of(s), caa);
      if (error != null) {
        problems.add(problem("known_keys", i, keys.get(i), error));
      } else {
        checkedKeys.add(s.toLowerCase(Locale.ROOT));
      }
    }
    if (!problems.isEmpty()) {
      throw new RequestRejected(io.javalin.http.HttpStatus.BAD_REQUEST, problems.size() + " invalid "
          + (problems.size() == 1 ? "entry" : "entries") + " in the watch list; nothing was stored",
          Map.of("items", problems));
    }
    return new WatchlistSpec(name, dedupe(canonicalItems), dedupe(checkedIssuers), dedupe(checkedKeys), lookalikes,
        dedupe(canonicalNever), history);
  }

  private static List<String> watchItems(String field, List<String> raw, List<Map<String, Object>> problems) {
    List<String> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      try {
        out.add(WatchItem.parse(raw.get(i)).text());
      } catch (IllegalArgumentException e) {
        problems.add(problem(field, i, raw.get(i), e.getMessage()));
      }
    }
    return out;
  }

  private static String policyError(List<String> issuers, List<String> keys, CaaIssuers caa) {
    try {
      IssuancePolicy.of(issuers, keys, List.of(), caa);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static Map<String, Object> problem(String field, int index, String value, String error) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("field", field);
    m.put("index", index);
    m.put("item", ApiText.clip(value));
    m.put("error", error);
    return m;
  }

  private static List<String> dedupe(List<String> l) {
    return List.copyOf(new LinkedHashSet<>(l));
  }
}
