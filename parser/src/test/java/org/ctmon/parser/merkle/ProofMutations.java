package org.ctmon.parser.merkle;

import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.Sha256;

/** Single-bit corruptions of hashes and proofs, for tests that a verifier notices any change. */
final class ProofMutations {
  private ProofMutations() {}

  static Sha256 flip(Sha256 h, int bit) {
    byte[] b = h.bytes();
    b[bit / 8] ^= (byte) (1 << (bit % 8));
    return Sha256.wrap(b);
  }

  static List<Sha256> flip(List<Sha256> proof, int element, int bit) {
    List<Sha256> out = new ArrayList<>(proof);
    out.set(element, flip(proof.get(element), bit));
    return out;
  }
}
