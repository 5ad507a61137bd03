package org.ctmon.parser.treehead;

import java.util.Arrays;
import java.util.Base64;

/**
 * The opaque bytes of a signature (DER ECDSA-Sig-Value or a raw RSA block), as a value.
 *
 * <p>Immutable with value equality so that signed tree heads holding it can be compared and stored
 * as evidence; bytes are copied on the way in and out. {@link #toString()} is base64.
 */
public final class SignatureBytes {
  private final byte[] bytes;

  private SignatureBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of {@code bytes}. */
  public static SignatureBytes of(byte[] bytes) {
    return new SignatureBytes(bytes.clone());
  }

  /** Wraps a copy of {@code length} bytes of {@code buf} from {@code offset}. */
  public static SignatureBytes of(byte[] buf, int offset, int length) {
    return new SignatureBytes(Arrays.copyOfRange(buf, offset, offset + length));
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
    return o instanceof SignatureBytes other && Arrays.equals(bytes, other.bytes);
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
