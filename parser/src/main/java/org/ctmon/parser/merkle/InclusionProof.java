package org.ctmon.parser.merkle;

import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * Verification of an RFC 6962 audit path ({@code get-proof-by-hash}, {@code get-entry-and-proof}):
 * that a leaf hash sits at a given index of the tree with a given root, by the algorithm of RFC 9162
 * section 2.1.3.2.
 *
 * <p>A proof binds roots, not sizes: a size that gives the path the same shape (leaf 0 in trees of
 * 3 and 4) verifies too. Take sizes and roots together from signed tree heads.
 *
 * <p>Stateless and thread-safe. Every failure, including a bad index or a proof of the wrong length,
 * is an {@link InvalidProofException}; nothing else is thrown for any input but {@code null}.
 */
public final class InclusionProof {
  private InclusionProof() {}

  /**
   * Checks that {@code path} proves leaf {@code leafHash} at {@code leafIndex} in the tree of
   * {@code treeSize} leaves whose root is {@code root}.
   *
   * @param path the sibling hashes from the leaf up, as logs return them in {@code audit_path}
   * @throws InvalidProofException if the proof does not verify; the message names the index, the
   *     size, the expected root and, for a mismatch, the computed one
   */
  public static void verify(long leafIndex, long treeSize, Sha256 leafHash, List<Sha256> path, Sha256 root) {
    String what = "inclusion proof of leaf " + leafIndex + " in tree of size " + treeSize + " (root " + root + ")";
    if (leafIndex < 0 || leafIndex >= treeSize) {
      throw new InvalidProofException(what + " is impossible: the index is not within the tree");
    }
    int expected = expectedLength(leafIndex, treeSize);
    if (path.size() != expected) {
      throw new InvalidProofException(what + " has " + path.size() + " hashes, expected " + expected);
    }
    // RFC 9162 section 2.1.3.2, step by step.
    long fn = leafIndex;
    long sn = treeSize - 1;
    Sha256 r = leafHash;
    for (Sha256 p : path) {
      if (sn == 0) {
        throw new InvalidProofException(what + " has more hashes than the path to the root");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = MerkleHash.node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        r = MerkleHash.node(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new InvalidProofException(what + " has fewer hashes than the path to the root");
    }
    if (!r.equals(root)) {
      throw new InvalidProofException(what + " computes root " + r + " instead");
    }
  }

  /** Number of hashes in the audit path of {@code index} in a tree of {@code size} (0 <= index < size). */
  static int expectedLength(long index, long size) {
    // Hashes below the level where the paths to the leaf and to the last leaf meet, plus one per
    // left sibling above it (the set bits of the index there).
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    return inner + Long.bitCount(index >>> inner);
  }
}
