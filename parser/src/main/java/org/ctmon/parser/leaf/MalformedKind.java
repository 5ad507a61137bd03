package org.ctmon.parser.leaf;

/**
 * What is wrong with an entry that could not be decoded; the human-readable detail (offsets,
 * lengths, values) is in the accompanying reason.
 */
public enum MalformedKind {
  /** A field or vector runs past the end of the input. */
  TRUNCATED,
  /** A vector length lies outside the bounds its type declares (e.g. an empty ASN.1Cert). */
  BAD_LENGTH,
  /** Bytes are left over after a complete structure. */
  TRAILING_BYTES,
  /** {@code MerkleTreeLeaf.version} is not v1 (0). */
  UNSUPPORTED_VERSION,
  /** {@code MerkleTreeLeaf.leaf_type} is not timestamped_entry (0). */
  UNSUPPORTED_LEAF_TYPE,
  /** {@code entry_type} is neither x509_entry (0) nor precert_entry (1). */
  UNKNOWN_ENTRY_TYPE,
  /** A value is out of its meaningful range (a timestamp beyond 2^63-1 ms, a negative index). */
  OUT_OF_RANGE,
  /**
   * A static log's extensions break static-ct-api: no {@code leaf_index}, a {@code leaf_index} that
   * is not 5 bytes, or an extension type repeated.
   */
  BAD_EXTENSIONS,
  /** The {@code leaf_index} extension names another index than the entry's position. */
  LEAF_INDEX_MISMATCH,
  /** A data tile holds fewer entries than its name promises. */
  COUNT_MISMATCH,
  /** A gzip-encoded tile is corrupt. */
  GZIP_CORRUPT,
  /** A gzip-encoded tile inflates beyond {@link DataTile#MAX_INFLATED_BYTES} (a gzip bomb). */
  GZIP_TOO_LARGE,
  /** A decoder bug caught by the safety net; never expected, reported rather than thrown. */
  INTERNAL
}
