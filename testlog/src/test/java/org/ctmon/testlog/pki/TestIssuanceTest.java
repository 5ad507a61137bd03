package org.ctmon.testlog.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1OctetString;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.x509.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestIssuanceTest {
  private static final TestPki PKI = SharedPki.PKI;
  private static final Names MIXED = new Names(List.of(
      SanName.dns("shop.kovalin.com"), SanName.dns("*.shop.kovalin.com"), SanName.dns("xn--bcher-kva.example"),
      SanName.ip("192.0.2.17"), SanName.ip("2001:db8::5")), Optional.of("shop.kovalin.com"));
  private static final IssuanceStyle[] PRECERT_STYLES = {IssuanceStyle.PRECERT, IssuanceStyle.PRECERT_VIA_SIGNING_CERT};

  @TempDir Path tmp;

  /** Every (issuing CA, style) pair the PKI supports. */
  private static List<TestIssuance> everyWay(Names names) {
    List<TestIssuance> out = new ArrayList<>();
    for (CertificateAuthority ca : PKI.issuingCas()) {
      for (IssuanceStyle style : IssuanceStyle.values()) {
        if (style != IssuanceStyle.PRECERT_VIA_SIGNING_CERT || PKI.precertSigner(ca).isPresent()) {
          out.add(PKI.issue(SharedPki.request(names, ca.name(), style)));
        }
      }
    }
    return out;
  }

  @Test
  void precertificateHasTheCriticalPoisonExtensionAsOpensslPrintsIt() throws Exception {
    Openssl openssl = new Openssl(tmp);
    for (IssuanceStyle style : PRECERT_STYLES) {
      String text = openssl.text(PKI.issue(SharedPki.request(MIXED, "DV2", style)).precert().orElseThrow().precertificate());
      assertTrue(text.contains("CT Precertificate Poison: critical"), text);
      assertFalse(text.contains("CT Precertificate SCTs"), text);
    }
  }

  @Test
  void finalCertificateHasTheSctListOfEveryLogAsOpensslPrintsIt() throws Exception {
    String text = new Openssl(tmp).text(PKI.issue(SharedPki.request(MIXED, "R10", IssuanceStyle.PRECERT)).x509().certificate());
    assertTrue(text.contains("CT Precertificate SCTs:"), text);
    assertFalse(text.contains("Poison"), text);
    for (TestLogKey log : List.of(SharedPki.LOG_A, SharedPki.LOG_B)) {
      String colonHex = HexFormat.ofDelimiter(":").withUpperCase().formatHex(Sha256.of(log.publicKey().bytes()).bytes());
      assertTrue(text.replaceAll("\\s+", "").contains("LogID:" + colonHex), "log id of " + log + " in\n" + text);
    }
  }

  @Test
  void opensslListsExactlyTheRequestedNamesInBothCertificates() throws Exception {
    Openssl openssl = new Openssl(tmp);
    TestIssuance i = PKI.issue(SharedPki.request(MIXED, "E5", IssuanceStyle.PRECERT));
    List<String> expected = List.of("DNS:shop.kovalin.com", "DNS:*.shop.kovalin.com", "DNS:xn--bcher-kva.example",
        "IP Address:192.0.2.17", "IP Address:2001:DB8:0:0:0:0:0:5");
    assertEquals(expected, sans(openssl.text(i.x509().certificate())));
    assertEquals(expected, sans(openssl.text(i.precert().orElseThrow().precertificate())));
    assertTrue(openssl.text(i.x509().certificate()).contains("Subject: CN = shop.kovalin.com"));
  }

  @Test
  void opensslListsAllOfAHundredNames() throws Exception {
    List<String> names = new ArrayList<>();
    for (int n = 0; n < 100; n++) {
      names.add("host" + n + ".fleet.kovalin.net");
    }
    TestIssuance i = PKI.issue(SharedPki.request(Names.dns(names.toArray(new String[0])), "R11", IssuanceStyle.PRECERT));
    assertEquals(names.stream().map(n -> "DNS:" + n).toList(), sans(new Openssl(tmp).text(i.x509().certificate())));
  }

  @Test
  void commonNameOnlyCertificateHasNoSanExtension() throws Exception {
    TestIssuance i = PKI.issue(SharedPki.request(Names.commonNameOnly("legacy.kovalin.org"), "R10", IssuanceStyle.PLAIN));
    String text = new Openssl(tmp).text(i.x509().certificate());
    assertFalse(text.contains("Subject Alternative Name"), text);
    assertTrue(text.contains("Subject: CN = legacy.kovalin.org"), text);
  }

  @Test
  void finalCertificateChainVerifiesWithOpensslForEveryIssuingCaAndStyle() throws Exception {
    Openssl openssl = new Openssl(tmp);
    for (TestIssuance i : everyWay(MIXED)) {
      List<Der> chain = i.x509().chain();
      assertEquals(2, chain.size(), "intermediate and root");
      Openssl.Result r = openssl.run(null, "verify", "-attime", Long.toString(SharedPki.VALID_AT.getEpochSecond()),
          "-CAfile", openssl.pem(chain.get(1)).toString(), "-untrusted", openssl.pem(chain.get(0)).toString(),
          openssl.pem(i.x509().certificate()).toString());
      assertEquals(0, r.exit(), i.request().issuer() + " " + i.request().style() + ": " + r.out());
      assertTrue(r.out().trim().endsWith(": OK"), r.out());
    }
  }

  @Test
  void precertificateSignatureVerifiesAgainstItsSignerOnly() throws Exception {
    for (TestIssuance i : everyWay(MIXED)) {
      if (i.precert().isEmpty()) {
        continue;
      }
      IssuedPrecertificate e = i.precert().get();
      X509Certificate precert = jdk(e.precertificate());
      X509Certificate signer = jdk(e.chain().get(0));
      precert.verify(signer.getPublicKey());
      assertEquals(signer.getSubjectX500Principal(), precert.getIssuerX500Principal());
      if (i.request().style() == IssuanceStyle.PRECERT_VIA_SIGNING_CERT) {
        assertEquals(3, e.chain().size(), "signing cert, ca, root");
        X509Certificate ca = jdk(e.chain().get(1));
        assertThrows(SignatureException.class, () -> precert.verify(ca.getPublicKey()));
        assertTrue(signer.getExtendedKeyUsage().contains("1.3.6.1.4.1.11129.2.4.4"));
        signer.verify(ca.getPublicKey());
      } else {
        assertEquals(2, e.chain().size(), "ca, root");
      }
    }
  }

  @Test
  void precertEntryTbsIsTheFinalTbsWithoutTheSctList() throws Exception {
    for (TestIssuance i : everyWay(MIXED)) {
      byte[] finalTbs = i.request().style() == IssuanceStyle.PLAIN
          ? CtTbs.tbs(i.x509().certificate())
          : CtTbs.withoutExtension(i.x509().certificate(), CtTbs.SCT_LIST);
      assertEquals(Sha256.of(finalTbs), i.tbsSha256(), i.request().issuer() + " " + i.request().style());
      if (i.precert().isEmpty()) {
        continue;
      }
      IssuedPrecertificate e = i.precert().get();
      assertArrayEquals(finalTbs, e.tbsCertificate().bytes());
      byte[] precertWithoutPoison = CtTbs.withoutExtension(e.precertificate(), CtTbs.POISON);
      // Signed by the CA itself, removing the poison is all; via a signing cert, issuer and AKI differ too.
      assertEquals(i.request().style() == IssuanceStyle.PRECERT, Arrays.equals(finalTbs, precertWithoutPoison));
    }
  }

  @Test
  void aLogRebuildsEachPrecertEntryFromTheSubmittedChain() {
    for (TestIssuance i : everyWay(MIXED)) {
      if (i.precert().isPresent()) {
        IssuedPrecertificate e = i.precert().get();
        List<Der> submitted = new ArrayList<>();
        submitted.add(e.precertificate());
        submitted.addAll(e.chain());
        assertEquals(e, IssuedPrecertificate.fromChain(submitted), i.request().issuer() + " " + i.request().style());
      }
    }
  }

  @Test
  void issuerKeyHashIsTheSha256OfTheIssuingCaSpkiAsOpensslExtractsIt() throws Exception {
    Openssl openssl = new Openssl(tmp);
    for (TestIssuance i : everyWay(MIXED)) {
      if (i.precert().isPresent()) {
        Der issuingCa = i.x509().chain().get(0);
        assertEquals(Sha256.of(openssl.spkiDer(issuingCa)), i.precert().get().issuerKeyHash());
      }
    }
  }

  @Test
  void embeddedSctsVerifyWithTheLogKeysOverTheRfc6962PrecertStruct() throws Exception {
    for (TestIssuance i : everyWay(MIXED)) {
      if (i.precert().isEmpty()) {
        continue;
      }
      X509Certificate cert = jdk(i.x509().certificate());
      byte[] list = ASN1OctetString.getInstance(
          ASN1OctetString.getInstance(cert.getExtensionValue(CtTbs.SCT_LIST)).getOctets()).getOctets();
      byte[] tbs = CtTbs.withoutExtension(i.x509().certificate(), CtTbs.SCT_LIST);
      byte[] issuerKeyHash = Sha256.of(jdk(i.x509().chain().get(0)).getPublicKey().getEncoded()).bytes();
      List<TestLogKey> logs = List.of(SharedPki.LOG_A, SharedPki.LOG_B);
      ByteBuffer b = ByteBuffer.wrap(list);
      assertEquals(list.length - 2, b.getShort() & 0xffff);
      for (TestLogKey log : logs) {
        int len = b.getShort() & 0xffff;
        ByteBuffer sct = b.slice(b.position(), len);
        b.position(b.position() + len);
        assertEquals(0, sct.get(), "sct version v1");
        byte[] logId = new byte[32];
        sct.get(logId);
        assertArrayEquals(Sha256.of(log.publicKey().bytes()).bytes(), logId);
        long timestamp = sct.getLong();
        assertEquals(i.request().loggedAt().toEpochMilli() + logs.indexOf(log), timestamp);
        assertEquals(0, sct.getShort(), "no extensions");
        assertEquals(4, sct.get(), "sha256");
        assertEquals(3, sct.get(), "ecdsa");
        byte[] sig = new byte[sct.getShort() & 0xffff];
        sct.get(sig);
        assertFalse(sct.hasRemaining());

        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(signed);
        d.writeByte(0); // sct_version v1
        d.writeByte(0); // signature_type certificate_timestamp
        d.writeLong(timestamp);
        d.writeShort(1); // entry_type precert_entry
        d.write(issuerKeyHash);
        d.writeByte(tbs.length >>> 16);
        d.writeShort(tbs.length & 0xffff);
        d.write(tbs);
        d.writeShort(0); // extensions
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(jcaKey(log.publicKey()));
        v.update(signed.toByteArray());
        assertTrue(v.verify(sig), "sct of " + log + " on " + i.request().issuer() + " " + i.request().style());
      }
      assertFalse(b.hasRemaining());
    }
  }

  @Test
  void plainCertificateHasNeitherPoisonNorScts() throws Exception {
    TestIssuance i = PKI.issue(SharedPki.request(MIXED, "E6", IssuanceStyle.PLAIN));
    String text = new Openssl(tmp).text(i.x509().certificate());
    assertFalse(text.contains("CT Precertificate"), text);
    assertTrue(i.precert().isEmpty());
    assertTrue(i.scts().isEmpty());
  }

  @Test
  void brokenCaNameBytesAreWrittenVerbatim() throws Exception {
    Names names = new Names(List.of(SanName.dns("www.kovalin.com\0.evil.example"), SanName.dns("bad name.kovalin.com"),
        SanName.dns("a..kovalin.com"), SanName.dns("caf\u00e9.kovalin.com")), Optional.empty());
    TestIssuance i = PKI.issue(SharedPki.request(names, "R10", IssuanceStyle.PRECERT));
    byte[] san = ASN1OctetString.getInstance(jdk(i.x509().certificate()).getExtensionValue("2.5.29.17")).getOctets();
    byte[] expected = HexFormat.of().parseHex("3057"
        + "821d" + HexFormat.of().formatHex("www.kovalin.com".getBytes()) + "00" + HexFormat.of().formatHex(".evil.example".getBytes())
        + "8214" + HexFormat.of().formatHex("bad name.kovalin.com".getBytes())
        + "820e" + HexFormat.of().formatHex("a..kovalin.com".getBytes())
        + "8210" + HexFormat.of().formatHex("caf".getBytes()) + "e9" + HexFormat.of().formatHex(".kovalin.com".getBytes()));
    assertArrayEquals(expected, san);
    String text = new Openssl(tmp).text(i.x509().certificate());
    assertTrue(text.contains("X509v3 Subject Alternative Name: critical"), "empty subject makes the san critical:\n" + text);
  }

  @Test
  void chainsEndAtTheRootOfTheIssuingCa() {
    for (TestIssuance i : everyWay(MIXED)) {
      CertificateAuthority ca = PKI.ca(i.request().issuer());
      assertEquals(List.of(ca.certificate(), ca.parent().orElseThrow().certificate()), i.x509().chain());
    }
  }

  @Test
  void requestsThatCannotBeIssuedAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PKI.issue(SharedPki.request(MIXED, "R10", IssuanceStyle.PRECERT_VIA_SIGNING_CERT)));
    assertTrue(e.getMessage().startsWith("ca R10 has no precertificate signing certificate"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> PKI.issue(SharedPki.request(MIXED, "R1", IssuanceStyle.PLAIN)));
    assertEquals("ca R1 does not issue leaf certificates", e.getMessage());
  }

  @Test
  void simpleRequestsAreValidForNinetyDaysFromAnHourBeforeLogging() throws Exception {
    Instant at = Instant.parse("2026-05-20T09:30:15.250Z");
    IssuanceRequest r = IssuanceRequest.simple(Names.dns("simple.kovalin.com"), "E6", IssuanceStyle.PRECERT,
        List.of(SharedPki.LOG_A), at);
    X509Certificate cert = jdk(PKI.issue(r).x509().certificate());
    assertEquals(Instant.parse("2026-05-20T08:30:15Z"), cert.getNotBefore().toInstant());
    assertEquals(Instant.parse("2026-08-18T08:30:14Z"), cert.getNotAfter().toInstant());
    assertTrue(cert.getSerialNumber().signum() > 0);
    assertEquals(r, IssuanceRequest.simple(Names.dns("simple.kovalin.com"), "E6", IssuanceStyle.PRECERT,
        List.of(SharedPki.LOG_A), at));
    IssuanceRequest other = IssuanceRequest.simple(Names.dns("other.kovalin.com"), "E6", IssuanceStyle.PRECERT,
        List.of(SharedPki.LOG_A), at);
    assertTrue(!r.serial().equals(other.serial()));
  }

  private static List<String> sans(String opensslText) {
    Matcher m = Pattern.compile("X509v3 Subject Alternative Name:[^\\n]*\\n\\s*([^\\n]*)\\n").matcher(opensslText);
    assertTrue(m.find(), opensslText);
    return List.of(m.group(1).trim().split(", "));
  }

  static X509Certificate jdk(Der cert) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(cert.bytes()));
  }

  static PublicKey jcaKey(Der spki) throws Exception {
    return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki.bytes()));
  }
}
