package org.ctmon.parser;

import java.util.Arrays;
import java.util.Base64;

/**
 * DER-encoded bytes of an ASN.1 object: a certificate, a TBSCertificate, a public key.
 *
 * <p>Immutable with value equality, so it can sit in records that are compared and hashed; the
 * bytes are copied on the way in and out. {@link #toString()} gives the length and the SHA-256,
 * never the bytes, so logs stay readable.
 */
public final class Der {
  private final byte[] bytes;
  private volatile Sha256 sha256;

  private Der(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of {@code bytes}. */
  public static Der of(byte[] bytes) {
    return new Der(bytes.clone());
  }

  /** Wraps a copy of {@code length} bytes of {@code buf} from {@code offset}. */
  public static Der of(byte[] buf, int offset, int length) {
    return new Der(Arrays.copyOfRange(buf, offset, offset + length));
  }

  /** Decodes standard base64 (as in RFC 6962 JSON and PEM bodies). */
  public static Der fromBase64(String base64) {
    return new Der(Base64.getMimeDecoder().decode(base64));
  }

  /** A copy of the bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** The SHA-256 of the bytes, computed once. */
  public Sha256 sha256() {
    Sha256 h = sha256;
    if (h == null) {
      h = Sha256.of(bytes);
      sha256 = h;
    }
    return h;
  }

  /** Standard base64 with padding. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The bytes without a copy, for decoders in this module that only read them. Callers must never
   * write to the array.
   */
  public byte[] unsafeBytes() {
    return bytes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Der other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Der[" + bytes.length + " bytes, sha256=" + sha256() + "]";
  }
}
