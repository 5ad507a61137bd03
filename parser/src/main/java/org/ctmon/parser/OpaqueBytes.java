package org.ctmon.parser;

import java.util.Arrays;
import java.util.Base64;

/**
 * Bytes ctmon carries without reading them as DER: TLS {@code opaque} fields (a tree-head
 * signature, SCT extensions), a raw leaf input and its extra data, the undecodable rest of a data
 * tile, a serialized compact range, the evidence of a bad tree head.
 *
 * <p>Immutable with value equality, so records holding it (entries, signed tree heads, stored
 * evidence) compare by content; copied on the way in and out. {@link #toString()} gives the length
 * and SHA-256, never the bytes: a leaf can be megabytes and lands in log lines.
 */
public final class OpaqueBytes {
  private static final OpaqueBytes EMPTY = new OpaqueBytes(new byte[0]);
  private final byte[] bytes;

  private OpaqueBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** No bytes. */
  public static OpaqueBytes empty() {
    return EMPTY;
  }

  /** Wraps a copy of {@code bytes}; {@code null} is taken as empty, since callers hand over what a log sent. */
  public static OpaqueBytes of(byte[] bytes) {
    return bytes == null || bytes.length == 0 ? EMPTY : new OpaqueBytes(bytes.clone());
  }

  /** Wraps a copy of {@code length} bytes of {@code buf} from {@code offset}. */
  public static OpaqueBytes of(byte[] buf, int offset, int length) {
    return length == 0 ? EMPTY : new OpaqueBytes(Arrays.copyOfRange(buf, offset, offset + length));
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The bytes themselves, not a copy, for hot paths that only read them (signature checks, TLS
   * encoding, JDBC parameters). Callers must not modify the array.
   */
  public byte[] unsafeBytes() {
    return bytes;
  }

  /** Number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** Whether there are no bytes. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** Standard base64 with padding, as RFC 6962 JSON carries leaf inputs and signatures. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OpaqueBytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "OpaqueBytes[" + bytes.length + " bytes, sha256=" + Sha256.of(bytes) + "]";
  }
}
