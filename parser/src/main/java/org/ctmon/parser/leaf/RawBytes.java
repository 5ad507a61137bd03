package org.ctmon.parser.leaf;

import java.util.Arrays;
import java.util.Base64;
import org.ctmon.parser.Sha256;

/**
 * Bytes that are not (known to be) DER: a raw leaf input, extra data, an extensions field, the
 * undecodable rest of a data tile.
 *
 * <p>Immutable with value equality so it can sit in compared records; copied on the way in and
 * out. {@link #toString()} gives the length and SHA-256, never the bytes.
 */
public final class RawBytes {
  private static final RawBytes EMPTY = new RawBytes(new byte[0]);
  private final byte[] bytes;

  private RawBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** No bytes. */
  public static RawBytes empty() {
    return EMPTY;
  }

  /** Wraps a copy of {@code bytes}; {@code null} is taken as empty, since callers hand over what a log sent. */
  public static RawBytes of(byte[] bytes) {
    return bytes == null || bytes.length == 0 ? EMPTY : new RawBytes(bytes.clone());
  }

  /** Wraps a copy of {@code length} bytes of {@code buf} from {@code offset}. */
  public static RawBytes of(byte[] buf, int offset, int length) {
    return length == 0 ? EMPTY : new RawBytes(Arrays.copyOfRange(buf, offset, offset + length));
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** Whether there are no bytes. */
  public boolean isEmpty() {
    return bytes.length == 0;
  }

  /** Standard base64 with padding, as RFC 6962 JSON carries leaf inputs. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawBytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "RawBytes[" + bytes.length + " bytes, sha256=" + Sha256.of(bytes) + "]";
  }
}
