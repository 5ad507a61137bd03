package org.ctmon.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ctmon.alerts.watch.Hit;
import org.ctmon.alerts.watch.Matcher;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.WatchTarget;
import org.ctmon.alerts.watch.WatchlistSpec;

/**
 * "Test a name": which items of a watch list a certificate for this name (or address) would
 * match, and why, as the real {@link Matcher} decides: each item is given to it as a target of its
 * own so every hit names its item, and the whole list once more when it reports lookalikes.
 * Never-issue names are checked the same way.
 *
 * @param name the name as tested (stripped, lower case)
 * @param matches whether a certificate for it would be reported by this list
 * @param hits the items it matches, each with why
 * @param lookalike why it looks like one of the list's domains (lookalike lists only), or empty
 * @param neverIssue the never-issue items it matches: any certificate for it is unexpected
 */
public record NameTest(String name, boolean matches, List<ItemHit> hits, List<String> lookalike,
                       List<String> neverIssue) {
  /** Longest name accepted: a DNS name has at most 253 characters; a little room for a wildcard or dot. */
  public static final int MAX_NAME = 300;

  /** One matched item and why it matched, in words. */
  public record ItemHit(String item, String why) {}

  /**
   * Tests {@code raw} against {@code spec}.
   *
   * @throws IllegalArgumentException when {@code raw} is empty, too long, or holds spaces or control
   *     characters (no certificate names such a thing)
   */
  public static NameTest of(WatchlistSpec spec, String raw) {
    String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(c -> Character.isWhitespace(c)
        || Character.isISOControl(c))) {
      throw new IllegalArgumentException("name must be a DNS name or IP address of 1.." + MAX_NAME
          + " characters without spaces, e.g. www.example.com");
    }
    List<WatchItem> items = parse(spec.items());
    List<WatchItem> never = parse(spec.neverIssue());
    List<WatchTarget> targets = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      targets.add(new WatchTarget(i, 0, List.of(items.get(i)), false));
    }
    for (int i = 0; i < never.size(); i++) {
      targets.add(new WatchTarget(items.size() + i, 0, List.of(never.get(i)), false));
    }
    long whole = items.size() + never.size();
    if (spec.lookalikes()) {
      targets.add(new WatchTarget(whole, 0, items, true));
    }
    List<Hit> found = Matcher.of(targets).match(List.of(name), List.of(name));
    List<ItemHit> hits = new ArrayList<>();
    List<String> neverHits = new ArrayList<>();
    List<String> lookalike = new ArrayList<>();
    for (Hit h : found) {
      if (h.watchlistId() == whole) {
        if (h.lookalikeOnly()) {
          lookalike.addAll(h.lookalikeReasons());
        }
      } else if (h.watchlistId() < items.size()) {
        WatchItem item = items.get((int) h.watchlistId());
        hits.add(new ItemHit(item.text(), why(item, name)));
      } else {
        neverHits.add(never.get((int) (h.watchlistId() - items.size())).text());
      }
    }
    return new NameTest(name, !hits.isEmpty() || !lookalike.isEmpty(), hits, lookalike, neverHits);
  }

  /** As the API answers it. */
  public Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("matches", matches);
    List<Map<String, Object>> h = new ArrayList<>();
    for (ItemHit i : hits) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("item", i.item());
      x.put("why", i.why());
      h.add(x);
    }
    m.put("items", h);
    m.put("lookalike", lookalike);
    m.put("never_issue", neverIssue);
    return m;
  }

  private static List<WatchItem> parse(List<String> texts) {
    List<WatchItem> out = new ArrayList<>();
    for (String t : texts) {
      out.add(WatchItem.parse(t)); // stored items were parsed when saved
    }
    return out;
  }

  private static String why(WatchItem item, String name) {
    boolean wild = name.contains("*") || name.contains("?");
    if (item instanceof WatchItem.DomainTree d) {
      if (name.equals(d.domain())) {
        return "it is " + d.domain() + " itself, which " + d.text() + " watches with every name under it";
      }
      return wild ? "a wildcard or redacted label could stand for a name under " + d.domain()
          : "it is under " + d.domain() + ", and " + d.text() + " watches every name under it";
    } else if (item instanceof WatchItem.ExactName e) {
      return wild ? "a wildcard or redacted label could stand for " + e.name() : "it is exactly this watched name";
    } else if (item instanceof WatchItem.IpAddress) {
      return "it is this watched address";
    } else if (item instanceof WatchItem.IpRange r) {
      return "it is an address in " + r.text();
    }
    throw new AssertionError("unknown watch item " + item);
  }
}
