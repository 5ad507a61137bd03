package org.ctmon.testlog.pki;

import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Sha256;

/**
 * What the test PKI issued for one request, and everything it puts into CT logs: the precert entry (absent for {@link
 * IssuanceStyle#PLAIN}), the x509 entry of the final certificate, the SCTs embedded in it, and
 * {@code tbsSha256}, SHA-256 of the TBSCertificate without poison or SCT list: the key that makes a
 * precertificate and its final certificate, in any number of logs, one issuance.
 */
public record TestIssuance(IssuanceRequest request, Optional<IssuedPrecertificate> precert, IssuedCertificate x509,
                           List<Sct> scts, Sha256 tbsSha256) {
  public TestIssuance {
    scts = List.copyOf(scts);
  }

  /** The entries to log: the precert entry first when there is one, then the final certificate. */
  public List<Submission> entries() {
    return precert.isPresent() ? List.of(precert.get(), x509) : List.of(x509);
  }
}
