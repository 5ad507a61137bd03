package org.ctmon.parser.leaf;

import java.security.MessageDigest;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * An independent test reference: the RFC 9162 §2.1.3.2 inclusion-proof check, written from the
 * RFC's pseudo-code, so a leaf hash computed by the decoder can be checked against a log's signed
 * root hash.
 */
final class ReferenceMerkle {
  private ReferenceMerkle() {}

  static byte[] rootFromInclusionProof(long index, long treeSize, byte[] leafHash, List<byte[]> path) {
    long fn = index;
    long sn = treeSize - 1;
    byte[] r = leafHash;
    for (byte[] p : path) {
      if (sn == 0) {
        throw new IllegalArgumentException("proof too long");
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = node(p, r);
        while ((fn & 1) == 0 && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      } else {
        r = node(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    if (sn != 0) {
      throw new IllegalArgumentException("proof too short");
    }
    return r;
  }

  private static byte[] node(byte[] left, byte[] right) {
    MessageDigest md = Sha256.newDigest();
    md.update((byte) 1);
    md.update(left);
    md.update(right);
    return md.digest();
  }
}
