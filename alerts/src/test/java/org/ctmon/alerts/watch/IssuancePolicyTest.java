package org.ctmon.alerts.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ctmon.parser.x509.CertificateFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class IssuancePolicyTest {
  private static final CaaIssuers CAA = CaaIssuers.bundled();
  private static final CertificateFacts SO =
      Certs.corpus("precerts/final-with-scts/limbo-online/stackoverflow.com.chain.pem");
  private static final CertificateFacts E8 = Certs.corpus("certs/letsencrypt/2024__e8.pem");
  private static final CertificateFacts GOOGLE =
      Certs.corpus("precerts/final-with-scts/limbo-online/google.com.chain.pem");

  private static IssuancePolicy.IssuanceFacts facts(CertificateFacts f, String issuerSpki) {
    return new IssuancePolicy.IssuanceFacts(f.issuerOrganization(), f.issuerCommonName(), f.issuer(), issuerSpki,
        f.spkiSha256().hex(), Certs.dnsNames(f), f.ipAddresses());
  }

  private static IssuancePolicy.Evaluation eval(List<String> issuers, List<String> keys, List<String> never,
      IssuancePolicy.IssuanceFacts f) {
    return IssuancePolicy.of(issuers, keys, never, CAA).evaluate(f);
  }

  @Test
  void caaTableMapsLetsEncryptToTheIssuerOrganisationOfRealCertificates() {
    assertEquals("Let's Encrypt", SO.issuerOrganization());
    assertTrue(CAA.organisations("letsencrypt.org").contains(SO.issuerOrganization().toLowerCase()));
    assertTrue(CAA.spkiSha256("letsencrypt.org").contains(E8.spkiSha256().hex()));
    assertTrue(CAA.organisations("pki.goog").contains(GOOGLE.issuerOrganization().toLowerCase()));
  }

  @Test
  void emptyPolicyExpectsEverything() {
    assertEquals(new IssuancePolicy.Evaluation(true, List.of()), eval(List.of(), List.of(), List.of(), facts(SO, null)));
  }

  @Test
  void issuerAllowedByCaaDomainByNameOrByKey() {
    assertTrue(eval(List.of("letsencrypt.org"), List.of(), List.of(), facts(SO, null)).expected());
    assertTrue(eval(List.of("let's encrypt"), List.of(), List.of(), facts(SO, null)).expected());
    assertTrue(eval(List.of("E8"), List.of(), List.of(), facts(SO, null)).expected());
    assertTrue(eval(List.of("sha256:" + E8.spkiSha256().hex().toUpperCase()), List.of(), List.of(),
        facts(SO, E8.spkiSha256().hex())).expected());
  }

  @Test
  void otherIssuerIsNotAllowed() {
    assertEquals(new IssuancePolicy.Evaluation(false, List.of("issuer not allowed: " + SO.issuer())),
        eval(List.of("pki.goog", "digicert.com"), List.of(), List.of(), facts(SO, null)));
    assertEquals("CN=E8,O=Let's Encrypt,C=US", SO.issuer());
  }

  @Test
  void issuerKeyOnlyPolicyIsUnexpectedWhenTheIssuerKeyIsUnknown() {
    assertEquals(List.of("issuer could not be checked (issuer key unknown): " + SO.issuer()),
        eval(List.of("sha256:" + E8.spkiSha256().hex()), List.of(), List.of(), facts(SO, null)).reasons());
  }

  @Test
  void unknownSubjectKeyIsReported() {
    String other = "00".repeat(32);
    assertEquals(List.of("key not known: " + SO.spkiSha256().hex()),
        eval(List.of(), List.of(other), List.of(), facts(SO, null)).reasons());
    assertTrue(eval(List.of(), List.of(SO.spkiSha256().hex()), List.of(), facts(SO, null)).expected());
  }

  @Test
  void neverIssueNamesAreAlwaysUnexpected() {
    IssuancePolicy.IssuanceFacts f = new IssuancePolicy.IssuanceFacts("Let's Encrypt", "R11",
        "C=US, O=Let's Encrypt, CN=R11", null, "ab".repeat(32), List.of("www.example.com", "admin.example.com"),
        List.of("192.0.2.5"));
    assertEquals(new IssuancePolicy.Evaluation(false, List.of("issuer not allowed: C=US, O=Let's Encrypt, CN=R11",
        "name never to be issued: admin.example.com", "address never to be issued: 192.0.2.5")),
        eval(List.of("pki.goog"), List.of(), List.of("admin.example.com", "192.0.2.0/24"), f));
  }

  @Test
  void badValuesAreRefusedWithTheValueNamed() {
    assertEquals("invalid expected issuer \"sha256:abc\": sha256: needs 64 hex digits",
        assertThrows(InvalidWatchItemException.class, () -> IssuancePolicy.of(List.of("sha256:abc"), List.of(),
            List.of(), CAA)).getMessage());
    assertEquals("invalid expected issuer \"unknown-ca.example\": unknown caa issuer domain (add it to the caa issuer"
        + " table, or give the ca name or sha256:)", assertThrows(InvalidWatchItemException.class,
            () -> IssuancePolicy.of(List.of("unknown-ca.example"), List.of(), List.of(), CAA)).getMessage());
    assertEquals("invalid known key \"xyz\": needs 64 hex digits (sha-256 of the spki)",
        assertThrows(InvalidWatchItemException.class, () -> IssuancePolicy.of(List.of(), List.of("xyz"), List.of(),
            CAA)).getMessage());
    assertEquals("invalid watch item \"*\": a bare wildcard; use .example.com for a domain and its subdomains",
        assertThrows(InvalidWatchItemException.class, () -> IssuancePolicy.of(List.of(), List.of(), List.of("*"),
            CAA)).getMessage());
  }

  @Test
  void usersExtendTheCaaTable(@TempDir Path dir) throws Exception {
    Path tsv = dir.resolve("extra.tsv");
    Files.writeString(tsv, "# ours\nca.internal.example\tExample Internal CA\n");
    CaaIssuers table = CAA.withExtra(tsv);
    IssuancePolicy.IssuanceFacts f = new IssuancePolicy.IssuanceFacts("Example Internal CA", "Issuing 1",
        "O=Example Internal CA, CN=Issuing 1", null, "ab".repeat(32), List.of("a.example"), List.of());
    assertTrue(IssuancePolicy.of(List.of("ca.internal.example", "letsencrypt.org"), List.of(), List.of(), table)
        .evaluate(f).expected());
    Files.writeString(tsv, "ca.internal.example Example Internal CA\n");
    assertEquals("invalid caa issuer mapping at " + tsv + " line 1: no tab between domain and value",
        assertThrows(InvalidWatchItemException.class, () -> CAA.withExtra(tsv)).getMessage());
  }
}
