package org.ctmon.testlog.pki;

/**
 * What the test PKI submits to a log (add-chain or add-pre-chain), as the log will log it: an
 * {@link IssuedCertificate} (a final certificate) or an {@link IssuedPrecertificate} (the
 * TBSCertificate of a precertificate and its issuer's key hash), with the chain the log stores as
 * extra_data. Named apart from the parser's {@code LogEntry}, which is what a monitor reads back.
 */
public sealed interface Submission permits IssuedCertificate, IssuedPrecertificate {

  /** The RFC 6962 LogEntryType: 0 for x509_entry, 1 for precert_entry. */
  int entryType();

  /**
   * The RFC 6962 §3.4 TimestampedEntry: {@code uint64 timestamp}, {@code LogEntryType entry_type},
   * the signed_entry ({@code ASN.1Cert} or {@code PreCert}), {@code CtExtensions extensions}. A
   * MerkleTreeLeaf is this with the two bytes {@code 00 00} (v1, timestamped_entry) in front; the
   * SCT signature input (§3.2) is this with {@code 00 00} (v1, certificate_timestamp) in front.
   */
  default byte[] timestampedEntry(long timestampMillis, byte[] extensions) {
    byte[] signed = signedEntry();
    return new TlsOut(signed.length + 14 + extensions.length)
        .u64(timestampMillis).u16(entryType()).bytes(signed).vector16(extensions).toByteArray();
  }

  /**
   * The RFC 6962 §4.6 extra_data of a get-entries response: for an x509 entry the {@code
   * certificate_chain} (a 3-byte total length, then each certificate with a 3-byte length); for a
   * precert entry the {@code PrecertChainEntry} (the precertificate with a 3-byte length, then its
   * chain encoded the same way).
   */
  byte[] extraData();

  /**
   * The static-ct-api TileLeaf of a data tile: {@link #timestampedEntry} (whose extensions must hold
   * the leaf_index extension), for a precert entry the precertificate with a 3-byte length, then the
   * chain as SHA-256 fingerprints with a 2-byte total length (each one resolvable under {@code
   * issuer/<hex>}).
   */
  byte[] tileLeaf(long timestampMillis, byte[] extensions);

  /** The signed_entry part of those structs: {@code opaque ASN.1Cert<1..2^24-1>} or {@code PreCert}. */
  byte[] signedEntry();
}
