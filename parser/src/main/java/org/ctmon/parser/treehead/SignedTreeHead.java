package org.ctmon.parser.treehead;

import org.ctmon.parser.Base64Text;
import org.ctmon.parser.Sha256;

/**
 * An RFC 6962 §4.3 {@code get-sth} response: tree size, timestamp, root hash and the log's
 * signature over them.
 *
 * <p>A value: equal heads compare equal, and {@link #toString()} prints size, timestamp and the root
 * in hex and base64 so it can be stored as evidence. Construction checks the shape only; {@link
 * #verify(LogKey)} checks the signature.
 *
 * @param treeSize number of entries, {@code >= 0}
 * @param timestamp milliseconds since the epoch, {@code >= 0}
 * @param rootHash the {@code sha256_root_hash}
 * @param signature the decoded {@code tree_head_signature}
 */
public record SignedTreeHead(long treeSize, long timestamp, Sha256 rootHash, DigitallySigned signature) {
  public SignedTreeHead {
    new TreeHead(treeSize, timestamp, rootHash); // validates
    if (signature == null) {
      throw new MalformedTreeHeadException("tree head at size " + treeSize + " has no signature");
    }
  }

  /**
   * Builds a head from the four JSON fields of a get-sth response, as the caller parsed them.
   *
   * @throws MalformedTreeHeadException if the size or timestamp is negative, the root is not the
   *     base64 of 32 bytes, or the signature is not one well-framed digitally-signed value
   */
  public static SignedTreeHead of(long treeSize, long timestamp, String sha256RootHash,
      String treeHeadSignature) {
    return new SignedTreeHead(treeSize, timestamp, rootFromBase64(sha256RootHash, treeSize),
        DigitallySigned.fromBase64(treeHeadSignature));
  }

  static Sha256 rootFromBase64(String base64, long treeSize) {
    byte[] root;
    try {
      root = Base64Text.decode(base64);
    } catch (IllegalArgumentException e) {
      throw new MalformedTreeHeadException(
          "root hash of tree head at size " + treeSize + " is not base64: " + e.getMessage());
    }
    if (root.length != Sha256.LENGTH) {
      throw new MalformedTreeHeadException("root hash of tree head at size " + treeSize + " has "
          + root.length + " bytes, not " + Sha256.LENGTH);
    }
    return Sha256.wrap(root);
  }

  /** Size, timestamp and root, without the signature. */
  public TreeHead treeHead() {
    return new TreeHead(treeSize, timestamp, rootHash);
  }

  /**
   * Checks the signature with the log's key (RFC 6962 §3.5): SHA-256 with the key's algorithm, as the
   * signature must also declare.
   *
   * @return this head, for chaining
   * @throws InvalidTreeHeadSignatureException if the signature does not verify, declares another hash
   *     than sha256, or declares an algorithm other than the key's
   */
  public SignedTreeHead verify(LogKey key) {
    TreeHead head = treeHead();
    key.problemWith(head.signatureInput(), signature).ifPresent(why -> {
      throw new InvalidTreeHeadSignatureException(key.logId(), head, why);
    });
    return this;
  }

  @Override
  public String toString() {
    return "SignedTreeHead[size " + treeSize + ", timestamp " + timestamp + " ("
        + treeHead().time() + "), root " + rootHash.hex() + " = " + rootHash.base64()
        + ", signature " + signature.base64() + "]";
  }
}
