package org.ctmon.parser.x509;

import java.time.Instant;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * What a CT monitor needs to know about one certificate or precertificate.
 *
 * <p>In a {@link FactsResult.Parsed} every field is present except {@code certSha256} (null for
 * precertificate entries), {@code issuerCommonName} and {@code issuerOrganization} (null when
 * the issuer has none). In a {@link FactsResult.Malformed} any field that could not be recovered
 * is null. Lists are never null, immutable, and sorted where the component says so.
 *
 * @param tbsSha256 SHA-256 of the TBSCertificate with the CT poison and embedded SCT list
 *     extensions removed: equal for a precertificate and its final certificate
 * @param certSha256 SHA-256 of the certificate as logged (null for precertificate entries)
 * @param dnsNames SAN dNSNames and host-name-like subject CNs, sorted and unique by key
 * @param ipAddresses SAN iPAddresses and IP-literal subject CNs as canonical text (IPv4 dotted,
 *     IPv6 RFC 5952), sorted and unique
 * @param subject the subject DN as an RFC 4514 string, spelled as {@code openssl x509 -nameopt
 *     RFC2253} prints it: last RDN first, OpenSSL's short attribute names ({@code CN}, {@code O},
 *     {@code emailAddress}, ...) or the dotted OID, RFC 4514 escapes, control characters as
 *     {@code \xx}, non-string values as {@code #} and hex DER
 * @param issuer the issuer DN, spelled as {@code subject}
 * @param issuerCommonName the first CN of the issuer, or null
 * @param issuerOrganization the first O of the issuer, or null
 * @param serial lower-case hex of the serial's magnitude, {@code -} prefix if negative, no
 *     leading zeros
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param spkiSha256 SHA-256 of the SubjectPublicKeyInfo DER
 * @param publicKey key type and size
 * @param signatureAlgorithm the TBS signature algorithm, OpenSSL's name or the dotted OID
 * @param isCa whether basicConstraints says cA
 * @param precertificate whether this came from a precertificate entry or carries the poison
 * @param embeddedScts SCTs in the embedded SCT list extension, in order
 * @param problems lower-case descriptions of oddities that were recovered from
 */
public record CertificateFacts(
    Sha256 tbsSha256,
    Sha256 certSha256,
    List<DnsName> dnsNames,
    List<String> ipAddresses,
    String subject,
    String issuer,
    String issuerCommonName,
    String issuerOrganization,
    String serial,
    Instant notBefore,
    Instant notAfter,
    Sha256 spkiSha256,
    PublicKeyFacts publicKey,
    String signatureAlgorithm,
    boolean isCa,
    boolean precertificate,
    List<EmbeddedSct> embeddedScts,
    List<String> problems) {
  /** Copies the lists (null becomes empty). */
  public CertificateFacts {
    dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
    embeddedScts = embeddedScts == null ? List.of() : List.copyOf(embeddedScts);
    problems = problems == null ? List.of() : List.copyOf(problems);
  }

  /** Whether every field a parsed certificate must have is present. */
  boolean complete() {
    return tbsSha256 != null && dnsNames != null && subject != null && issuer != null && serial != null
        && notBefore != null && notAfter != null && spkiSha256 != null && publicKey != null
        && signatureAlgorithm != null;
  }
}
