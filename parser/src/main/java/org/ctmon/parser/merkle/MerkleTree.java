package org.ctmon.parser.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * An in-memory RFC 6962 Merkle tree over leaf hashes that answers what a log must serve: roots of
 * any earlier size, inclusion proofs ({@code PATH}), consistency proofs ({@code PROOF}) and
 * tlog-tiles hash tiles. The test log is built on it; monitors never need it.
 *
 * <p>It stores every complete subtree hash (about 2n hashes, 64 bytes per leaf), so a root or a
 * proof costs O(log n) hashes. Size is limited to {@link #MAX_SIZE} leaves (one array per level).
 * Thread-safe: every method synchronizes on the tree, so one thread may append while others serve.
 * Bad arguments (an index or size outside the tree) throw {@link IllegalArgumentException} with a
 * lower-case message naming them.
 */
public final class MerkleTree implements HashTileSource {
  /** Largest supported number of leaves (2^26 - 1: the level-0 hashes fit in one array). */
  public static final long MAX_SIZE = (1L << 26) - 1;
  private static final int HASH = Sha256.LENGTH;

  private final MerkleHash hasher = new MerkleHash();
  // levels.get(k) holds the hashes of the complete subtrees of 2^k leaves, left to right.
  private final List<Level> levels = new ArrayList<>();
  private long size;

  /** An empty tree. */
  public MerkleTree() {
    levels.add(new Level());
  }

  /** A tree over {@code leafHashes}, in order. */
  public static MerkleTree of(List<Sha256> leafHashes) {
    MerkleTree t = new MerkleTree();
    leafHashes.forEach(t::append);
    return t;
  }

  /** Appends a leaf hash ({@link MerkleHash#leaf} of the entry's leaf_input). */
  public synchronized void append(Sha256 leafHash) {
    if (size == MAX_SIZE) {
      throw new IllegalStateException("merkle tree is full at " + MAX_SIZE + " leaves");
    }
    levels.get(0).add(leafHash);
    // Every second subtree at a level completes one at the level above.
    for (int k = 0; levels.get(k).count % 2 == 0; k++) {
      if (levels.size() == k + 1) {
        levels.add(new Level());
      }
      Level below = levels.get(k);
      Level above = levels.get(k + 1);
      above.reserveOne();
      hasher.nodeInto(below.hashes, (below.count - 2) * HASH, below.hashes, (below.count - 1) * HASH,
          above.hashes, above.count * HASH);
      above.count++;
    }
    size++;
  }

  /** Number of leaves. */
  public synchronized long size() {
    return size;
  }

  /** The leaf hash at {@code index}. */
  public synchronized Sha256 leafHash(long index) {
    checkIndex(index, size);
    return levels.get(0).get(index);
  }

  /** The root of the current tree. */
  public synchronized Sha256 root() {
    return root(size);
  }

  /** The root of the tree of the first {@code treeSize} leaves ({@code MTH(D[0:treeSize])}). */
  public synchronized Sha256 root(long treeSize) {
    checkSize(treeSize);
    return treeSize == 0 ? MerkleHash.EMPTY_TREE : Sha256.wrap(hash(0, treeSize));
  }

  /** The audit path of leaf {@code index} in the tree of {@code treeSize} leaves, from the leaf up. */
  public synchronized List<Sha256> inclusionProof(long index, long treeSize) {
    checkSize(treeSize);
    checkIndex(index, treeSize);
    List<Sha256> proof = new ArrayList<>();
    path(index, 0, treeSize, proof);
    return proof;
  }

  /**
   * The RFC 6962 consistency proof from size {@code size1} to {@code size2}; empty when the sizes
   * are equal or {@code size1} is 0.
   */
  public synchronized List<Sha256> consistencyProof(long size1, long size2) {
    checkSize(size2);
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException("no consistency proof from size " + size1 + " to size " + size2);
    }
    List<Sha256> proof = new ArrayList<>();
    if (size1 > 0 && size1 < size2) {
      subproof(size1, 0, size2, true, proof);
    }
    return proof;
  }

  /**
   * The bytes of hash tile {@code tile}; its hashes must all be complete subtrees of the current
   * tree (a partial tile of an earlier size is a prefix of today's, so it is still served).
   */
  @Override
  public synchronized byte[] read(Tile tile) {
    int k = Tile.HEIGHT * tile.level();
    long first = tile.index() * Tile.FULL_WIDTH;
    long available = k < levels.size() ? levels.get(k).count : 0;
    if (first + tile.width() > available) {
      throw new IllegalArgumentException("hash tile " + tile + " is beyond the tree of size " + size);
    }
    int from = (int) first * HASH;
    return Arrays.copyOfRange(levels.get(k).hashes, from, from + tile.width() * HASH);
  }

  /** MTH of the leaves [start, start+n); start is a multiple of the largest power of two below n. */
  private byte[] hash(long start, long n) {
    if (Long.bitCount(n) == 1) {
      int k = Long.numberOfTrailingZeros(n);
      int from = (int) (start >>> k) * HASH;
      return Arrays.copyOfRange(levels.get(k).hashes, from, from + HASH);
    }
    long split = Long.highestOneBit(n - 1);
    int k = Long.numberOfTrailingZeros(split);
    byte[] right = hash(start + split, n - split);
    hasher.nodeInto(levels.get(k).hashes, (int) (start >>> k) * HASH, right, 0, right, 0);
    return right;
  }

  /** RFC 6962 PATH(m, D[start:start+n]) appended to {@code out}. */
  private void path(long m, long start, long n, List<Sha256> out) {
    if (n == 1) {
      return;
    }
    long split = Long.highestOneBit(n - 1);
    if (m < split) {
      path(m, start, split, out);
      out.add(Sha256.wrap(hash(start + split, n - split)));
    } else {
      path(m - split, start + split, n - split, out);
      out.add(Sha256.wrap(hash(start, split)));
    }
  }

  /** RFC 6962 SUBPROOF(m, D[start:start+n], whole) appended to {@code out}. */
  private void subproof(long m, long start, long n, boolean whole, List<Sha256> out) {
    if (m == n) {
      if (!whole) {
        out.add(Sha256.wrap(hash(start, n)));
      }
      return;
    }
    long split = Long.highestOneBit(n - 1);
    if (m <= split) {
      subproof(m, start, split, whole, out);
      out.add(Sha256.wrap(hash(start + split, n - split)));
    } else {
      subproof(m - split, start + split, n - split, false, out);
      out.add(Sha256.wrap(hash(start, split)));
    }
  }

  private void checkSize(long treeSize) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException("tree size " + treeSize + " is not within 0.." + size);
    }
  }

  private static void checkIndex(long index, long treeSize) {
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException("leaf index " + index + " is not within a tree of size " + treeSize);
    }
  }

  /** The hashes of one level, in one growing array. */
  private static final class Level {
    byte[] hashes = new byte[16 * HASH];
    int count;

    void reserveOne() {
      if ((count + 1) * HASH > hashes.length) {
        hashes = Arrays.copyOf(hashes, (int) Math.min((long) hashes.length * 2, MAX_SIZE * HASH));
      }
    }

    void add(Sha256 h) {
      reserveOne();
      h.copyTo(hashes, count * HASH);
      count++;
    }

    Sha256 get(long i) {
      return Sha256.wrap(hashes, (int) i * HASH);
    }
  }
}
