package org.ctmon.parser.treehead;

import java.util.Arrays;
import java.util.Base64;

/**
 * TLS {@code opaque} bytes (a signature — DER ECDSA-Sig-Value or a raw RSA block —, SCT
 * extensions) as a value.
 *
 * <p>Immutable with value equality so that signed tree heads holding it can be compared and stored
 * as evidence; bytes are copied on the way in and out. {@link #toString()} is base64.
 */
public final class OpaqueBytes {
  private final byte[] bytes;

  private OpaqueBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of {@code bytes}. */
  public static OpaqueBytes of(byte[] bytes) {
    return new OpaqueBytes(bytes.clone());
  }

  /** Wraps a copy of {@code length} bytes of {@code buf} from {@code offset}. */
  public static OpaqueBytes of(byte[] buf, int offset, int length) {
    return new OpaqueBytes(Arrays.copyOfRange(buf, offset, offset + length));
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** Standard base64 with padding. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  byte[] unsafeBytes() {
    return bytes;
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
    return base64();
  }
}
