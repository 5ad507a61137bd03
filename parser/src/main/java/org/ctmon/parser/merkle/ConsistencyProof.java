package org.ctmon.parser.merkle;

import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * Verification of an RFC 6962 consistency proof ({@code get-sth-consistency}): that the tree of
 * {@code size2} leaves with root {@code root2} extends the tree of {@code size1} leaves with root
 * {@code root1}, by the algorithm of RFC 9162 section 2.1.4.2.
 *
 * <p>A proof binds roots, not sizes: a size that gives the path the same shape (leaf 0 in trees of
 * 3 and 4) verifies too. Take sizes and roots together from signed tree heads.
 *
 * <p>Stateless and thread-safe. Every failure, including {@code size1 > size2} or a proof of the
 * wrong length, is an {@link InvalidProofException}. Edge cases: equal sizes need an empty proof
 * and equal roots; {@code size1 == 0} needs an empty proof and {@code root1} equal to
 * {@link MerkleHash#EMPTY_TREE} (the empty tree is a prefix of every tree).
 */
public final class ConsistencyProof {
  private ConsistencyProof() {}

  /**
   * Checks that {@code proof} shows the tree ({@code size1}, {@code root1}) is a prefix of the tree
   * ({@code size2}, {@code root2}).
   *
   * @throws InvalidProofException if the proof does not verify; the message names both sizes, both
   *     roots and, for a mismatch, the computed ones
   */
  public static void verify(long size1, long size2, Sha256 root1, Sha256 root2, List<Sha256> proof) {
    String what = "consistency proof from size " + size1 + " (root " + root1 + ") to size " + size2
        + " (root " + root2 + ")";
    if (size1 < 0 || size1 > size2) {
      throw new InvalidProofException(what + " is impossible: the first size must be between 0 and the second");
    }
    if (size1 == size2 || size1 == 0) {
      if (!proof.isEmpty()) {
        throw new InvalidProofException(what + " has " + proof.size() + " hashes, expected 0");
      }
      Sha256 expectedRoot1 = size1 == 0 ? MerkleHash.EMPTY_TREE : root2;
      if (!root1.equals(expectedRoot1)) {
        throw new InvalidProofException(what + " cannot hold: the first root must be " + expectedRoot1);
      }
      return;
    }
    int expected = expectedLength(size1, size2);
    if (proof.size() != expected) {
      throw new InvalidProofException(what + " has " + proof.size() + " hashes, expected " + expected);
    }
    // RFC 9162 section 2.1.4.2, step by step.
    List<Sha256> path = proof;
    if (Long.bitCount(size1) == 1) {
      path = new ArrayList<>(proof.size() + 1);
      path.add(root1);
      path.addAll(proof);
    }
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    Sha256 fr = path.get(0);
    Sha256 sr = path.get(0);
    for (Sha256 c : path.subList(1, path.size())) {
      if (sn == 0) {
        throw new InvalidProofException(what + " has more hashes than the path to the root");
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = MerkleHash.node(c, fr);
        sr = MerkleHash.node(c, sr);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      } else {
        sr = MerkleHash.node(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    if (sn != 0) {
      throw new InvalidProofException(what + " has fewer hashes than the path to the root");
    }
    if (!fr.equals(root1) || !sr.equals(root2)) {
      throw new InvalidProofException(what + " computes roots " + fr + " and " + sr + " instead");
    }
  }

  /** Number of hashes in the proof between sizes {@code 0 < size1 < size2}. */
  static int expectedLength(long size1, long size2) {
    // The inclusion path of leaf size1-1 in size2, minus the levels inside the perfect subtree that
    // ends at size1 (whose root is either given or is root1 itself), plus that root when needed.
    int shift = Long.numberOfTrailingZeros(size1);
    int path = InclusionProof.expectedLength(size1 - 1, size2) - shift;
    return Long.bitCount(size1) == 1 ? path : path + 1;
  }
}
