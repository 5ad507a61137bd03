package org.ctmon.parser.treehead;

import java.time.Instant;
import org.ctmon.parser.Sha256;

/**
 * What a log commits to when it signs a tree head: size, time and root. An RFC 6962 STH and a
 * static-ct-api checkpoint both reduce to this, so heads from either protocol compare by value
 * (same size and different root is a split view).
 *
 * @param treeSize number of entries, {@code >= 0}
 * @param timestamp milliseconds since the epoch, as the log signed it, {@code >= 0}
 * @param rootHash the Merkle tree hash of the first {@code treeSize} entries
 */
public record TreeHead(long treeSize, long timestamp, Sha256 rootHash) {
  /** Length of {@link #signatureInput()}. */
  static final int SIGNATURE_INPUT_LENGTH = 1 + 1 + 8 + 8 + Sha256.LENGTH;

  public TreeHead {
    if (treeSize < 0) {
      throw new MalformedTreeHeadException("tree size " + Long.toUnsignedString(treeSize)
          + " is larger than 2^63-1");
    }
    if (timestamp < 0) {
      throw new MalformedTreeHeadException("tree head timestamp " + Long.toUnsignedString(timestamp)
          + " is larger than 2^63-1");
    }
    if (rootHash == null) {
      throw new MalformedTreeHeadException("tree head at size " + treeSize + " has no root hash");
    }
  }

  /**
   * The bytes a log signs (RFC 6962 §3.5 {@code TreeHeadSignature}): version v1 (0), signature type
   * tree_hash (1), timestamp u64, tree size u64, root hash — 50 bytes, big endian.
   */
  public byte[] signatureInput() {
    byte[] out = new byte[SIGNATURE_INPUT_LENGTH];
    out[0] = 0; // version v1
    out[1] = 1; // signature_type tree_hash
    putLong(out, 2, timestamp);
    putLong(out, 10, treeSize);
    rootHash.copyTo(out, 18);
    return out;
  }

  private static void putLong(byte[] out, int offset, long v) {
    for (int i = 7; i >= 0; i--) {
      out[offset + i] = (byte) v;
      v >>>= 8;
    }
  }

  /** The timestamp as an instant. */
  public Instant time() {
    return Instant.ofEpochMilli(timestamp);
  }

  /** {@code size 129596132, timestamp 1508198131197 (2017-10-16T23:55:31.197Z), root <base64>}. */
  String describe() {
    return "size " + treeSize + " (timestamp " + timestamp + " = " + time() + ", root "
        + rootHash.base64() + ")";
  }

  @Override
  public String toString() {
    return "TreeHead[size " + treeSize + ", timestamp " + timestamp + " (" + time() + "), root "
        + rootHash.hex() + " = " + rootHash.base64() + "]";
  }
}
