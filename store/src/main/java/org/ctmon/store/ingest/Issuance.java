package org.ctmon.store.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * What the store keeps of one decoded certificate or precertificate: the input of ingest.
 *
 * <p>A precertificate and its final certificate have the same {@code tbsSha256} (the TBS with
 * poison and SCT list removed) and become one stored issuance. Text fields are stored intact,
 * whatever characters they hold.
 *
 * @param tbsSha256 SHA-256 of the TBSCertificate without poison and SCT-list extensions
 * @param certSha256 SHA-256 of this (pre)certificate's DER, or {@code null} when unknown
 * @param issuerDn issuer distinguished name as text (RFC 4514 form)
 * @param issuerCn issuer common name, or {@code null}
 * @param issuerO issuer organization, or {@code null}
 * @param subjectDn subject distinguished name as text
 * @param serialHex serial number, lower-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param spkiSha256 SHA-256 of the SubjectPublicKeyInfo DER
 * @param keyType key algorithm and size or curve, e.g. {@code RSA-2048}, {@code EC-P256}
 * @param ca whether basicConstraints says CA
 * @param precert whether this is the precertificate (else the final certificate)
 * @param dnsNames DNS names (SAN dNSName and CN when it is a name), normalized: lower case,
 *     A-labels; duplicates are dropped, order is kept. Any number: the store indexes the first
 *     65,536 ({@link org.ctmon.store.NameKey#MAX_NAMES}), the watch-list matcher sees them all
 * @param ipAddresses IP addresses in text form (the store indexes the first 32,768)
 * @param der the (pre)certificate's DER, or {@code null}; stored only when retention asks for it
 * @param issuerSpkiSha256 SHA-256 of the issuing CA's SubjectPublicKeyInfo, or {@code null} when
 *     the entry does not say; seen by the watch-list policy, not stored
 */
public record Issuance(
    Sha256 tbsSha256,
    Sha256 certSha256,
    String issuerDn,
    String issuerCn,
    String issuerO,
    String subjectDn,
    String serialHex,
    Instant notBefore,
    Instant notAfter,
    Sha256 spkiSha256,
    String keyType,
    boolean ca,
    boolean precert,
    List<String> dnsNames,
    List<String> ipAddresses,
    Der der,
    Sha256 issuerSpkiSha256) {
  public Issuance {
    Objects.requireNonNull(tbsSha256, "tbsSha256");
    Objects.requireNonNull(issuerDn, "issuerDn");
    Objects.requireNonNull(subjectDn, "subjectDn");
    Objects.requireNonNull(serialHex, "serialHex");
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
    Objects.requireNonNull(spkiSha256, "spkiSha256");
    Objects.requireNonNull(keyType, "keyType");
    dnsNames = List.copyOf(new java.util.LinkedHashSet<>(dnsNames));
    ipAddresses = List.copyOf(new java.util.LinkedHashSet<>(ipAddresses));
  }

  /** An issuance whose issuer key is not known. */
  public Issuance(Sha256 tbsSha256, Sha256 certSha256, String issuerDn, String issuerCn, String issuerO,
                  String subjectDn, String serialHex, Instant notBefore, Instant notAfter, Sha256 spkiSha256,
                  String keyType, boolean ca, boolean precert, List<String> dnsNames, List<String> ipAddresses,
                  Der der) {
    this(tbsSha256, certSha256, issuerDn, issuerCn, issuerO, subjectDn, serialHex, notBefore, notAfter, spkiSha256,
        keyType, ca, precert, dnsNames, ipAddresses, der, null);
  }

  /** This issuance with the issuing CA's key hash. */
  public Issuance withIssuerSpki(Sha256 issuerSpki) {
    return new Issuance(tbsSha256, certSha256, issuerDn, issuerCn, issuerO, subjectDn, serialHex, notBefore, notAfter,
        spkiSha256, keyType, ca, precert, dnsNames, ipAddresses, der, issuerSpki);
  }
}
