package org.ctmon.testlog.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.junit.jupiter.api.Test;

/**
 * A CA's {@link TbsQuirk}s are in its precertificate and final certificate, which still verify,
 * and not in the precert entry the log logs (written in DER as a Go log writes it).
 */
final class TbsQuirkTest {
  private static final Names NAMES = new Names(List.of(SanName.dns("quirk.example.com")), Optional.empty());

  private static TestIssuance issue(TbsQuirk quirk, IssuanceStyle style) {
    return SharedPki.PKI.issue(SharedPki.request(NAMES, "E6", style).withQuirks(quirk));
  }

  private static String hex(Der der) {
    return HexFormat.of().formatHex(der.bytes());
  }

  @Test
  void explicitCriticalFalseIsInTheCertificatesAndNotInTheLoggedTbs() throws Exception {
    for (IssuanceStyle style : List.of(IssuanceStyle.PRECERT, IssuanceStyle.PRECERT_VIA_SIGNING_CERT)) {
      TestIssuance i = issue(TbsQuirk.CRITICAL_FALSE, style);
      // extendedKeyUsage (2.5.29.37), not critical, with its FALSE written out
      assertTrue(hex(i.x509().certificate()).contains("0603551d250101000416"), style.toString());
      assertTrue(hex(i.precert().orElseThrow().precertificate()).contains("0603551d25010100"), style.toString());
      assertFalse(hex(i.precert().orElseThrow().tbsCertificate()).contains("010100"), style.toString());
      assertTrue(hex(i.precert().orElseThrow().tbsCertificate()).contains("0603551d250416"), style.toString());
      verifies(i);
    }
  }

  @Test
  void nonMinimalSerialIsInTheCertificatesAndMinimalInTheLoggedTbs() throws Exception {
    TestIssuance i = issue(TbsQuirk.NON_MINIMAL_SERIAL, IssuanceStyle.PRECERT);
    String serial = "3a9f1c07d2e5b86a01f4c3b2a1908e7d6c";
    assertTrue(hex(i.x509().certificate()).contains("021200" + serial));
    assertTrue(hex(i.precert().orElseThrow().precertificate()).contains("021200" + serial));
    assertTrue(hex(i.precert().orElseThrow().tbsCertificate()).startsWith("a003020102" + "0211" + serial,
        hex(i.precert().orElseThrow().tbsCertificate()).indexOf("a003020102")));
  }

  @Test
  void utcTimeWithoutSecondsIsInTheCertificatesAndHasSecondsInTheLoggedTbs() throws Exception {
    TestIssuance i = issue(TbsQuirk.UTC_TIME_WITHOUT_SECONDS, IssuanceStyle.PRECERT);
    // 2026-05-20T08:00Z and 2026-08-18T07:59Z (the seconds dropped)
    String noSeconds = "170b" + ascii("2605200800Z") + "170b" + ascii("2608180759Z");
    String seconds = "170d" + ascii("260520080000Z") + "170d" + ascii("260818075900Z");
    assertTrue(hex(i.x509().certificate()).contains(noSeconds));
    assertTrue(hex(i.precert().orElseThrow().tbsCertificate()).contains(seconds));
    verifies(i);
  }

  /** The JDK reads both certificates and their signatures verify under the CA's key. */
  private static void verifies(TestIssuance i) throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    X509Certificate ca = (X509Certificate) cf.generateCertificate(
        new ByteArrayInputStream(SharedPki.PKI.ca("E6").certificate().bytes()));
    X509Certificate fin = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(i.x509().certificate().bytes()));
    fin.verify(ca.getPublicKey());
    assertEquals(1, fin.getNonCriticalExtensionOIDs().stream().filter("2.5.29.37"::equals).count());
  }

  private static String ascii(String s) {
    return HexFormat.of().formatHex(s.getBytes(StandardCharsets.US_ASCII));
  }
}
