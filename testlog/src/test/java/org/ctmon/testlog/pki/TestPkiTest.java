package org.ctmon.testlog.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Der;
import org.ctmon.parser.x509.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestPkiTest {
  private static final TestPki PKI = SharedPki.PKI;

  @TempDir Path tmp;

  @Test
  void everyCaCertificateVerifiesUpToItsRootWithOpenssl() throws Exception {
    Openssl openssl = new Openssl(tmp);
    for (CertificateAuthority ca : PKI.all()) {
      List<Der> chain = ca.chain();
      Der root = chain.get(chain.size() - 1);
      Der[] untrusted = chain.subList(1, Math.max(1, chain.size() - 1)).toArray(new Der[0]);
      List<String> cmd = new ArrayList<>(List.of("verify", "-attime",
          Long.toString(SharedPki.VALID_AT.getEpochSecond()), "-purpose", "any", "-CAfile", openssl.pem(root).toString()));
      if (untrusted.length > 0) {
        cmd.addAll(List.of("-untrusted", openssl.pem(untrusted).toString()));
      }
      cmd.add(openssl.pem(ca.certificate()).toString());
      Openssl.Result r = openssl.run(null, cmd.toArray(new String[0]));
      assertEquals(0, r.exit(), ca + ": " + r.out());
    }
  }

  @Test
  void rootsAndIntermediatesCarryRealisticNamesAndConstraints() throws Exception {
    Openssl openssl = new Openssl(tmp);
    String root = openssl.text(PKI.ca("R1").certificate());
    assertTrue(root.contains("Subject: C = US, O = Test Trust Services, CN = Test Root R1"), root);
    assertTrue(root.contains("Public-Key: (2048 bit)"), root);
    assertTrue(root.contains("CA:TRUE"), root);
    assertTrue(root.contains("Certificate Sign, CRL Sign"), root);
    String e5 = openssl.text(PKI.ca("E5").certificate());
    assertTrue(e5.contains("Issuer: C = US, O = Test Trust Services, CN = Test Root E1"), e5);
    assertTrue(e5.contains("NIST CURVE: P-384"), e5);
    assertTrue(e5.contains("Signature Algorithm: ecdsa-with-SHA384"), e5);
    assertTrue(e5.contains("CA:TRUE, pathlen:0"), e5);
    assertTrue(e5.contains("X509v3 Authority Key Identifier"), e5);
    String e6 = openssl.text(PKI.ca("E6").certificate());
    assertTrue(e6.contains("NIST CURVE: P-256"), e6);
  }

  @Test
  void precertSigningCertificatesCarryTheCtEkuAndAreCertifiedByTheirCa() throws Exception {
    Openssl openssl = new Openssl(tmp);
    int signers = 0;
    for (CertificateAuthority ca : PKI.issuingCas()) {
      assertFalse(PrecertTbs.isPrecertSigningCertificate(ca.certificate()), ca.name());
      if (PKI.precertSigner(ca).isEmpty()) {
        continue;
      }
      signers++;
      CertificateAuthority signer = PKI.precertSigner(ca).get();
      assertTrue(PrecertTbs.isPrecertSigningCertificate(signer.certificate()));
      String text = openssl.text(signer.certificate());
      assertTrue(text.contains("CT Precertificate Signer"), text);
      assertFalse(text.contains("TLS Web Server Authentication"), text);
      assertEquals(ca.certificate(), signer.chain().get(1));
      assertEquals(ca.keyKind(), signer.keyKind(), "the tbs signature algorithm must match the final certificate's");
    }
    assertEquals(2, signers);
  }

  @Test
  void theSameSeedGivesByteIdenticalCertificatesAndIssuances() {
    TestPki again = TestPki.create(SharedPki.SEED);
    assertEquals(PKI.all().stream().map(CertificateAuthority::certificate).toList(),
        again.all().stream().map(CertificateAuthority::certificate).toList());
    TestLogKey log = TestLogKey.fromSeed(SharedPki.SEED, "argon-test");
    assertEquals(SharedPki.LOG_A.publicKey(), log.publicKey());
    IssuanceStream a = new IssuanceStream(PKI, List.of(SharedPki.LOG_A, SharedPki.LOG_B), 7, SharedPki.VALID_AT);
    IssuanceStream b = new IssuanceStream(again, List.of(log, TestLogKey.fromSeed(SharedPki.SEED, "xenon-test")), 7,
        SharedPki.VALID_AT);
    for (int i = 0; i < 40; i++) {
      TestIssuance x = a.next();
      TestIssuance y = b.next();
      assertEquals(x.x509(), y.x509(), "issuance " + i);
      assertEquals(x.precert(), y.precert(), "issuance " + i);
      assertEquals(x.scts(), y.scts(), "issuance " + i);
    }
  }

  @Test
  void differentSeedsGiveDifferentKeysAndCertificates() {
    TestPki other = TestPki.create(SharedPki.SEED + 1);
    for (CertificateAuthority ca : PKI.all()) {
      CertificateAuthority o = other.ca(ca.name());
      assertEquals(ca.subject(), o.subject());
      assertNotEquals(ca.spki(), o.spki(), ca.name());
      assertNotEquals(ca.certificate(), o.certificate(), ca.name());
    }
    assertNotEquals(PKI.leafKeySpki(0), other.leafKeySpki(0));
    assertNotEquals(SharedPki.LOG_A.publicKey(), TestLogKey.fromSeed(SharedPki.SEED + 1, "argon-test").publicKey());
    assertNotEquals(SharedPki.LOG_A.publicKey(), SharedPki.LOG_B.publicKey());
  }

  @Test
  void sctExtensionsGoIntoTheSctsOfTheNamedLogsOnly() {
    IssuanceRequest request = SharedPki.request(Names.dns("ext.example.com"), "E6", IssuanceStyle.PRECERT);
    byte[] leafIndex = {0, 0, 5, 0, 0, 0, 1, 44};
    TestIssuance plain = PKI.issue(request);
    TestIssuance stamped = PKI.issue(request, Map.of(SharedPki.LOG_B, leafIndex));
    assertEquals(0, stamped.scts().get(0).extensions().length);
    assertEquals(Arrays.toString(leafIndex), Arrays.toString(stamped.scts().get(1).extensions()));
    assertEquals(plain.scts().get(0), stamped.scts().get(0));
    assertNotEquals(plain.x509().certificate(), stamped.x509().certificate(), "the final certificate embeds the new sct");
    assertEquals(plain.tbsSha256(), stamped.tbsSha256());
  }
}
