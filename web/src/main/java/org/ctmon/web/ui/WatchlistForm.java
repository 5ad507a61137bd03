package org.ctmon.web.ui;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.watch.IssuancePolicy;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.WatchListFile;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.web.account.WatchlistLimits;

/**
 * The watch-list form (new or edit) as typed, and what is wrong with it, field by field. Items are read
 * as a certspotter watch-list file (one per line, {@code #} comments); expected issuers and known
 * keys are checked as the matcher's policy reads them. Only a form without errors gives a spec.
 *
 * @param errors field name ({@code name}, {@code items}, {@code expected_issuers}, {@code known_keys},
 *     {@code never_issue}) to its messages
 */
record WatchlistForm(String name, String items, String expectedIssuers, String knownKeys, String neverIssue,
                     boolean lookalikes, boolean alertHistory, Map<String, List<String>> errors) {
  static final int MAX_NAME = 200;
  private static final int MAX_TEXT = 1_000_000;

  static WatchlistForm empty() {
    return new WatchlistForm("", "", "", "", "", false, false, Map.of());
  }

  /** The form filled with a stored list, for editing. */
  static WatchlistForm of(org.ctmon.alerts.watch.WatchlistSpec spec) {
    return new WatchlistForm(spec.name(), String.join("\n", spec.items()), String.join("\n", spec.expectedIssuers()),
        String.join("\n", spec.knownKeys()), String.join("\n", spec.neverIssue()), spec.lookalikes(),
        spec.alertHistory(), Map.of());
  }

  /** The form's fields from the request, checked. */
  static WatchlistForm read(Context ctx, CaaIssuers caa) {
    String name = field(ctx, "name");
    String items = field(ctx, "items");
    String issuers = field(ctx, "expected_issuers");
    String keys = field(ctx, "known_keys");
    String never = field(ctx, "never_issue");
    boolean lookalikes = ctx.formParam("lookalikes") != null;
    boolean history = ctx.formParam("alert_history") != null;
    Map<String, List<String>> errors = new LinkedHashMap<>();
    String n = name.strip();
    if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
      add(errors, "name", "a name has 1.." + MAX_NAME + " characters and no control characters");
    }
    if (items.length() > MAX_TEXT || issuers.length() > MAX_TEXT || keys.length() > MAX_TEXT
        || never.length() > MAX_TEXT || name.length() > 10 * MAX_NAME) {
      add(errors, "items", "the form is too large: at most " + MAX_TEXT + " characters a field");
      return new WatchlistForm(clip(name), clip(items), clip(issuers), clip(keys), clip(never), lookalikes, history,
          errors);
    }
    WatchListFile.Parsed parsed = WatchListFile.parse(items);
    for (WatchListFile.LineError e : parsed.errors()) {
      add(errors, "items", "line " + e.line() + ": " + e.message());
    }
    if (parsed.errors().isEmpty() && parsed.items().isEmpty()) {
      add(errors, "items", "give at least one item: .example.com (the name and its subdomains), www.example.org,"
          + " 192.0.2.0/24");
    }
    if (parsed.items().size() > WatchlistLimits.MAX_ITEMS) {
      add(errors, "items", "a watch list holds at most " + WatchlistLimits.MAX_ITEMS + " items");
    }
    for (String line : lines(issuers)) {
      if (line.length() > 300) {
        add(errors, "expected_issuers", "an expected issuer has at most 300 characters");
        continue;
      }
      policyError(List.of(line), List.of(), caa).ifPresent(m -> add(errors, "expected_issuers", m));
    }
    for (String line : lines(keys)) {
      if (line.length() > 300) {
        add(errors, "known_keys", "a known key is 64 hexadecimal digits");
        continue;
      }
      policyError(List.of(), List.of(line), caa).ifPresent(m -> add(errors, "known_keys", m));
    }
    WatchListFile.Parsed neverParsed = WatchListFile.parse(never);
    for (WatchListFile.LineError e : neverParsed.errors()) {
      add(errors, "never_issue", "line " + e.line() + ": " + e.message());
    }
    if (neverParsed.items().size() > WatchlistLimits.MAX_ITEMS) {
      add(errors, "never_issue", "a watch list holds at most " + WatchlistLimits.MAX_ITEMS + " never-issue names");
    }
    return new WatchlistForm(name, items, issuers, keys, never, lookalikes, history, errors);
  }

  /** A field too large to keep is shown cut, so the answer stays small. */
  private static String clip(String s) {
    return s.length() > 10_000 ? s.substring(0, 10_000) : s;
  }

  /** The watch list to store; only for a form without errors. */
  WatchlistSpec spec(CaaIssuers caa) {
    if (!errors.isEmpty()) {
      throw new IllegalStateException("the form has errors: " + errors);
    }
    List<String> canonical = WatchListFile.parse(items).items().stream().map(WatchItem::text).toList();
    List<String> issuers = lines(expectedIssuers).stream()
        .map(s -> s.toLowerCase(Locale.ROOT).startsWith("sha256:") ? s.toLowerCase(Locale.ROOT) : s).toList();
    List<String> keys = lines(knownKeys).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    List<String> never = WatchListFile.parse(neverIssue).items().stream().map(WatchItem::text).toList();
    return new WatchlistSpec(name.strip(), dedupe(canonical), dedupe(issuers), dedupe(keys), lookalikes, dedupe(never),
        alertHistory);
  }

  /** The form with one more error (the store refused the name). */
  WatchlistForm withError(String field, String message) {
    Map<String, List<String>> e = new LinkedHashMap<>(errors);
    e.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
    return new WatchlistForm(name, items, expectedIssuers, knownKeys, neverIssue, lookalikes, alertHistory, e);
  }

  /** This field's messages, none when it is fine (for the template). */
  List<String> errorsOf(String field) {
    return errors.getOrDefault(field, List.of());
  }

  private static Optional<String> policyError(List<String> issuers, List<String> keys, CaaIssuers caa) {
    try {
      IssuancePolicy.of(issuers, keys, List.of(), caa);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\r\n|\r|\n")) {
      String s = l.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        out.add(s);
      }
    }
    return out;
  }

  private static String field(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v;
  }

  private static void add(Map<String, List<String>> errors, String field, String message) {
    errors.computeIfAbsent(field, k -> new ArrayList<>()).add(message);
  }

  private static List<String> dedupe(List<String> l) {
    return List.copyOf(new LinkedHashSet<>(l));
  }
}
