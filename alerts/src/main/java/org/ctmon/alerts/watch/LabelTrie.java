package org.ctmon.alerts.watch;

import java.util.Arrays;

/**
 * The watched domains as a trie of labels, right to left, kept in a handful of primitive arrays.
 *
 * <p>Why arrays: a matcher for 100,000 items built from objects (a node, a map entry, a label
 * string and an item reference per label) is close to a million objects that every full
 * collection traces while the follower ingests. Here the whole trie is about a dozen arrays, so
 * collections skip it, and looking a label up reads the name in place instead of cutting it out.
 *
 * <p>A node is an {@code int}; 0 is the root (the empty name). A child is found through one open
 * addressing table keyed by (parent, label); the children of a node are also chained, for the
 * walks that must try every child. Items are chained per node, apart for exact and tree items.
 * Immutable once built, so safe to share between threads.
 */
final class LabelTrie {
  static final int ROOT = 0;
  /** Ends an item chain and a child chain. */
  static final int NONE = -1;

  private final int[] parent;
  private final int[] labelStart;
  private final int[] labelLength;
  private final int[] firstChild;
  private final int[] nextSibling;
  private final int[] firstExact;
  private final int[] firstTree;
  private final char[] labels;
  /**
   * Per slot, placed by {@link #hash}: the hash in the high half and the node id plus one in the
   * low half (0 is an empty slot). Most lookups are for labels nobody watches: comparing hashes
   * turns them away within the slot, without reading the node arrays.
   */
  private final long[] table;
  private final int tableMask;

  private final int[] itemTarget;
  private final int[] itemNext;
  private final int[] itemTextStart;
  private final char[] itemTexts;

  private LabelTrie(Builder b) {
    int n = b.nodes;
    parent = Arrays.copyOf(b.parent, n);
    labelStart = Arrays.copyOf(b.labelStart, n);
    labelLength = Arrays.copyOf(b.labelLength, n);
    firstChild = Arrays.copyOf(b.firstChild, n);
    nextSibling = Arrays.copyOf(b.nextSibling, n);
    firstExact = Arrays.copyOf(b.firstExact, n);
    firstTree = Arrays.copyOf(b.firstTree, n);
    labels = Arrays.copyOf(b.labels, b.labelChars);
    table = b.table.clone();
    tableMask = b.table.length - 1;
    itemTarget = Arrays.copyOf(b.itemTarget, b.items);
    itemNext = Arrays.copyOf(b.itemNext, b.items);
    itemTextStart = Arrays.copyOf(b.itemTextStart, b.items + 1);
    itemTexts = Arrays.copyOf(b.itemTexts, b.itemTextStart[b.items]);
  }

  /** The child of {@code node} labelled {@code name[from, to)}, or {@link #NONE}. */
  int child(int node, String name, int from, int to) {
    if (firstChild[node] == NONE) {
      return NONE;
    }
    int len = to - from;
    int h = hash(node, name, from, to);
    for (int slot = h & tableMask; ; slot = (slot + 1) & tableMask) {
      long entry = table[slot];
      if (entry == 0) {
        return NONE;
      }
      int id = (int) entry - 1;
      if ((int) (entry >>> 32) == h && parent[id] == node && labelLength[id] == len && sameLabel(id, name, from)) {
        return id;
      }
    }
  }

  int firstChild(int node) {
    return firstChild[node];
  }

  int nextSibling(int node) {
    return nextSibling[node];
  }

  /** The first exact item of {@code node}; follow with {@link #nextItem}. */
  int firstExact(int node) {
    return firstExact[node];
  }

  /** The first tree item of {@code node}; follow with {@link #nextItem}. */
  int firstTree(int node) {
    return firstTree[node];
  }

  int nextItem(int item) {
    return itemNext[item];
  }

  /** The index of the target that watches {@code item}. */
  int target(int item) {
    return itemTarget[item];
  }

  /** The item as its list wrote it; made only for hits. */
  String text(int item) {
    return new String(itemTexts, itemTextStart[item], itemTextStart[item + 1] - itemTextStart[item]);
  }

  private boolean sameLabel(int id, String name, int from) {
    return sameChars(labels, labelStart[id], labelLength[id], name, from);
  }

  /** Whether {@code chars[at, at + len)} holds {@code name}'s characters from {@code from}. */
  private static boolean sameChars(char[] chars, int at, int len, String name, int from) {
    for (int i = 0; i < len; i++) {
      if (chars[at + i] != name.charAt(from + i)) {
        return false;
      }
    }
    return true;
  }

  private static int hash(int parent, CharSequence s, int from, int to) {
    int h = parent * 0x9E3779B9;
    for (int i = from; i < to; i++) {
      h = 31 * h + s.charAt(i);
    }
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h;
  }

  /** Adds domains and their items one at a time; {@link #build} freezes them. */
  static final class Builder {
    private int nodes = 1;
    private int[] parent = {NONE};
    private int[] labelStart = {0};
    private int[] labelLength = {0};
    private int[] firstChild = {NONE};
    private int[] nextSibling = {NONE};
    private int[] firstExact = {NONE};
    private int[] firstTree = {NONE};
    private char[] labels = new char[64];
    private int labelChars;
    private long[] table = new long[16];

    private int items;
    private int[] itemTarget = new int[16];
    private int[] itemNext = new int[16];
    private int[] itemTextStart = new int[17];
    private char[] itemTexts = new char[256];

    /** Files {@code text} of {@code target} as an exact item of {@code domain}. */
    void exact(String domain, int target, String text) {
      int node = node(domain);
      firstExact[node] = item(target, text, firstExact[node]);
    }

    /** Files {@code text} of {@code target} as a tree item of {@code domain}. */
    void tree(String domain, int target, String text) {
      int node = node(domain);
      firstTree[node] = item(target, text, firstTree[node]);
    }

    LabelTrie build() {
      return new LabelTrie(this);
    }

    private int item(int target, String text, int next) {
      if (items == itemTarget.length) {
        itemTarget = Arrays.copyOf(itemTarget, items * 2);
        itemNext = Arrays.copyOf(itemNext, items * 2);
        itemTextStart = Arrays.copyOf(itemTextStart, items * 2 + 1);
      }
      int start = itemTextStart[items];
      if (start + text.length() > itemTexts.length) {
        itemTexts = Arrays.copyOf(itemTexts, Math.max(itemTexts.length * 2, start + text.length()));
      }
      text.getChars(0, text.length(), itemTexts, start);
      itemTarget[items] = target;
      itemNext[items] = next;
      itemTextStart[items + 1] = start + text.length();
      return items++;
    }

    /** The node of {@code domain}, made with its missing ancestors. */
    private int node(String domain) {
      int node = ROOT;
      int end = domain.length();
      while (end >= 0) {
        int dot = domain.lastIndexOf('.', end - 1);
        node = childOrNew(node, domain, dot + 1, end);
        end = dot;
      }
      return node;
    }

    private int childOrNew(int node, String name, int from, int to) {
      int len = to - from;
      int h = hash(node, name, from, to);
      int slot = h & (table.length - 1);
      for (; table[slot] != 0; slot = (slot + 1) & (table.length - 1)) {
        int id = (int) table[slot] - 1;
        if (parent[id] == node && labelLength[id] == len && sameLabel(id, name, from)) {
          return id;
        }
      }
      int id = newNode(node, name, from, to);
      table[slot] = entry(h, id);
      if (nodes * 2 > table.length) {
        rehash();
      }
      return id;
    }

    private boolean sameLabel(int id, String name, int from) {
      return sameChars(labels, labelStart[id], labelLength[id], name, from);
    }

    private int newNode(int parentNode, String name, int from, int to) {
      if (nodes == parent.length) {
        int size = nodes * 2;
        parent = Arrays.copyOf(parent, size);
        labelStart = Arrays.copyOf(labelStart, size);
        labelLength = Arrays.copyOf(labelLength, size);
        firstChild = Arrays.copyOf(firstChild, size);
        nextSibling = Arrays.copyOf(nextSibling, size);
        firstExact = Arrays.copyOf(firstExact, size);
        firstTree = Arrays.copyOf(firstTree, size);
      }
      int len = to - from;
      if (labelChars + len > labels.length) {
        labels = Arrays.copyOf(labels, Math.max(labels.length * 2, labelChars + len));
      }
      name.getChars(from, to, labels, labelChars);
      int id = nodes++;
      parent[id] = parentNode;
      labelStart[id] = labelChars;
      labelLength[id] = len;
      labelChars += len;
      firstChild[id] = NONE;
      nextSibling[id] = firstChild[parentNode];
      firstChild[parentNode] = id;
      firstExact[id] = NONE;
      firstTree[id] = NONE;
      return id;
    }

    private void rehash() {
      long[] bigger = new long[table.length * 2];
      int mask = bigger.length - 1;
      for (long entry : table) {
        if (entry != 0) {
          int slot = (int) (entry >>> 32) & mask;
          while (bigger[slot] != 0) {
            slot = (slot + 1) & mask;
          }
          bigger[slot] = entry;
        }
      }
      table = bigger;
    }

    private static long entry(int hash, int id) {
      return ((long) hash << 32) | (id + 1L);
    }
  }
}
