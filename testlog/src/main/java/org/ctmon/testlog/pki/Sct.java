package org.ctmon.testlog.pki;

import java.util.Arrays;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * An RFC 6962 §3.2 SignedCertificateTimestamp (v1) as a log returns it: log id, timestamp,
 * extensions and the TLS DigitallySigned signature.
 *
 * <p>Immutable with value equality on the encoding; byte arrays are copied in and out.
 */
public final class Sct {
  private final Sha256 logId;
  private final long timestamp;
  private final byte[] extensions;
  private final byte[] digitallySigned;

  Sct(Sha256 logId, long timestamp, byte[] extensions, byte[] digitallySigned) {
    this.logId = logId;
    this.timestamp = timestamp;
    this.extensions = extensions.clone();
    this.digitallySigned = digitallySigned.clone();
  }

  /** SHA-256 of the log's public key (SubjectPublicKeyInfo DER). */
  public Sha256 logId() {
    return logId;
  }

  /** Milliseconds since the epoch. */
  public long timestamp() {
    return timestamp;
  }

  /** The CtExtensions bytes (empty for RFC 6962 logs; a leaf_index extension for static-ct-api logs). */
  public byte[] extensions() {
    return extensions.clone();
  }

  /**
   * The TLS DigitallySigned struct: hash algorithm (4, sha256), signature algorithm (3, ecdsa), a
   * 2-byte length and the DER ECDSA signature.
   */
  public byte[] digitallySigned() {
    return digitallySigned.clone();
  }

  /** The signature alone, the DER ECDSA-Sig-Value inside {@link #digitallySigned()}. */
  public byte[] signature() {
    return Arrays.copyOfRange(digitallySigned, 4, digitallySigned.length);
  }

  /** The TLS encoding: version 0, log id, timestamp, extensions, signature. */
  public byte[] encoded() {
    return new TlsOut(48 + extensions.length + digitallySigned.length)
        .u8(0).bytes(logId.bytes()).u64(timestamp).vector16(extensions).bytes(digitallySigned).toByteArray();
  }

  /** The TLS SignedCertificateTimestampList (RFC 6962 §3.3): a 2-byte total length, then each SCT with a 2-byte length. */
  public static byte[] list(List<Sct> scts) {
    TlsOut inner = new TlsOut(128 * scts.size());
    for (Sct s : scts) {
      inner.vector16(s.encoded());
    }
    return new TlsOut(2 + 128 * scts.size()).vector16(inner.toByteArray()).toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sct other && Arrays.equals(encoded(), other.encoded());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded());
  }

  @Override
  public String toString() {
    return "Sct[log " + logId + ", " + timestamp + "]";
  }
}
