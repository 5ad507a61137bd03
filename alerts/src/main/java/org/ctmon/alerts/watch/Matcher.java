package org.ctmon.alerts.watch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ctmon.parser.x509.DnsName;

/**
 * Matches the names and addresses of an issuance against every watch list at once.
 *
 * <pre>
 *   name ──lower-case, cut at NUL or '/'──> labels right to left ──> trie of watched labels
 *          (one hash lookup per label; a tree item hits when its node is reached, an exact
 *           item when the last label is; a '*', '?' or unparsable label walks every child)
 *   address ──> masked once per prefix length in use ──> one hash lookup each
 *   name not hit by a list that wants lookalikes ──> {@link Lookalikes}
 * </pre>
 *
 * <p>Cost per name is a few hash lookups whatever the number of items. Fail-safe like
 * certspotter: a label that could stand for a watched label (a wildcard, a redacted {@code ?},
 * anything not a valid label) matches it, so a broken or redacted certificate alerts rather than
 * hides. Immutable and thread safe; build a new one when watch lists change.
 */
public final class Matcher {
  private final long[] watchlistIds;
  private final long[] accountIds;
  private final LabelTrie trie;
  private final IpIndex v4 = new IpIndex();
  private final IpIndex v6 = new IpIndex();
  private final Lookalikes lookalikes;

  private Matcher(List<WatchTarget> targets) {
    // Only the ids are kept: the items live on in the trie, so a large list is held once.
    watchlistIds = new long[targets.size()];
    accountIds = new long[targets.size()];
    Lookalikes.Builder look = new Lookalikes.Builder();
    LabelTrie.Builder names = new LabelTrie.Builder();
    for (int t = 0; t < targets.size(); t++) {
      WatchTarget target = targets.get(t);
      watchlistIds[t] = target.watchlistId();
      accountIds[t] = target.accountId();
      for (WatchItem item : target.items()) {
        if (item instanceof WatchItem.ExactName e) {
          names.exact(e.name(), t, item.text());
          if (target.lookalikes()) {
            look.watch(t, e.name());
          }
        } else if (item instanceof WatchItem.DomainTree d) {
          names.tree(d.domain(), t, item.text());
          if (target.lookalikes()) {
            look.watch(t, d.domain());
          }
        } else if (item instanceof WatchItem.IpAddress a) {
          byte[] b = a.address().getAddress();
          (b.length == 4 ? v4 : v6).add(b, b.length * 8, new Ref(t, item.text()));
        } else if (item instanceof WatchItem.IpRange r) {
          byte[] b = r.network().getAddress();
          (b.length == 4 ? v4 : v6).add(b, r.prefixLength(), new Ref(t, item.text()));
        } else {
          throw new AssertionError("unknown watch item " + item);
        }
      }
    }
    this.trie = names.build();
    this.lookalikes = look.build();
  }

  /** A matcher over {@code targets}; their order is the order of {@link #match}'s hits. */
  public static Matcher of(List<WatchTarget> targets) {
    return new Matcher(targets);
  }

  /**
   * The watch lists that an issuance with these names concerns, each once, in target order.
   *
   * @param dnsNames names as the parser normalized them (upper case and odd characters tolerated)
   * @param ipAddresses address text, IPv4 dotted or IPv6; unparsable text is ignored
   * @return the hits; empty (and nothing allocated for it) when nothing matched
   */
  public List<Hit> match(List<String> dnsNames, List<String> ipAddresses) {
    Acc acc = new Acc();
    for (String raw : dnsNames) {
      matchName(raw, acc);
    }
    for (String text : ipAddresses) {
      byte[] b = IpText.parse(text.strip());
      if (b != null) {
        (b.length == 4 ? v4 : v6).match(b, acc);
      }
    }
    return acc.hits(watchlistIds, accountIds);
  }

  private void matchName(String raw, Acc acc) {
    String name = DnsName.lowerAscii(raw);
    if (name.startsWith("https://") || name.startsWith("http://")) {
      name = name.substring(name.indexOf("//") + 2);
    }
    name = withoutTrailingDot(name);
    if (name.isEmpty()) {
      return;
    }
    acc.nextName();
    walk(LabelTrie.ROOT, name, name.length(), acc);
    boolean ascii = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == 0 || c == '/') {
        // certspotter and browsers differ on what follows a NUL or a slash: match both readings.
        String cut = withoutTrailingDot(name.substring(0, i));
        if (!cut.isEmpty()) {
          walk(LabelTrie.ROOT, cut, cut.length(), acc);
        }
        break;
      }
      ascii &= c < 0x80;
    }
    if (!ascii) {
      DnsName idn = DnsName.parse(name);
      if (idn.valid() && !idn.name().equals(name)) {
        walk(LabelTrie.ROOT, idn.name(), idn.name().length(), acc);
      }
    }
    if (lookalikes != null) {
      lookalikes.check(name, acc);
    }
  }

  /** Walks the labels left of {@code end}, right to left, from {@code node}. */
  private void walk(int node, String name, int end, Acc acc) {
    addItems(trie.firstTree(node), acc);
    if (end < 0) {
      addItems(trie.firstExact(node), acc);
      return;
    }
    if (trie.firstChild(node) == LabelTrie.NONE) {
      return;
    }
    int dot = name.lastIndexOf('.', end - 1);
    if (isWild(name, dot + 1, end)) {
      for (int c = trie.firstChild(node); c != LabelTrie.NONE; c = trie.nextSibling(c)) {
        walk(c, name, dot, acc);
      }
    } else {
      int child = trie.child(node, name, dot + 1, end);
      if (child != LabelTrie.NONE) {
        walk(child, name, dot, acc);
      }
    }
  }

  private void addItems(int first, Acc acc) {
    for (int i = first; i != LabelTrie.NONE; i = trie.nextItem(i)) {
      acc.add(trie.target(i), trie.text(i));
    }
  }

  /** Whether a certificate label could stand for any watched label: empty, {@code *}, {@code ?}, invalid. */
  private static boolean isWild(String name, int from, int to) {
    if (from == to) {
      return true;
    }
    for (int i = from; i < to; i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return true;
      }
    }
    return false;
  }

  private static String withoutTrailingDot(String s) {
    return s.length() > 1 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** An address item of a target. */
  record Ref(int target, String item) {}

  /** Addresses and ranges of one family: a map of masked networks per prefix length in use. */
  private static final class IpIndex {
    private final TreeMap<Integer, Map<String, List<Ref>>> byPrefix = new TreeMap<>();

    void add(byte[] network, int prefix, Ref ref) {
      byPrefix.computeIfAbsent(prefix, p -> new HashMap<>())
          .computeIfAbsent(key(IpText.mask(network, prefix)), k -> new ArrayList<>()).add(ref);
    }

    void match(byte[] address, Acc acc) {
      for (Map.Entry<Integer, Map<String, List<Ref>>> e : byPrefix.entrySet()) {
        List<Ref> refs = e.getValue().get(key(IpText.mask(address, e.getKey())));
        if (refs != null) {
          acc.addAll(refs);
        }
      }
    }

    private static String key(byte[] b) {
      return new String(b, StandardCharsets.ISO_8859_1);
    }
  }

  /** Hits of one match call, per target; allocates only when something hits. */
  static final class Acc {
    private Map<Integer, Found> found;
    /** Targets hit normally by the current name, so lookalikes skip them; the list clears the set. */
    private final BitSet nameHits = new BitSet(0);
    private int[] nameHitList;
    private int nameHitCount;

    /** Forgets which targets the previous name hit. */
    void nextName() {
      for (int i = 0; i < nameHitCount; i++) {
        nameHits.clear(nameHitList[i]);
      }
      nameHitCount = 0;
    }

    boolean hitByName(int target) {
      return nameHitCount > 0 && nameHits.get(target);
    }

    void addAll(List<Ref> refs) {
      for (Ref r : refs) {
        add(r.target(), r.item());
      }
    }

    void add(int target, String item) {
      found(target).items.add(item);
      if (!nameHits.get(target)) {
        nameHits.set(target);
        if (nameHitList == null) {
          nameHitList = new int[4];
        } else if (nameHitCount == nameHitList.length) {
          nameHitList = Arrays.copyOf(nameHitList, nameHitCount * 2);
        }
        nameHitList[nameHitCount++] = target;
      }
    }

    /** Adds a reason; reasons are few per target and made once per watched domain, so a list. */
    void lookalike(int target, String reason) {
      List<String> reasons = found(target).reasons;
      if (!reasons.contains(reason)) {
        reasons.add(reason);
      }
    }

    private Found found(int target) {
      if (found == null) {
        found = new HashMap<>();
      }
      return found.computeIfAbsent(target, t -> new Found());
    }

    List<Hit> hits(long[] watchlistIds, long[] accountIds) {
      if (found == null) {
        return List.of();
      }
      int[] hit = new int[found.size()];
      int k = 0;
      for (int t : found.keySet()) {
        hit[k++] = t;
      }
      Arrays.sort(hit);
      List<Hit> hits = new ArrayList<>(hit.length);
      for (int t : hit) {
        Found f = found.get(t);
        hits.add(new Hit(watchlistIds[t], accountIds[t], List.copyOf(f.items), f.items.isEmpty(),
            List.copyOf(f.reasons)));
      }
      return hits;
    }
  }

  /** What one target got from one match call: items sorted, lookalike reasons in the order found. */
  private static final class Found {
    final Set<String> items = new TreeSet<>();
    final List<String> reasons = new ArrayList<>(2);
  }
}
