package org.ctmon.fetcher.stored;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.fetcher.follow.CertificateEntry;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.DnsName;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.parser.x509.PublicKeyFacts;
import org.ctmon.store.ingest.Issuance;

/**
 * From a certificate entry as the follower read it to the store's {@link Issuance}: the
 * certificate's facts (final certificates from their DER, precertificates from the TBS the log
 * signed, which is already poison-free and carries the final issuer, so it hashes like the final
 * certificate's), names as their A-label text, the key as {@code RSA-2048} / {@code EC-P256}, and
 * the DER the follower chose to keep. Stateless.
 */
public final class IssuanceMapping {
  private IssuanceMapping() {}

  /**
   * The issuance of {@code entry}: from complete facts, or from what decoded of a malformed
   * certificate when that is enough to index it ({@link #partialIssuance}).
   */
  public static Optional<Issuance> issuance(CertificateEntry entry) {
    Optional<Issuance> issuance;
    if (entry.facts() instanceof FactsResult.Parsed p) {
      issuance = Optional.of(issuance(entry, p.facts()));
    } else if (entry.facts() instanceof FactsResult.Malformed m) {
      issuance = partialIssuance(entry, m.partial());
    } else {
      throw new AssertionError("unknown facts result " + entry.facts().getClass());
    }
    return issuance.map(i -> i.withIssuerSpki(entry.issuerSpki().orElse(null)));
  }

  private static Issuance issuance(CertificateEntry entry, CertificateFacts facts) {
    Der der = entry.der().orElse(null);
    List<String> names = names(facts);
    return new Issuance(facts.tbsSha256(), certSha256(entry, facts), facts.issuer(), facts.issuerCommonName(),
        facts.issuerOrganization(), facts.subject(), facts.serial(), facts.notBefore(), facts.notAfter(),
        facts.spkiSha256(), keyType(facts.publicKey()), facts.isCa(), entry.precert(), names, facts.ipAddresses(),
        der);
  }

  // A final certificate's hash as decoded; a precertificate's is the kept DER's, if any.
  private static Sha256 certSha256(CertificateEntry entry, CertificateFacts facts) {
    if (!entry.precert() && facts.certSha256() != null) {
      return facts.certSha256();
    }
    return entry.der().map(Der::sha256).orElse(null);
  }

  /** Validity end of a certificate whose notAfter did not decode: never hidden as expired. */
  public static final Instant UNKNOWN_NOT_AFTER = Instant.parse("9999-12-31T23:59:59Z");

  /**
   * The issuance of a certificate that did not decode in full, from what did ({@code partial}),
   * when it has a TBS hash and at least one name or address: certspotter still matches such
   * certificates, and so must the index. Fields that did not decode read as unknown, fail-safe: an
   * unknown notAfter is {@link #UNKNOWN_NOT_AFTER} (never filtered out as expired), an unknown
   * notBefore the epoch, an unknown key {@code UNKNOWN} with the hash of nothing, unknown names
   * and serial empty.
   */
  private static Optional<Issuance> partialIssuance(CertificateEntry entry, CertificateFacts partial) {
    if (partial == null || partial.tbsSha256() == null
        || (partial.dnsNames().isEmpty() && partial.ipAddresses().isEmpty())) {
      return Optional.empty();
    }
    List<String> names = names(partial);
    return Optional.of(new Issuance(partial.tbsSha256(), certSha256(entry, partial), orEmpty(partial.issuer()),
        partial.issuerCommonName(), partial.issuerOrganization(), orEmpty(partial.subject()), orEmpty(partial.serial()),
        partial.notBefore() == null ? Instant.EPOCH : partial.notBefore(),
        partial.notAfter() == null ? UNKNOWN_NOT_AFTER : partial.notAfter(),
        partial.spkiSha256() == null ? Sha256.of(new byte[0]) : partial.spkiSha256(),
        partial.publicKey() == null ? "UNKNOWN" : keyType(partial.publicKey()), partial.isCa(),
        entry.precert(), names, partial.ipAddresses(), entry.der().orElse(null)));
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
