package org.ctmon.parser.leaf;

/**
 * The framing of an RFC 6962 {@code TimestampedEntry} inside a buffer: offsets only, nothing copied,
 * so the decoders copy just the fields they keep.
 *
 * <pre>
 * struct {
 *   uint64 timestamp;
 *   LogEntryType entry_type;                       // uint16: x509_entry(0), precert_entry(1)
 *   select(entry_type) {
 *     case x509_entry: ASN.1Cert;                  // opaque&lt;1..2^24-1&gt;
 *     case precert_entry: opaque issuer_key_hash[32]; TBSCertificate;  // opaque&lt;1..2^24-1&gt;
 *   } signed_entry;
 *   CtExtensions extensions;                       // opaque&lt;0..2^16-1&gt;
 * } TimestampedEntry;
 * </pre>
 *
 * @param issuerKeyHashStart -1 for x509 entries
 */
record TimestampedEntry(
    int start,
    int end,
    long timestamp,
    int entryType,
    int issuerKeyHashStart,
    int certStart,
    int certLength,
    int extensionsStart,
    int extensionsLength) {

  static final int X509_ENTRY = 0;
  static final int PRECERT_ENTRY = 1;
  static final int MAX_UINT16 = 0xffff;
  static final int MAX_UINT24 = 0xffffff;

  /**
   * Refuses a timestamp of 2^63 ms or more (read as a negative long): the entry is malformed, its
   * leaf still hashed.
   */
  void checkTimestamp() {
    if (timestamp < 0) {
      throw new TlsFormatException(MalformedKind.OUT_OF_RANGE, start,
          "timestamp at offset " + start + " is beyond 2^63-1 ms: " + Long.toUnsignedString(timestamp));
    }
  }

  boolean isPrecert() {
    return entryType == PRECERT_ENTRY;
  }

  /** Reads one TimestampedEntry at the reader's position, leaving the reader after it. */
  static TimestampedEntry read(TlsReader r) {
    int start = r.position();
    // A timestamp of 2^63 ms or more frames fine (the leaf is hashed and placed in the tree); the
    // entry built from it is malformed (checkTimestamp), never the whole tile.
    long timestamp = r.uint64("timestamp");
    int typeAt = r.position();
    int entryType = r.uint16("entry_type");
    int issuerKeyHashStart = -1;
    int certLength;
    if (entryType == X509_ENTRY) {
      certLength = r.opaque24("asn1_cert", 1, MAX_UINT24);
    } else if (entryType == PRECERT_ENTRY) {
      issuerKeyHashStart = r.fixed("issuer_key_hash", 32);
      certLength = r.opaque24("tbs_certificate", 1, MAX_UINT24);
    } else {
      throw new TlsFormatException(MalformedKind.UNKNOWN_ENTRY_TYPE, typeAt,
          "unknown entry_type " + entryType + " at offset " + typeAt);
    }
    int certStart = r.lastStart();
    int extensionsLength = r.opaque16("extensions", 0, MAX_UINT16);
    int extensionsStart = r.lastStart();
    return new TimestampedEntry(start, r.position(), timestamp, entryType, issuerKeyHashStart,
        certStart, certLength, extensionsStart, extensionsLength);
  }
}
