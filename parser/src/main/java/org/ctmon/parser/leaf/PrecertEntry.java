package org.ctmon.parser.leaf;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;

/**
 * A log entry of type {@code precert_entry}.
 *
 * <p>{@link #tbsCertificate()} is what the log signed: the precertificate's TBSCertificate with the
 * poison extension removed (and the issuer rewritten if a precertificate-signing certificate was
 * used). {@link #issuerKeyHash()} is the SHA-256 of the final issuer's SubjectPublicKeyInfo.
 * {@link #preCertificate()} is the precertificate itself, from {@code extra_data} (RFC 6962) or the
 * TileLeaf (static-ct-api).
 */
public record PrecertEntry(
    long index,
    long timestamp,
    Sha256 issuerKeyHash,
    Der tbsCertificate,
    Der preCertificate,
    OpaqueBytes extensions,
    OptionalLong leafIndexExtension,
    List<Der> chain,
    List<Sha256> chainFingerprints,
    Sha256 leafHash) implements LogEntry {

  public PrecertEntry {
    if (index < 0 || timestamp < 0) {
      throw new IllegalArgumentException("negative index " + index + " or timestamp " + timestamp);
    }
    Objects.requireNonNull(issuerKeyHash, "issuerKeyHash");
    Objects.requireNonNull(tbsCertificate, "tbsCertificate");
    Objects.requireNonNull(preCertificate, "preCertificate");
    Objects.requireNonNull(extensions, "extensions");
    Objects.requireNonNull(leafIndexExtension, "leafIndexExtension");
    chain = List.copyOf(chain);
    chainFingerprints = List.copyOf(chainFingerprints);
    Objects.requireNonNull(leafHash, "leafHash");
  }
}
