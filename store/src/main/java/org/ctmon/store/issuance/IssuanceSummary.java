package org.ctmon.store.issuance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Sha256;

/**
 * One stored issuance as search results and the API show it (everything but DER and entries).
 * Text is returned exactly as it was ingested.
 *
 * @param tbsSha256 the issuance's key
 * @param dnsNames its DNS names, in the order ingested
 * @param ipAddresses its IP addresses
 * @param subjectDn subject distinguished name
 * @param issuerDn issuer distinguished name
 * @param issuerCn issuer common name (first 800 characters), if any
 * @param issuerO issuer organization (first 800 characters), if any
 * @param serialHex serial number, lower-case hex
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param spkiSha256 SHA-256 of the public key info
 * @param keyType key algorithm and size or curve
 * @param ca whether it is a CA certificate
 * @param precertSeen whether a precertificate was logged
 * @param finalSeen whether the final certificate was logged
 * @param certSha256 fingerprint of the final certificate, once seen
 * @param precertSha256 fingerprint of the precertificate, once seen
 * @param firstSeen timestamp of the first log entry stored for it
 */
public record IssuanceSummary(
    Sha256 tbsSha256,
    List<String> dnsNames,
    List<String> ipAddresses,
    String subjectDn,
    String issuerDn,
    Optional<String> issuerCn,
    Optional<String> issuerO,
    String serialHex,
    Instant notBefore,
    Instant notAfter,
    Sha256 spkiSha256,
    String keyType,
    boolean ca,
    boolean precertSeen,
    boolean finalSeen,
    Optional<Sha256> certSha256,
    Optional<Sha256> precertSha256,
    Instant firstSeen) {
  public IssuanceSummary {
    dnsNames = List.copyOf(dnsNames);
    ipAddresses = List.copyOf(ipAddresses);
  }
}
