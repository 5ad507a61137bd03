package org.ctmon.testlog.fault;

/**
 * How a deliberately undecodable entry is broken. Every damaged entry is still hashed into the
 * tree, so the log stays verifiable and a monitor must keep the entry as malformed, not drop it.
 */
public enum Damage {
  /**
   * An x509 entry whose TLS framing is correct but whose certificate bytes are not DER (the leaf
   * decoders accept it; certificate decoding reports it malformed).
   */
  GARBAGE_CERTIFICATE,
  /**
   * Broken TLS framing: the certificate length runs past the end of the entry. In a data tile this
   * leaves the rest of the tile unframeable (its hash tiles still let a monitor verify the tree).
   */
  BROKEN_FRAMING,
  /**
   * A static-ct-api entry whose leaf_index extension names another index (framed, but wrong), with
   * a garbage certificate as the others. In an RFC 6962 log the extension means nothing, so the
   * entry merely carries it.
   */
  WRONG_LEAF_INDEX
}
