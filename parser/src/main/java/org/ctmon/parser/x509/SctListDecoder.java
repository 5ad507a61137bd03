package org.ctmon.parser.x509;

import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * Decodes the value of the embedded SCT list extension: an OCTET STRING holding the TLS
 * {@code SignedCertificateTimestampList} (RFC 6962 section 3.3): a uint16 total length, then
 * uint16-prefixed SCTs of version u8, log_id[32], timestamp u64, extensions u16-vector and a
 * digitally-signed struct (hash u8, signature algorithm u8, u16-vector).
 */
final class SctListDecoder {
  private SctListDecoder() {}

  /**
   * Appends the SCTs in the extension value ({@code extnValue} content) to {@code out}; returns a
   * problem string, or null when the whole list decoded.
   */
  static String decode(byte[] b, int from, int to, List<EmbeddedSct> out) {
    Tlv inner;
    try {
      inner = Tlv.read(b, from, to).expect(Tlv.OCTET_STRING, "sct list");
    } catch (MalformedDerException e) {
      return "sct list extension: " + e.getMessage();
    }
    int p = inner.valueStart();
    int end = inner.valueEnd();
    if (end - p < 2) {
      return "sct list shorter than its length prefix";
    }
    int total = u16(b, p);
    p += 2;
    if (total != end - p) {
      return "sct list length " + total + " but " + (end - p) + " bytes follow";
    }
    List<EmbeddedSct> found = new ArrayList<>(4);
    int n = 0;
    while (p < end) {
      if (end - p < 2) {
        return "sct " + n + ": truncated length";
      }
      int len = u16(b, p);
      p += 2;
      int sctEnd = p + len;
      if (sctEnd > end) {
        return "sct " + n + ": length " + len + " runs past the list";
      }
      if (len < 1 + 32 + 8 + 2 + 2 + 2) {
        return "sct " + n + ": only " + len + " bytes";
      }
      int version = b[p] & 0xff;
      if (version != 0) {
        out.addAll(found);
        return "sct " + n + ": unknown version " + version;
      }
      Sha256 logId = Sha256.wrap(b, p + 1);
      long ts = 0;
      for (int i = 0; i < 8; i++) {
        ts = ts << 8 | (b[p + 33 + i] & 0xff);
      }
      int q = p + 41;
      int extLen = u16(b, q);
      q += 2 + extLen;
      if (q + 4 > sctEnd) {
        return "sct " + n + ": extensions run past the sct";
      }
      int sigLen = u16(b, q + 2);
      if (q + 4 + sigLen != sctEnd) {
        return "sct " + n + ": signature length " + sigLen + " does not fill the sct";
      }
      found.add(new EmbeddedSct(logId, ts));
      p = sctEnd;
      n++;
    }
    out.addAll(found);
    return null;
  }

  private static int u16(byte[] b, int p) {
    return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff);
  }
}
