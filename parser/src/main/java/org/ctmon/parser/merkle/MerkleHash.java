package org.ctmon.parser.merkle;

import java.security.DigestException;
import java.security.MessageDigest;
import org.ctmon.parser.Sha256;

/**
 * The three hashes of an RFC 6962 Merkle tree: leaf {@code SHA-256(0x00 || data)}, node
 * {@code SHA-256(0x01 || left || right)} and the empty tree {@code SHA-256("")}.
 *
 * <p>The static methods are thread-safe: each thread reuses its own {@link MessageDigest}. An
 * instance (package-private) owns one digest and hashes into caller-supplied arrays without
 * allocating, for the hot paths of {@link CompactRange} and {@link MerkleTree}; an instance is not
 * thread-safe.
 */
public final class MerkleHash {
  /** The root of the empty tree, {@code SHA-256("")} (e3b0c442...b855). */
  public static final Sha256 EMPTY_TREE = Sha256.of(new byte[0]);

  private static final ThreadLocal<MerkleHash> PER_THREAD = ThreadLocal.withInitial(MerkleHash::new);
  private static final byte LEAF_PREFIX = 0;
  private static final byte NODE_PREFIX = 1;

  private final MessageDigest md = Sha256.newDigest();
  private final byte[] out = new byte[Sha256.LENGTH];

  MerkleHash() {}

  /** The leaf hash of an entry: {@code SHA-256(0x00 || data)}, data being an RFC 6962 leaf_input. */
  public static Sha256 leaf(byte[] data) {
    return leaf(data, 0, data.length);
  }

  /** The leaf hash of {@code length} bytes of {@code data} from {@code offset}. */
  public static Sha256 leaf(byte[] data, int offset, int length) {
    MerkleHash h = PER_THREAD.get();
    h.md.update(LEAF_PREFIX);
    h.md.update(data, offset, length);
    h.finish(h.out, 0);
    return Sha256.wrap(h.out);
  }

  /** The interior node hash: {@code SHA-256(0x01 || left || right)}. */
  public static Sha256 node(Sha256 left, Sha256 right) {
    MerkleHash h = PER_THREAD.get();
    h.md.update(NODE_PREFIX);
    left.updateDigest(h.md);
    right.updateDigest(h.md);
    h.finish(h.out, 0);
    return Sha256.wrap(h.out);
  }

  /**
   * Writes the node hash of the 32 bytes at {@code left[lo]} and {@code right[ro]} to
   * {@code dest[off]}; the destination may overlap either input (both are read before the write).
   */
  void nodeInto(byte[] left, int lo, byte[] right, int ro, byte[] dest, int off) {
    md.update(NODE_PREFIX);
    md.update(left, lo, Sha256.LENGTH);
    md.update(right, ro, Sha256.LENGTH);
    finish(dest, off);
  }

  private void finish(byte[] dest, int off) {
    try {
      md.digest(dest, off, Sha256.LENGTH);
    } catch (DigestException e) {
      throw new AssertionError("a sha-256 digest always fits in 32 bytes", e);
    }
  }
}
