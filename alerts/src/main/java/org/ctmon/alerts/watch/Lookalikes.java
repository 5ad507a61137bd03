package org.ctmon.alerts.watch;

import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.parser.x509.DnsName;

/**
 * Names that imitate a watched domain: homoglyph IDNs, one-typo labels and labels that embed the
 * watched label. Every check is a hash lookup of something derived from the candidate name
 * (its skeleton, its tokens, the single deletions of its tokens), never a scan of the watched
 * labels, so cost per name does not grow with the number of watch lists.
 *
 * <p>The registrable label is the one left of the public suffix, taken as the last label or the
 * last two for a short list of well-known second-level suffixes ({@code co.uk}): a heuristic, not
 * the Public Suffix List.
 */
final class Lookalikes {
  static final int MIN_CONTAINS = 4;
  static final int MIN_TYPO = 5;
  private static final Set<String> SECOND_LEVEL = Set.of(
      "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "com.au", "net.au", "org.au",
      "co.jp", "ne.jp", "or.jp", "com.br", "com.cn", "com.mx", "co.nz", "co.za", "co.in", "com.tr",
      "co.kr", "com.ar", "com.sg", "com.hk", "com.tw", "co.il");
  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();

  /** A watched registrable domain of one target. */
  record Watched(int target, String label, String domain) {}

  private final Map<String, List<Watched>> byLabel;
  private final Map<String, List<Watched>> byDeletion;
  private final Map<String, List<Watched>> bySwapForm;
  private final Map<String, List<Watched>> bySkeleton;

  private Lookalikes(Builder b) {
    this.byLabel = b.byLabel;
    this.byDeletion = b.byDeletion;
    this.bySwapForm = b.bySwapForm;
    this.bySkeleton = b.bySkeleton;
  }

  /** Collects the watched domains of the targets that want lookalikes. */
  static final class Builder {
    private final Map<String, List<Watched>> byLabel = new HashMap<>();
    private final Map<String, List<Watched>> byDeletion = new HashMap<>();
    private final Map<String, List<Watched>> bySwapForm = new HashMap<>();
    private final Map<String, List<Watched>> bySkeleton = new HashMap<>();
    private final Set<Watched> seen = new java.util.HashSet<>();

    void watch(int target, String name) {
      String[] labels = name.split("\\.");
      int reg = registrableIndex(labels);
      if (reg < 0) {
        return; // a bare suffix such as .com has nothing to imitate
      }
      String domain = String.join(".", java.util.Arrays.copyOfRange(labels, reg, labels.length));
      Watched w = new Watched(target, labels[reg], domain);
      if (!seen.add(w)) {
        return;
      }
      bySkeleton.computeIfAbsent(skeleton(domain), k -> new ArrayList<>()).add(w);
      if (w.label().length() >= MIN_CONTAINS) {
        byLabel.computeIfAbsent(w.label(), k -> new ArrayList<>()).add(w);
      }
      if (w.label().length() >= MIN_TYPO) {
        add(byDeletion, w.label(), w);
        for (String d : deletions(w.label())) {
          add(byDeletion, d, w);
        }
        bySwapForm.computeIfAbsent(swapForm(w.label()), k -> new ArrayList<>()).add(w);
      }
    }

    private static void add(Map<String, List<Watched>> map, String key, Watched w) {
      List<Watched> list = map.computeIfAbsent(key, k -> new ArrayList<>());
      if (!list.contains(w)) {
        list.add(w);
      }
    }

    /** The index, or null when no target wants lookalikes. */
    Lookalikes build() {
      return seen.isEmpty() ? null : new Lookalikes(this);
    }
  }

  /**
   * Reports to {@code acc} every target (other than those {@code name} already hit) whose
   * watched domains {@code name} imitates. {@code name} is lower-case without a trailing dot.
   */
  void check(String name, Matcher.Acc acc) {
    String n = name.startsWith("*.") ? name.substring(2) : name;
    String[] labels = n.split("\\.");
    int reg = registrableIndex(labels);
    if (reg < 0) {
      return;
    }
    if (n.contains("xn--")) {
      String domain = String.join(".", java.util.Arrays.copyOfRange(labels, reg, labels.length));
      String unicode = DnsName.of(domain).unicode();
      if (!unicode.equals(domain)) {
        report(bySkeleton.get(skeleton(unicode)), n, acc, w -> "homoglyph of " + w.domain());
      }
    }
    for (int i = 0; i < labels.length; i++) {
      String label = labels[i].startsWith("xn--") ? DnsName.of(labels[i]).unicode() : labels[i];
      boolean registrable = i == reg;
      if (label.indexOf('-') >= 0) {
        checkToken(label, registrable, n, acc);
      }
      int start = 0;
      for (int j = 0; j <= label.length(); j++) {
        if (j == label.length() || label.charAt(j) == '-') {
          if (j > start) {
            checkToken(label.substring(start, j), registrable, n, acc);
          }
          start = j + 1;
        }
      }
    }
  }

  private void checkToken(String token, boolean registrable, String name, Matcher.Acc acc) {
    if (token.length() >= MIN_CONTAINS) {
      report(byLabel.get(token), name, acc, w -> "contains " + w.label());
    }
    if (!registrable || token.length() < MIN_TYPO - 1) {
      return;
    }
    java.util.function.Function<Watched, String> typo = w -> "one typo from " + w.label();
    reportTypo(byDeletion.get(token), token, name, acc);
    for (String d : deletions(token)) {
      reportTypo(byDeletion.get(d), token, name, acc);
    }
    List<Watched> swapped = bySwapForm.get(swapForm(token));
    if (swapped != null) {
      for (Watched w : swapped) {
        if (!w.label().equals(token)) {
          report(List.of(w), name, acc, typo);
        }
      }
    }
  }

  private void reportTypo(List<Watched> candidates, String token, String name, Matcher.Acc acc) {
    if (candidates == null) {
      return;
    }
    for (Watched w : candidates) {
      if (oneEdit(token, w.label())) {
        report(List.of(w), name, acc, x -> "one typo from " + x.label());
      }
    }
  }

  private static void report(List<Watched> ws, String name, Matcher.Acc acc,
      java.util.function.Function<Watched, String> reason) {
    if (ws == null) {
      return;
    }
    for (Watched w : ws) {
      boolean own = name.equals(w.domain()) || name.endsWith("." + w.domain());
      if (!own && (acc.nameHits == null || !acc.nameHits.contains(w.target()))) {
        acc.lookalike(w.target(), reason.apply(w));
      }
    }
  }

  /** Index of the registrable label, or -1 when the name is no more than a public suffix. */
  static int registrableIndex(String[] labels) {
    int n = labels.length;
    int suffix = n >= 3 && SECOND_LEVEL.contains(labels[n - 2] + "." + labels[n - 1]) ? 2 : 1;
    return n > suffix ? n - suffix - 1 : -1;
  }

  static String skeleton(String s) {
    return SPOOF.getSkeleton(s);
  }

  /** The single-character deletions of {@code s}. */
  static List<String> deletions(String s) {
    List<String> out = new ArrayList<>(s.length());
    for (int i = 0; i < s.length(); i++) {
      out.add(s.substring(0, i) + s.substring(i + 1));
    }
    return out;
  }

  /** {@code s} with the look-alike sequences typists and phishers swap folded to one spelling. */
  static String swapForm(String s) {
    return s.replace("rn", "m").replace("vv", "w").replace('0', 'o').replace('1', 'l');
  }

  /** Whether {@code a} and {@code b} are exactly one insertion, deletion, substitution or transposition apart. */
  static boolean oneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1 || a.equals(b)) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true; // substitution
      }
      return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
  }
}
