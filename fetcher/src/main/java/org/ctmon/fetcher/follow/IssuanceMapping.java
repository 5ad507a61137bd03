package org.ctmon.fetcher.follow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.DnsName;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.parser.x509.PrecertCheck;
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

  /**
   * Why {@code entry}'s precertificate is not the one its log signed (it comes beside the leaf,
   * not under the tree), if it is not; empty for a certificate entry.
   */
  static Optional<String> precertProblem(LogEntry entry) {
    if (entry instanceof PrecertEntry p) {
      return PrecertCheck.mismatch(p.preCertificate(), p.tbsCertificate())
          .map(why -> "pre_certificate is not the one the log signed: " + why);
    }
    return Optional.empty();
  }

  /** The issuance of {@code entry}, from complete {@code facts} of its certificate. */
  static Issuance issuance(LogEntry entry, CertificateFacts facts) {
    return issuance(entry, facts, true);
  }

  /**
   * The issuance of {@code entry}; with {@code keepPrecert} false (a precertificate that is not the
   * one the log signed) the leaf's facts are kept but not the precertificate's DER or hash, so it
   * is never served as the certificate.
   */
  static Issuance issuance(LogEntry entry, CertificateFacts facts, boolean keepPrecert) {
    boolean precert = entry instanceof PrecertEntry;
    Der der;
    Sha256 certSha256;
    if (entry instanceof PrecertEntry p) {
      der = keepPrecert ? p.preCertificate() : null;
      certSha256 = der == null ? null : der.sha256();
    } else if (entry instanceof X509Entry x) {
      der = x.certificate();
      certSha256 = facts.certSha256() != null ? facts.certSha256() : der.sha256();
    } else {
      throw new AssertionError("unknown entry kind " + entry.getClass());
    }
    List<String> names = names(facts);
    return new Issuance(facts.tbsSha256(), certSha256, facts.issuer(), facts.issuerCommonName(),
        facts.issuerOrganization(), facts.subject(), facts.serial(), facts.notBefore(), facts.notAfter(),
        facts.spkiSha256(), keyType(facts.publicKey()), facts.isCa(), precert, names, facts.ipAddresses(), der);
  }

  /** Validity end of a certificate whose notAfter did not decode: never hidden as expired. */
  static final Instant UNKNOWN_NOT_AFTER = Instant.parse("9999-12-31T23:59:59Z");

  /**
   * The issuance of a certificate that did not decode in full, from what did ({@code partial}),
   * when it has a TBS hash and at least one name or address: certspotter still matches such
   * certificates, and so must the index. Fields that did not decode read as unknown, fail-safe: an
   * unknown notAfter is {@link #UNKNOWN_NOT_AFTER} (never filtered out as expired), an unknown
   * notBefore the epoch, an unknown key {@code UNKNOWN} with the hash of nothing, unknown names
   * and serial empty.
   */
  static Optional<Issuance> partialIssuance(LogEntry entry, CertificateFacts partial, boolean keepPrecert) {
    if (partial == null || partial.tbsSha256() == null
        || (partial.dnsNames().isEmpty() && partial.ipAddresses().isEmpty())) {
      return Optional.empty();
    }
    Der der = entry instanceof PrecertEntry p ? (keepPrecert ? p.preCertificate() : null)
        : ((X509Entry) entry).certificate();
    Sha256 certSha256 = partial.certSha256() != null && !(entry instanceof PrecertEntry) ? partial.certSha256()
        : der == null ? null : der.sha256();
    List<String> names = names(partial);
    return Optional.of(new Issuance(partial.tbsSha256(), certSha256, orEmpty(partial.issuer()),
        partial.issuerCommonName(), partial.issuerOrganization(), orEmpty(partial.subject()), orEmpty(partial.serial()),
        partial.notBefore() == null ? Instant.EPOCH : partial.notBefore(),
        partial.notAfter() == null ? UNKNOWN_NOT_AFTER : partial.notAfter(),
        partial.spkiSha256() == null ? Sha256.of(new byte[0]) : partial.spkiSha256(),
        partial.publicKey() == null ? "UNKNOWN" : keyType(partial.publicKey()), partial.isCa(),
        entry instanceof PrecertEntry, names, partial.ipAddresses(), der));
  }

  /** The certificate's DNS names as their keys (A-label text). */
  private static List<String> names(CertificateFacts facts) {
    List<String> names = new ArrayList<>(facts.dnsNames().size());
    for (DnsName n : facts.dnsNames()) {
      names.add(n.name());
    }
    return names;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
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
