package org.ctmon.fetcher.follow;

import java.io.ByteArrayOutputStream;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.X509Entry;

/**
 * The RFC 6962 MerkleTreeLeaf of a decoded entry, re-encoded: what a malformed-certificate record
 * keeps as its raw leaf when the leaf framed but the certificate inside did not decode. Its leaf
 * hash (SHA-256 of 0x00 ‖ these bytes) equals the entry's, which the tests check.
 *
 * <pre>
 * version(0) u8 ‖ leaf_type(0) u8 ‖ timestamp u64 ‖ entry_type u16 ‖
 *   x509: cert&lt;u24&gt;  |  precert: issuer_key_hash[32] ‖ tbs&lt;u24&gt;   ‖ extensions&lt;u16&gt;
 * </pre>
 */
final class LeafBytes {
  private LeafBytes() {}

  static byte[] merkleTreeLeaf(LogEntry entry) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(0);
    long ts = entry.timestamp();
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (ts >>> shift));
    }
    if (entry instanceof X509Entry x) {
      out.write(0);
      out.write(0);
      vector24(out, x.certificate().unsafeBytes());
    } else if (entry instanceof PrecertEntry p) {
      out.write(0);
      out.write(1);
      out.writeBytes(p.issuerKeyHash().bytes());
      vector24(out, p.tbsCertificate().unsafeBytes());
    } else {
      throw new AssertionError("unknown entry kind " + entry.getClass());
    }
    byte[] ext = entry.extensions().bytes();
    out.write(ext.length >>> 8);
    out.write(ext.length);
    out.writeBytes(ext);
    return out.toByteArray();
  }

  private static void vector24(ByteArrayOutputStream out, byte[] b) {
    out.write(b.length >>> 16);
    out.write(b.length >>> 8);
    out.write(b.length);
    out.writeBytes(b);
  }
}
