package org.ctmon.parser.leaf;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;

/**
 * A log entry of type {@code x509_entry}: a final certificate, DER-encoded as the log holds it.
 */
public record X509Entry(
    long index,
    long timestamp,
    Der certificate,
    OpaqueBytes extensions,
    OptionalLong leafIndexExtension,
    List<Der> chain,
    List<Sha256> chainFingerprints,
    Sha256 leafHash) implements LogEntry {

  public X509Entry {
    if (index < 0 || timestamp < 0) {
      throw new IllegalArgumentException("negative index " + index + " or timestamp " + timestamp);
    }
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(extensions, "extensions");
    Objects.requireNonNull(leafIndexExtension, "leafIndexExtension");
    chain = List.copyOf(chain);
    chainFingerprints = List.copyOf(chainFingerprints);
    Objects.requireNonNull(leafHash, "leafHash");
  }
}
