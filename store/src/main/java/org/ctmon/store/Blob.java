package org.ctmon.store;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Opaque bytes the store keeps without interpreting them: a serialized compact range, the raw
 * leaf and extra data of a malformed entry.
 *
 * <p>Immutable with value equality; copied on the way in and out. {@link #toString()} shows the
 * length and at most the first 16 bytes in hex.
 */
public final class Blob {
  private static final HexFormat HEX = HexFormat.of();
  private final byte[] bytes;

  private Blob(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of {@code bytes}. */
  public static Blob of(byte[] bytes) {
    return new Blob(bytes.clone());
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Number of bytes. */
  public int length() {
    return bytes.length;
  }

  byte[] unsafeBytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Blob other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    String head = HEX.formatHex(bytes, 0, Math.min(16, bytes.length));
    return "Blob[" + bytes.length + " bytes: " + head + (bytes.length > 16 ? "...]" : "]");
  }
}
