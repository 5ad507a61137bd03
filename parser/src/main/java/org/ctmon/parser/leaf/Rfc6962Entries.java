package org.ctmon.parser.leaf;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;

/**
 * Decodes an RFC 6962 log entry (§3.4 {@code MerkleTreeLeaf} and §4.6 {@code extra_data}) from the
 * base64-decoded {@code leaf_input} and {@code extra_data} of a {@code get-entries} or
 * {@code get-entry-and-proof} response.
 *
 * <pre>
 * MerkleTreeLeaf  = version(0) leaf_type(0) TimestampedEntry        -- nothing may follow
 * extra_data      = x509_entry:    ASN.1Cert certificate_chain&lt;0..2^24-1&gt;
 *                   precert_entry: ASN.1Cert pre_certificate; ASN.1Cert precertificate_chain&lt;0..2^24-1&gt;
 * </pre>
 *
 * <p>Strict: a wrong version or leaf type, an unknown entry type, a length past the end and
 * trailing bytes after either structure all give {@link Malformed}. The leaf's extensions are kept
 * raw; if they happen to parse as a static-ct-api extension list with a {@code leaf_index}, it is
 * reported but not enforced (RFC 6962 gives the field no meaning). Stateless and thread-safe.
 */
public final class Rfc6962Entries {
  private Rfc6962Entries() {}

  /**
   * Decodes the entry at {@code index}. Never throws for any input bytes ({@code null} counts as
   * empty); the inputs are not modified and not retained.
   */
  public static EntryDecoding decode(long index, byte[] leafInput, byte[] extraData) {
    byte[] leaf = leafInput == null ? new byte[0] : leafInput;
    byte[] extra = extraData == null ? new byte[0] : extraData;
    // The log commits to the leaf bytes whatever they hold, so the hash is known even for garbage.
    Sha256 leafHash = leafHash(leaf);
    try {
      List<String> flags = new ArrayList<>(1);
      LogEntry entry = decodeOrThrow(index, leaf, extra, leafHash, flags);
      return new Decoded(entry, flags);
    } catch (TlsFormatException e) {
      return new Malformed(index, e.kind(), e.offset(), e.getMessage(), Optional.of(leafHash), OpaqueBytes.of(leaf),
          OpaqueBytes.of(extra));
    } catch (RuntimeException e) {
      // A safety net: bad input must never stop the monitor, even through a decoder bug.
      return new Malformed(index, MalformedKind.INTERNAL, 0, "internal error decoding entry " + index + ": " + e,
          Optional.of(leafHash), OpaqueBytes.of(leaf), OpaqueBytes.of(extra));
    }
  }

  /** SHA-256(0x00 ‖ leafInput): the RFC 6962 leaf hash of a MerkleTreeLeaf, whether or not it decodes. */
  public static Sha256 leafHash(byte[] leafInput) {
    MessageDigest md = Sha256.newDigest();
    md.update((byte) 0);
    md.update(leafInput);
    return Sha256.wrap(md.digest());
  }

  private static LogEntry decodeOrThrow(long index, byte[] leaf, byte[] extra, Sha256 leafHash, List<String> flags) {
    if (index < 0) {
      throw new TlsFormatException(MalformedKind.OUT_OF_RANGE, 0, "negative entry index " + index);
    }
    TlsReader r = new TlsReader(leaf);
    int version = r.uint8("version");
    if (version != 0) {
      throw new TlsFormatException(MalformedKind.UNSUPPORTED_VERSION, 0,
          "unsupported version " + version + " at offset 0 (expected v1 = 0)");
    }
    int leafType = r.uint8("leaf_type");
    if (leafType != 0) {
      throw new TlsFormatException(MalformedKind.UNSUPPORTED_LEAF_TYPE, 1,
          "unsupported leaf_type " + leafType + " at offset 1 (expected timestamped_entry = 0)");
    }
    TimestampedEntry te = TimestampedEntry.read(r);
    r.expectEnd("merkle_tree_leaf");
    te.checkTimestamp();

    // extra_data is outside the Merkle tree: what is wrong with it never hides the leaf, which the
    // tree proves. The entry is decoded with no chain (and an empty pre_certificate, which the
    // precertificate check refuses), and flagged.
    Der preCertificate = Der.of(new byte[0]);
    List<Der> chain = List.of();
    try {
      TlsReader x = new TlsReader(extra);
      if (te.isPrecert()) {
        int n = x.opaque24("pre_certificate", 1, TimestampedEntry.MAX_UINT24);
        preCertificate = Der.of(extra, x.lastStart(), n);
      }
      String chainName = te.isPrecert() ? "precertificate_chain" : "certificate_chain";
      int chainLength = x.opaque24(chainName, 0, TimestampedEntry.MAX_UINT24);
      chain = certificates(x.sub(x.lastStart(), chainLength), extra, chainName);
      x.expectEnd("extra_data");
    } catch (TlsFormatException e) {
      flags.add("extra_data: " + e.getMessage()); // a pre_certificate read before the fault is kept
      chain = List.of();
    }

    OpaqueBytes extensions = OpaqueBytes.of(leaf, te.extensionsStart(), te.extensionsLength());
    OptionalLong leafIndex = lenientLeafIndex(leaf, te);
    if (te.isPrecert()) {
      return new PrecertEntry(index, te.timestamp(), Sha256.wrap(leaf, te.issuerKeyHashStart()),
          Der.of(leaf, te.certStart(), te.certLength()), preCertificate, extensions, leafIndex, chain,
          List.of(), leafHash);
    }
    return new X509Entry(index, te.timestamp(), Der.of(leaf, te.certStart(), te.certLength()), extensions,
        leafIndex, chain, List.of(), leafHash);
  }

  private static List<Der> certificates(TlsReader r, byte[] buf, String chainName) {
    if (!r.hasRemaining()) {
      return List.of();
    }
    List<Der> certs = new ArrayList<>(4);
    String field = chainName + " certificate";
    while (r.hasRemaining()) {
      int n = r.opaque24(field, 1, TimestampedEntry.MAX_UINT24);
      certs.add(Der.of(buf, r.lastStart(), n));
    }
    return certs;
  }

  private static OptionalLong lenientLeafIndex(byte[] leaf, TimestampedEntry te) {
    if (te.extensionsLength() == 0) {
      return OptionalLong.empty();
    }
    try {
      return CtExtensions.leafIndex(leaf, te.extensionsStart(), te.extensionsLength());
    } catch (TlsFormatException e) {
      return OptionalLong.empty();
    }
  }
}
