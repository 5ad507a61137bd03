package org.ctmon.fetcher.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.DnsName;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.parser.x509.PublicKeyFacts;
import org.ctmon.store.ingest.Issuance;

/**
 * From a decoded log entry to the store's {@link Issuance}: the certificate's facts (final
 * certificates from their DER, precertificates from the TBS the log signed, which is already
 * poison-free and carries the final issuer, so it hashes like the final certificate's), names as
 * their A-label text, the key as {@code RSA-2048} / {@code EC-P256}, and the DER to keep (the final
 * certificate, or the precertificate with its poison). Stateless.
 */
final class IssuanceMapping {
  private IssuanceMapping() {}

  /** The facts of {@code entry}'s certificate: parsed, or malformed with a reason. */
  static FactsResult facts(LogEntry entry) {
    if (entry instanceof X509Entry x) {
      return CertificateDecoder.fromCertificate(x.certificate());
    }
    if (entry instanceof PrecertEntry p) {
      return CertificateDecoder.fromTbs(p.tbsCertificate(), true);
    }
    throw new AssertionError("unknown entry kind " + entry.getClass());
  }

  /** The issuance of {@code entry}, from complete {@code facts} of its certificate. */
  static Issuance issuance(LogEntry entry, CertificateFacts facts) {
    boolean precert = entry instanceof PrecertEntry;
    Der der;
    Sha256 certSha256;
    if (entry instanceof PrecertEntry p) {
      der = p.preCertificate();
      certSha256 = der.sha256();
    } else if (entry instanceof X509Entry x) {
      der = x.certificate();
      certSha256 = facts.certSha256() != null ? facts.certSha256() : der.sha256();
    } else {
      throw new AssertionError("unknown entry kind " + entry.getClass());
    }
    List<String> names = new ArrayList<>(facts.dnsNames().size());
    for (DnsName n : facts.dnsNames()) {
      names.add(n.name());
    }
    return new Issuance(facts.tbsSha256(), certSha256, facts.issuer(), facts.issuerCommonName(),
        facts.issuerOrganization(), facts.subject(), facts.serial(), facts.notBefore(), facts.notAfter(),
        facts.spkiSha256(), keyType(facts.publicKey()), facts.isCa(), precert, names, facts.ipAddresses(), der);
  }

  /** {@code RSA-2048}, {@code EC-P256}, {@code ED25519}, or the type (upper case) and size. */
  static String keyType(PublicKeyFacts key) {
    String type = key.type().toUpperCase(Locale.ROOT);
    if (key.curve() != null) {
      return type + "-" + curveName(key.curve());
    }
    return key.bits() > 0 && !type.startsWith("ED") ? type + "-" + key.bits() : type;
  }

  private static String curveName(String curve) {
    switch (curve) {
      case "secp256r1":
      case "prime256v1":
        return "P256";
      case "secp384r1":
        return "P384";
      case "secp521r1":
        return "P521";
      default:
        return curve;
    }
  }
}
