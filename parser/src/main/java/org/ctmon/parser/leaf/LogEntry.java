package org.ctmon.parser.leaf;

import java.util.List;
import java.util.OptionalLong;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;

/**
 * One decoded CT log entry: an X.509 certificate ({@link X509Entry}) or a precertificate
 * ({@link PrecertEntry}), from an RFC 6962 {@code get-entries} response or a static-ct-api data tile.
 *
 * <p>Both sources give the same shape. RFC 6962 entries carry their issuer chain as certificates
 * ({@link #chain()}); tile entries carry it as SHA-256 fingerprints of the issuers
 * ({@link #chainFingerprints()}) that the caller resolves through the log's issuer endpoint. The
 * other list is empty.
 */
public sealed interface LogEntry permits X509Entry, PrecertEntry {
  /** The entry's position in its log (0-based). */
  long index();

  /** {@code TimestampedEntry.timestamp}: milliseconds since the epoch, as the log stated it. */
  long timestamp();

  /**
   * The RFC 6962 leaf hash, SHA-256(0x00 ‖ MerkleTreeLeaf); for a tile entry the MerkleTreeLeaf is
   * 0x00 0x00 ‖ timestamped_entry. This is what the log's Merkle tree commits to.
   */
  Sha256 leafHash();

  /** The raw {@code CtExtensions} of the TimestampedEntry (empty for most RFC 6962 logs). */
  OpaqueBytes extensions();

  /**
   * The static-ct-api {@code leaf_index} extension: present for tile entries (a tile entry without
   * it, or with another value than {@link #index()}, is flagged in its {@link Decoded}); present for
   * RFC 6962 entries only if their extensions happen to carry one.
   */
  OptionalLong leafIndexExtension();

  /** RFC 6962 {@code extra_data} issuer certificates, leaf-most first; empty for tile entries. */
  List<Der> chain();

  /** static-ct-api chain fingerprints (SHA-256 of each issuer's DER); empty for RFC 6962 entries. */
  List<Sha256> chainFingerprints();
}
