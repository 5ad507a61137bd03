package org.ctmon.fetcher.follow;

import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.x509.FactsResult;

/**
 * One log entry's certificate as the parser read it: the facts (complete, or what decoded of a
 * malformed certificate), the DER worth keeping and the issuer's key. The store decides what of it
 * becomes an issuance; the follower does not flatten it.
 *
 * @param precert whether the entry is a precertificate (its facts are those of the TBS the log signed)
 * @param der the final certificate, or the precertificate when it is the one the log signed; empty
 *     for a precertificate that is not
 * @param issuerSpki the SHA-256 of the issuer's SubjectPublicKeyInfo, when the entry says
 */
public record CertificateEntry(long index, long timestampMs, boolean precert, FactsResult facts, Optional<Der> der,
                               Optional<Sha256> issuerSpki) {
  public CertificateEntry {
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(der, "der");
    Objects.requireNonNull(issuerSpki, "issuerSpki");
  }

  /**
   * The certificate of {@code entry} with its {@code facts}; with {@code keepPrecert} false (a
   * precertificate that is not the one the log signed) the precertificate's DER is not kept, so it
   * is never served as the certificate.
   */
  public static CertificateEntry of(LogEntry entry, FactsResult facts, boolean keepPrecert) {
    Der der;
    if (entry instanceof PrecertEntry p) {
      der = keepPrecert ? p.preCertificate() : null;
    } else if (entry instanceof X509Entry x) {
      der = x.certificate();
    } else {
      throw new AssertionError("unknown entry kind " + entry.getClass());
    }
    return new CertificateEntry(entry.index(), entry.timestamp(), entry instanceof PrecertEntry, facts,
        Optional.ofNullable(der), Optional.ofNullable(IssuerKeys.of(entry)));
  }
}
