package org.ctmon.testlog.pki;

import java.util.List;
import org.ctmon.parser.Der;

/**
 * A final certificate the test PKI issued, as an RFC 6962 x509_entry: the certificate and its chain (first element certifies the leaf,
 * last is the root), which a log serves as leaf_certificate and certificate_chain.
 */
public record IssuedCertificate(Der certificate, List<Der> chain) implements Submission {
  public IssuedCertificate {
    chain = List.copyOf(chain);
  }

  @Override
  public int entryType() {
    return 0;
  }

  @Override
  public byte[] extraData() {
    return TlsOut.chainVector(chain);
  }

  @Override
  public byte[] tileLeaf(long timestampMillis, byte[] extensions) {
    byte[] timestamped = timestampedEntry(timestampMillis, extensions);
    byte[] fingerprints = TlsOut.fingerprints(chain);
    return new TlsOut(timestamped.length + fingerprints.length).bytes(timestamped).bytes(fingerprints).toByteArray();
  }

  @Override
  public byte[] signedEntry() {
    return new TlsOut(certificate.length() + 3).vector24(certificate.unsafeBytes()).toByteArray();
  }
}
