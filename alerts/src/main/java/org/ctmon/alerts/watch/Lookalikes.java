package org.ctmon.alerts.watch;

import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.parser.x509.DnsName;

/**
 * Names that imitate a watched domain: homoglyph IDNs, one-typo registrable labels, and labels
 * that embed the watched label as a whole {@code -}-separated word. Every check is a hash lookup
 * of something derived from the candidate name (its IDN skeleton, its words, the single deletions
 * of its registrable label), never a scan of the watched labels, so cost per name does not grow
 * with the number of watch lists.
 *
 * <pre>
 *   every label's words ──────────────> watched label          "contains mybank"
 *   registrable label's words ──swap──> rn/m vv/w 0/o 1/l form  "one typo from mybank"
 *   registrable label ──deletions─────> watched label's         "one typo from mybank"
 *   IDN registrable domain ──skeleton─> watched domain's        "homoglyph of mybank.example"
 * </pre>
 *
 * <p>Typos (insertion, deletion, substitution, transposition) are what a user types into the
 * address bar, so only the whole registrable label is edited: {@code mybamk.example} is flagged,
 * {@code suqua-fiion.example} is not a typo of {@code riion}. What a user misreads (rn for m) is
 * checked on each word of it. ASCII names get no ICU skeleton: their confusables are the swaps.
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

  /** A watched registrable domain of one target, with its reasons in words made once. */
  static final class Watched {
    final int target;
    /** The label as candidates are compared with it: the U-label of an IDN. */
    final String word;
    final String domain;
    final String contains;
    final String typo;
    final String homoglyph;

    Watched(int target, String label, String domain) {
      this.target = target;
      this.word = label.startsWith("xn--") ? DnsName.of(label).unicode() : label;
      this.domain = domain;
      this.contains = "contains " + label;
      this.typo = "one typo from " + label;
      this.homoglyph = "homoglyph of " + domain;
    }
  }

  /** A watched word and every watched domain that has it, so a typo is tested once per word. */
  private static final class Word {
    final String text;
    final List<Watched> watched = new ArrayList<>(1);

    Word(String text) {
      this.text = text;
    }
  }

  private final Map<String, Watched[]> byLabel;
  /** Watched words by the {@link #hash} of each word and each of its single deletions. */
  private final Map<Long, Word[]> byDeletion;
  private final Map<String, Watched[]> bySwapForm;
  private final Map<String, Watched[]> bySkeleton;

  private Lookalikes(Builder b) {
    this.byLabel = frozen(b.byLabel);
    this.byDeletion = new HashMap<>(b.byDeletion.size() * 2);
    b.byDeletion.forEach((k, v) -> byDeletion.put(k, v.toArray(new Word[0])));
    this.bySwapForm = frozen(b.bySwapForm);
    this.bySkeleton = frozen(b.bySkeleton);
  }

  private static Map<String, Watched[]> frozen(Map<String, List<Watched>> m) {
    Map<String, Watched[]> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> out.put(k, v.toArray(new Watched[0])));
    return out;
  }

  /** Collects the watched domains of the targets that want lookalikes. */
  static final class Builder {
    private final Map<String, List<Watched>> byLabel = new HashMap<>();
    private final Map<Long, List<Word>> byDeletion = new HashMap<>();
    private final Map<String, Word> words = new HashMap<>();
    private final Map<String, List<Watched>> bySwapForm = new HashMap<>();
    private final Map<String, List<Watched>> bySkeleton = new HashMap<>();
    private final Set<String> seen = new HashSet<>();

    void watch(int target, String name) {
      String[] labels = name.split("\\.");
      int reg = registrableIndex(labels);
      if (reg < 0) {
        return; // a bare suffix such as .com has nothing to imitate
      }
      String domain = String.join(".", Arrays.copyOfRange(labels, reg, labels.length));
      if (!seen.add(target + " " + domain)) {
        return;
      }
      Watched w = new Watched(target, labels[reg], domain);
      add(bySkeleton, skeleton(DnsName.of(domain).unicode()), w);
      if (w.word.length() >= MIN_CONTAINS) {
        add(byLabel, w.word, w);
      }
      if (w.word.length() >= MIN_TYPO) {
        Word word = words.get(w.word);
        if (word == null) {
          word = new Word(w.word);
          words.put(w.word, word);
          for (long h : hashes(w.word)) {
            List<Word> list = byDeletion.computeIfAbsent(h, k -> new ArrayList<>(1));
            if (!list.contains(word)) {
              list.add(word);
            }
          }
        }
        word.watched.add(w);
        add(bySwapForm, swapForm(w.word), w);
      }
    }

    private static void add(Map<String, List<Watched>> map, String key, Watched w) {
      List<Watched> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
      if (list.isEmpty() || list.get(list.size() - 1) != w) { // "aab" has the deletion "ab" twice
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
    int from = name.startsWith("*.") ? 2 : 0;
    int end = name.length();
    int last = name.lastIndexOf('.');
    if (last < from) {
      return; // one label: a bare suffix
    }
    int regEnd = last;
    int second = name.lastIndexOf('.', last - 1);
    if (second >= from && end - last == 3 && SECOND_LEVEL.contains(name.substring(second + 1))) {
      regEnd = second; // every listed second-level suffix ends in a two-letter country code
    }
    int regStart = Math.max(name.lastIndexOf('.', regEnd - 1) + 1, from);
    if (name.indexOf("xn--", regStart) >= 0) {
      String domain = name.substring(regStart);
      String unicode = DnsName.of(domain).unicode();
      if (!unicode.equals(domain)) {
        Watched[] ws = bySkeleton.get(skeleton(unicode));
        if (ws != null) {
          for (Watched w : ws) {
            report(w, w.homoglyph, name, from, acc);
          }
        }
      }
    }
    int start = from;
    while (start < end) {
      int dot = name.indexOf('.', start);
      int stop = dot < 0 ? end : dot;
      if (start == regStart) {
        checkRegistrable(unicode(name.substring(start, stop)), name, from, acc);
      } else if (stop - start >= MIN_CONTAINS) {
        checkWords(unicode(name.substring(start, stop)), false, name, from, acc);
      }
      start = stop + 1;
    }
  }

  private static String unicode(String label) {
    return label.startsWith("xn--") ? DnsName.of(label).unicode() : label;
  }

  private void checkRegistrable(String l, String name, int from, Matcher.Acc acc) {
    checkWords(l, true, name, from, acc);
    if (l.length() < MIN_TYPO - 1) {
      return;
    }
    for (long h : hashes(l)) {
      typo(byDeletion.get(h), l, name, from, acc);
    }
  }

  /** Looks up the label and, when it has a {@code -}, each of its words. */
  private void checkWords(String label, boolean registrable, String name, int from, Matcher.Acc acc) {
    checkWord(label, registrable, name, from, acc);
    if (label.indexOf('-') < 0) {
      return;
    }
    int start = 0;
    for (int j = 0; j <= label.length(); j++) {
      if (j == label.length() || label.charAt(j) == '-') {
        if (j - start >= MIN_CONTAINS) {
          checkWord(label.substring(start, j), registrable, name, from, acc);
        }
        start = j + 1;
      }
    }
  }

  private void checkWord(String word, boolean registrable, String name, int from, Matcher.Acc acc) {
    if (word.length() >= MIN_CONTAINS) {
      Watched[] ws = byLabel.get(word);
      if (ws != null) {
        for (Watched w : ws) {
          report(w, w.contains, name, from, acc);
        }
      }
    }
    if (registrable && word.length() >= MIN_TYPO - 1) {
      Watched[] ws = bySwapForm.get(swapForm(word));
      if (ws != null) {
        for (Watched w : ws) {
          if (!w.word.equals(word)) {
            report(w, w.typo, name, from, acc);
          }
        }
      }
    }
  }

  private static void typo(Word[] candidates, String label, String name, int from, Matcher.Acc acc) {
    if (candidates == null) {
      return;
    }
    for (Word word : candidates) {
      if (oneEdit(label, word.text)) {
        for (Watched w : word.watched) {
          report(w, w.typo, name, from, acc);
        }
      }
    }
  }

  private static void report(Watched w, String reason, String name, int from, Matcher.Acc acc) {
    if (!acc.hitByName(w.target) && !own(name, from, w.domain)) {
      acc.lookalike(w.target, reason);
    }
  }

  /** Whether {@code name} from {@code from} is {@code domain} or under it. */
  private static boolean own(String name, int from, String domain) {
    int len = name.length() - from;
    int dl = domain.length();
    return len == dl ? name.startsWith(domain, from)
        : len > dl && name.charAt(name.length() - dl - 1) == '.' && name.endsWith(domain);
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
    char[] cs = s.toCharArray();
    List<String> out = new ArrayList<>(cs.length);
    for (int i = 0; i < cs.length; i++) {
      out.add(deletion(cs, i));
    }
    return out;
  }

  /** {@code cs} without the character at {@code i}; moves the characters back before returning. */
  private static String deletion(char[] cs, int i) {
    char removed = cs[i];
    System.arraycopy(cs, i + 1, cs, i, cs.length - i - 1);
    String d = new String(cs, 0, cs.length - 1);
    System.arraycopy(cs, i, cs, i + 1, cs.length - i - 1);
    cs[i] = removed;
    return d;
  }

  private static final long BASE = 0x9E3779B97F4A7C15L;

  /**
   * A 64-bit hash of {@code s} and of each of its single deletions, in that order, without
   * building the deletions. Polynomial, so the hash of a deletion is its prefix's hash shifted
   * plus its suffix's; mixed, because String's own hash collides often on labels made of a few
   * syllables (the benchmark's are) and a colliding HashMap bucket turns into a slow tree.
   * Equal strings have equal hashes; unequal ones rarely, and {@link #oneEdit} checks every hit.
   */
  static long[] hashes(String s) {
    int n = s.length();
    long[] pow = new long[n + 1];
    pow[0] = 1;
    for (int i = 1; i <= n; i++) {
      pow[i] = pow[i - 1] * BASE;
    }
    long[] suffix = new long[n + 1]; // suffix[j]: chars j.. at their places in s
    for (int j = n - 1; j >= 0; j--) {
      suffix[j] = suffix[j + 1] + s.charAt(j) * pow[n - 1 - j];
    }
    long[] out = new long[n + 1];
    out[0] = mix(suffix[0], n);
    long prefix = 0; // chars ..i-1 as a string of their own
    for (int i = 0; i < n; i++) {
      out[i + 1] = mix(prefix * pow[n - 1 - i] + suffix[i + 1], n - 1);
      prefix = prefix * BASE + s.charAt(i);
    }
    return out;
  }

  private static long mix(long h, int length) {
    h ^= length;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
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
