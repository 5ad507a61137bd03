package org.ctmon.parser.merkle;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * The compact range (collapsed tree) of the first {@code size} leaves of a log: the roots of the
 * perfect subtrees that make up the tree's left-to-right decomposition, one per set bit of the
 * size, so O(log n) memory for any n. A follower appends every leaf hash it downloads and compares
 * {@link #root()} with each signed tree head it reaches.
 *
 * <p>Hashes are kept left to right (largest subtree first). {@link #append(Sha256)} costs one node
 * hash amortized and allocates nothing.
 *
 * <p>Storage format ({@link #toBytes()}, stable): one version byte {@code 0x01}, the size as a
 * big-endian uint64, then {@code popcount(size)} 32-byte hashes, largest subtree first.
 *
 * <p>Not thread-safe: a range is mutable and owned by one follower; use {@link #copy()} to hand a
 * snapshot to another thread. Equality is by value (size and hashes) at the time of the call.
 */
public final class CompactRange {
  /** The version byte that starts every serialized range. */
  static final byte FORMAT_VERSION = 1;
  private static final int HEADER = 1 + Long.BYTES;
  private static final int HASH = Sha256.LENGTH;

  private final MerkleHash hasher = new MerkleHash();
  // At most 63 hashes (popcount of a non-negative long) plus one slot for the leaf being merged.
  private final byte[] hashes = new byte[64 * HASH];
  private final byte[] scratch = new byte[HASH];
  private long size;

  /** An empty range (size 0). */
  public CompactRange() {}

  /**
   * A range of {@code size} leaves from the roots of its perfect subtrees, left to right (largest
   * first), for a follower that starts at a log's current end (see {@link TileTree#compactRange}).
   *
   * @throws IllegalArgumentException if {@code size} is negative or there are not exactly
   *     {@code popcount(size)} roots
   */
  public static CompactRange fromRightEdge(long size, List<Sha256> subtreeRoots) {
    if (size < 0) {
      throw new IllegalArgumentException("a compact range cannot have negative size " + size);
    }
    if (subtreeRoots.size() != Long.bitCount(size)) {
      throw new IllegalArgumentException("a compact range of size " + size + " has "
          + Long.bitCount(size) + " subtree roots, not " + subtreeRoots.size());
    }
    CompactRange r = new CompactRange();
    for (int i = 0; i < subtreeRoots.size(); i++) {
      subtreeRoots.get(i).copyTo(r.hashes, i * HASH);
    }
    r.size = size;
    return r;
  }

  /**
   * The range of a whole tree from the audit path of its last leaf, for an RFC 6962 follower that
   * starts at a log's current end ({@code get-entry-and-proof} of leaf {@code treeSize - 1}): see
   * {@link #fromInclusionProof}.
   *
   * @throws InvalidProofException if the path does not prove the leaf at the end of that tree
   */
  public static CompactRange fromLastLeafProof(long treeSize, Sha256 lastLeafHash, List<Sha256> auditPath, Sha256 root) {
    return fromInclusionProof(treeSize - 1, treeSize, lastLeafHash, auditPath, root);
  }

  /**
   * The range of the first {@code leafIndex + 1} leaves of a tree from the audit path of leaf
   * {@code leafIndex} in it, for an RFC 6962 follower that starts at an entry index: the path is
   * verified against {@code root} first; its left siblings (RFC 9162 section 2.1.3.2: a sibling
   * is on the left where the walk hashes it first), read top down, are exactly the subtree roots
   * of the first {@code leafIndex} leaves, and the leaf follows them. Take {@code treeSize} and
   * {@code root} from the same signed tree head (see {@link InclusionProof} on sizes).
   *
   * @throws InvalidProofException if the path does not prove the leaf at that index of that tree
   */
  public static CompactRange fromInclusionProof(long leafIndex, long treeSize, Sha256 leafHash, List<Sha256> path,
                                                Sha256 root) {
    InclusionProof.verify(leafIndex, treeSize, leafHash, path, root);
    List<Sha256> left = new ArrayList<>(Long.bitCount(leafIndex));
    // The walk of InclusionProof.verify, keeping the hashes it puts on the left (bottom up).
    long fn = leafIndex;
    long sn = treeSize - 1;
    for (Sha256 p : path) {
      if ((fn & 1) == 1 || fn == sn) {
        left.add(p);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    Collections.reverse(left);
    CompactRange range = fromRightEdge(leafIndex, left);
    range.append(leafHash);
    return range;
  }

  /**
   * Reads a range written by {@link #toBytes()}.
   *
   * @throws CorruptCompactRangeException if the blob is truncated, of an unknown version, has a
   *     negative size, or does not hold exactly {@code popcount(size)} hashes
   */
  public static CompactRange fromBytes(byte[] blob) {
    if (blob.length < HEADER) {
      throw new CorruptCompactRangeException("compact range blob has " + blob.length
          + " bytes, shorter than its " + HEADER + "-byte header");
    }
    if (blob[0] != FORMAT_VERSION) {
      throw new CorruptCompactRangeException("compact range blob has unknown format version " + (blob[0] & 0xff));
    }
    long size = ByteBuffer.wrap(blob, 1, Long.BYTES).getLong();
    if (size < 0) {
      throw new CorruptCompactRangeException("compact range blob has negative size " + size);
    }
    int count = Long.bitCount(size);
    int expected = HEADER + count * HASH;
    if (blob.length != expected) {
      throw new CorruptCompactRangeException("compact range blob of size " + size + " needs " + count
          + " hashes (" + expected + " bytes), but has " + blob.length + " bytes");
    }
    CompactRange r = new CompactRange();
    System.arraycopy(blob, HEADER, r.hashes, 0, count * HASH);
    r.size = size;
    return r;
  }

  /** The stable serialization described in the class comment; {@link #fromBytes} reads it back. */
  public byte[] toBytes() {
    int count = Long.bitCount(size);
    byte[] blob = new byte[HEADER + count * HASH];
    blob[0] = FORMAT_VERSION;
    ByteBuffer.wrap(blob, 1, Long.BYTES).putLong(size);
    System.arraycopy(hashes, 0, blob, HEADER, count * HASH);
    return blob;
  }

  /** Appends the next leaf (its leaf hash, {@link MerkleHash#leaf}); the size grows by one. */
  public void append(Sha256 leafHash) {
    if (size == Long.MAX_VALUE) {
      throw new IllegalStateException("a compact range cannot grow beyond size " + size);
    }
    int top = Long.bitCount(size);
    leafHash.copyTo(hashes, top * HASH);
    // Each trailing one bit of the old size is a subtree of the same height as the new one: merge.
    for (long s = size; (s & 1) == 1; s >>>= 1) {
      hasher.nodeInto(hashes, (top - 1) * HASH, hashes, top * HASH, hashes, (top - 1) * HASH);
      top--;
    }
    size++;
  }

  /** Number of leaves hashed in. */
  public long size() {
    return size;
  }

  /** The RFC 6962 Merkle tree hash of the first {@link #size()} leaves; the empty-tree hash for 0. */
  public Sha256 root() {
    int count = Long.bitCount(size);
    if (count == 0) {
      return MerkleHash.EMPTY_TREE;
    }
    System.arraycopy(hashes, (count - 1) * HASH, scratch, 0, HASH);
    for (int i = count - 2; i >= 0; i--) {
      hasher.nodeInto(hashes, i * HASH, scratch, 0, scratch, 0);
    }
    return Sha256.wrap(scratch);
  }

  /** The perfect subtree roots, left to right (largest first); {@code popcount(size)} of them. */
  public List<Sha256> subtreeRoots() {
    int count = Long.bitCount(size);
    List<Sha256> roots = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      roots.add(Sha256.wrap(hashes, i * HASH));
    }
    return roots;
  }

  /** An independent copy, e.g. a snapshot to store while this range keeps growing. */
  public CompactRange copy() {
    CompactRange r = new CompactRange();
    System.arraycopy(hashes, 0, r.hashes, 0, Long.bitCount(size) * HASH);
    r.size = size;
    return r;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CompactRange other) || other.size != size) {
      return false;
    }
    int len = Long.bitCount(size) * HASH;
    return Arrays.equals(hashes, 0, len, other.hashes, 0, len);
  }

  @Override
  public int hashCode() {
    int h = Long.hashCode(size);
    for (int i = 0; i < Long.bitCount(size) * HASH; i++) {
      h = 31 * h + hashes[i];
    }
    return h;
  }

  @Override
  public String toString() {
    return "CompactRange[size=" + size + ", root=" + root() + "]";
  }
}
