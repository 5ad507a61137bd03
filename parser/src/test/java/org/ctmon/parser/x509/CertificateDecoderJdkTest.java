package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

/** Every corpus certificate the JDK can read: hashes and serial against the JDK's parser. */
final class CertificateDecoderJdkTest {
  private static final List<CorpusCertificates.CorpusCert> CERTS = CorpusCertificates.all();

  private static CertificateFacts facts(CorpusCertificates.CorpusCert c) {
    return CertificateDecoder.fromCertificate(Der.of(c.der())).facts();
  }

  @Test
  void hashesMatchTheJdkForCertificatesWithoutCtExtensions() throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (CorpusCertificates.CorpusCert c : CERTS) {
      X509Certificate x;
      try {
        x = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(c.der()));
      } catch (Exception jdkCannot) {
        continue;
      }
      CertificateFacts f = facts(c);
      boolean ctExtensions = x.getExtensionValue("1.3.6.1.4.1.11129.2.4.2") != null
          || x.getExtensionValue("1.3.6.1.4.1.11129.2.4.3") != null;
      compared++;
      // the JDK re-encodes what is not DER; compare only what it kept verbatim. A TBS that is not
      // in DER is hashed as a Go log re-encodes it (TbsNormalForm), and says why in its problems.
      byte[] tbs = x.getTBSCertificate();
      if (!ctExtensions && contains(c.der(), tbs) && !Sha256.of(tbs).equals(f.tbsSha256())
          && f.problems().stream().noneMatch(TbsNormalFormTest::notDer)) {
        failures.add(c + ": tbs, problems " + f.problems());
      }
      if (!Sha256.of(x.getEncoded()).equals(f.certSha256())) {
        failures.add(c + ": cert");
      }
      byte[] spki = x.getPublicKey().getEncoded();
      if (spki != null && contains(c.der(), spki) && !Sha256.of(spki).equals(f.spkiSha256())) {
        failures.add(c + ": spki");
      }
      BigInteger serial = x.getSerialNumber();
      String s = (serial.signum() < 0 ? "-" : "") + serial.abs().toString(16);
      if (!s.equals(f.serial())) {
        failures.add(c + ": serial " + s + " vs " + f.serial());
      }
    }
    assertTrue(compared > 500, "only " + compared + " certificates compared with the jdk");
    assertEquals(List.of(), failures);
  }

  private static boolean contains(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }}
