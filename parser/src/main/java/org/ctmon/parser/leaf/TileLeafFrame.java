package org.ctmon.parser.leaf;

/**
 * The framing of one static-ct-api {@code TileLeaf} inside a data tile: offsets only.
 *
 * <pre>
 * struct {
 *   TimestampedEntry timestamped_entry;
 *   select (entry_type) {
 *     case x509_entry: Empty;
 *     case precert_entry: ASN.1Cert pre_certificate;   // opaque&lt;1..2^24-1&gt;
 *   };
 *   Fingerprint certificate_chain&lt;0..2^16-1&gt;;          // opaque Fingerprint[32]
 * } TileLeaf;
 * </pre>
 *
 * @param preCertificateStart -1 for x509 entries
 */
record TileLeafFrame(
    TimestampedEntry timestampedEntry,
    int preCertificateStart,
    int preCertificateLength,
    int chainAt,
    int chainStart,
    int chainLength,
    int end) {

  /** Frames the TileLeaf at the reader's position, leaving the reader after it. */
  static TileLeafFrame read(TlsReader r) {
    TimestampedEntry te = TimestampedEntry.read(r);
    int preStart = -1;
    int preLength = 0;
    if (te.isPrecert()) {
      preLength = r.opaque24("pre_certificate", 1, TimestampedEntry.MAX_UINT24);
      preStart = r.lastStart();
    }
    int chainAt = r.position();
    int chainLength = r.opaque16("certificate_chain", 0, TimestampedEntry.MAX_UINT16);
    return new TileLeafFrame(te, preStart, preLength, chainAt, r.lastStart(), chainLength, r.position());
  }
}
