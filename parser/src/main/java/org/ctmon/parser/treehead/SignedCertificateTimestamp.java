package org.ctmon.parser.treehead;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;

/**
 * An RFC 6962 §3.2 SignedCertificateTimestamp v1: the log's promise to include an entry, as found
 * TLS-encoded in a certificate's SCT-list extension, a TLS extension or an OCSP response.
 *
 * <p>Decoding is strict (exact lengths, version v1 only). {@link #verifyX509} and {@link
 * #verifyPrecert} check the signature over the entry; the caller supplies the entry (the
 * certificate DER, or for a precertificate the issuer key hash and the TBSCertificate with poison
 * and SCT-list extensions removed — the x509 package's job).
 *
 * @param logId the id of the log that issued it
 * @param timestamp milliseconds since the epoch
 * @param extensions the CtExtensions bytes (empty for most logs; a leaf_index for static-ct-api)
 * @param signature the log's signature
 */
public record SignedCertificateTimestamp(Sha256 logId, long timestamp, OpaqueBytes extensions,
    DigitallySigned signature) {
  private static final int HEADER = 1 + Sha256.LENGTH + 8;
  private static final int MAX_ENTRY = (1 << 24) - 1;

  public SignedCertificateTimestamp {
    if (logId == null || extensions == null || signature == null) {
      throw new IllegalArgumentException("sct fields must be present");
    }
    if (timestamp < 0) {
      throw new MalformedSctException("sct timestamp " + Long.toUnsignedString(timestamp) + " is larger than 2^63-1");
    }
    if (extensions.length() > 0xffff) {
      throw new IllegalArgumentException("sct extensions have at most 65535 bytes");
    }
  }

  /**
   * Decodes one TLS-encoded SCT, all of {@code tls}.
   *
   * @throws MalformedSctException if the bytes are not exactly one SCT v1
   */
  public static SignedCertificateTimestamp decode(byte[] tls) {
    return decode(tls, 0, tls.length);
  }

  static SignedCertificateTimestamp decode(byte[] b, int off, int len) {
    if (len < HEADER + 2 + 4) {
      throw new MalformedSctException("sct of " + len + " bytes is shorter than the smallest sct (47)");
    }
    if (b[off] != 0) {
      throw new MalformedSctException("sct has version " + (b[off] & 0xff) + ", only v1 (0) is known");
    }
    Sha256 logId = Sha256.wrap(b, off + 1);
    long ts = 0;
    for (int i = 0; i < 8; i++) {
      ts = ts << 8 | (b[off + 1 + Sha256.LENGTH + i] & 0xff);
    }
    int p = off + HEADER;
    int extLen = u16(b, p);
    p += 2;
    if (p + extLen + 4 > off + len) {
      throw new MalformedSctException("sct extensions of " + extLen + " bytes at offset " + (p - off)
          + " overrun the " + len + "-byte sct");
    }
    OpaqueBytes ext = OpaqueBytes.of(b, p, extLen);
    p += extLen;
    DigitallySigned sig;
    try {
      sig = DigitallySigned.decode(b, p, off + len - p);
    } catch (MalformedTreeHeadException e) {
      throw new MalformedSctException("sct signature at offset " + (p - off) + ": " + e.getMessage());
    }
    return new SignedCertificateTimestamp(logId, ts, ext, sig);
  }

  /**
   * Decodes a TLS {@code SignedCertificateTimestampList} ({@code opaque SerializedSCT<1..2^16-1>}
   * items in a {@code <1..2^16-1>} list), the content of the SCT-list extension's inner OCTET
   * STRING.
   *
   * @throws MalformedSctException if the list or any SCT in it cannot be framed
   */
  public static List<SignedCertificateTimestamp> decodeList(byte[] tls) {
    if (tls.length < 2 || u16(tls, 0) != tls.length - 2) {
      throw new MalformedSctException("sct list of " + tls.length + " bytes does not match its length prefix");
    }
    List<SignedCertificateTimestamp> out = new ArrayList<>();
    int p = 2;
    while (p < tls.length) {
      if (p + 2 > tls.length) {
        throw new MalformedSctException("sct list has a truncated length at offset " + p);
      }
      int n = u16(tls, p);
      p += 2;
      if (p + n > tls.length) {
        throw new MalformedSctException("sct of " + n + " bytes at offset " + p + " overruns the sct list");
      }
      out.add(decode(tls, p, n));
      p += n;
    }
    if (out.isEmpty()) {
      throw new MalformedSctException("sct list is empty");
    }
    return out;
  }

  private static int u16(byte[] b, int p) {
    return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
  }

  /**
   * Verifies this SCT for an {@code x509_entry}: the certificate itself.
   *
   * @throws InvalidSctSignatureException if the key is not the SCT's log's, or the signature fails
   */
  public SignedCertificateTimestamp verifyX509(LogKey key, Der certificate) {
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    writeOpaque24(entry, certificate.unsafeBytes());
    return verify(key, 0, entry.toByteArray(), "x509 entry " + certificate.sha256().hex());
  }

  /**
   * Verifies this SCT for a {@code precert_entry}.
   *
   * @param issuerKeyHash SHA-256 of the issuing CA's SubjectPublicKeyInfo (RFC 6962 §3.2)
   * @param tbsCertificate the precertificate's TBSCertificate without the poison extension (for a
   *     final certificate: without the SCT-list extension)
   * @throws InvalidSctSignatureException if the key is not the SCT's log's, or the signature fails
   */
  public SignedCertificateTimestamp verifyPrecert(LogKey key, Sha256 issuerKeyHash, Der tbsCertificate) {
    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    entry.writeBytes(issuerKeyHash.bytes());
    writeOpaque24(entry, tbsCertificate.unsafeBytes());
    return verify(key, 1, entry.toByteArray(), "precert entry with tbs " + tbsCertificate.sha256().hex());
  }

  private SignedCertificateTimestamp verify(LogKey key, int entryType, byte[] signedEntry, String what) {
    if (!key.logId().equals(logId)) {
      throw new InvalidSctSignatureException(logId, timestamp, what,
          "it names log " + logId.base64() + " but the key is of log " + key.logId().base64());
    }
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    m.write(0); // sct_version v1
    m.write(0); // signature_type certificate_timestamp
    for (int i = 7; i >= 0; i--) {
      m.write((int) (timestamp >>> (8 * i)));
    }
    m.write(entryType >>> 8);
    m.write(entryType);
    m.writeBytes(signedEntry);
    byte[] ext = extensions.unsafeBytes();
    m.write(ext.length >>> 8);
    m.write(ext.length);
    m.writeBytes(ext);
    key.problemWith(m.toByteArray(), signature).ifPresent(why -> {
      throw new InvalidSctSignatureException(logId, timestamp, what, why);
    });
    return this;
  }

  private static void writeOpaque24(ByteArrayOutputStream out, byte[] data) {
    if (data.length == 0 || data.length > MAX_ENTRY) {
      throw new IllegalArgumentException("a signed entry has 1 to 2^24-1 bytes, not " + data.length);
    }
    out.write(data.length >>> 16);
    out.write(data.length >>> 8);
    out.write(data.length);
    out.writeBytes(data);
  }

  @Override
  public String toString() {
    return "SignedCertificateTimestamp[log " + logId.base64() + ", timestamp " + timestamp + " ("
        + Instant.ofEpochMilli(timestamp) + "), " + extensions.length()
        + " extension bytes, signature " + signature.base64() + "]";
  }
}
