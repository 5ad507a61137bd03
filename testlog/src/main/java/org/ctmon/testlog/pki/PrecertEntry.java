package org.ctmon.testlog.pki;

import java.util.List;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * An RFC 6962 precert_entry: the PreCert the log signs ({@code issuerKeyHash}, SHA-256 of the final
 * issuing CA's SubjectPublicKeyInfo, and {@code tbsCertificate}, the precertificate's TBS without the
 * poison extension, its issuer and authority key id rewritten to the final issuer's when a
 * precertificate-signing certificate signed it) and the extra_data: the signed {@code
 * precertificate} and its {@code chain} (the precertificate-signing certificate if any, then the CA,
 * up to the root).
 */
public record PrecertEntry(Sha256 issuerKeyHash, Der tbsCertificate, Der precertificate, List<Der> chain)
    implements LogEntry {
  public PrecertEntry {
    chain = List.copyOf(chain);
  }

  @Override
  public int entryType() {
    return 1;
  }

  @Override
  public byte[] extraData() {
    byte[] chainVector = LogEntry.chainVector(chain);
    return new TlsOut(precertificate.length() + 3 + chainVector.length)
        .vector24(precertificate.unsafeBytes()).bytes(chainVector).toByteArray();
  }

  @Override
  public byte[] signedEntry() {
    return new TlsOut(tbsCertificate.length() + 35)
        .bytes(issuerKeyHash.bytes()).vector24(tbsCertificate.unsafeBytes()).toByteArray();
  }
}
