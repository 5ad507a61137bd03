package org.ctmon.testlog.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.x509.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestLogKeyTest {
  private static final TestLogKey LOG = SharedPki.LOG_A;

  @TempDir Path tmp;

  @Test
  void logIdIsTheSha256OfThePublicKeyAsOpensslReadsIt() throws Exception {
    Path pem = tmp.resolve("log.pem");
    Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + LOG.publicKey().base64() + "\n-----END PUBLIC KEY-----\n");
    Openssl.Result r = new Openssl(tmp).run(null, "pkey", "-pubin", "-in", pem.toString(), "-text", "-noout");
    assertTrue(r.out().contains("ASN1 OID: prime256v1"), r.out());
    assertEquals(Sha256.of(LOG.publicKey().bytes()), LOG.logId());
  }

  @Test
  void x509SctWithExtensionsVerifiesOverTheIndependentlyBuiltStruct() throws Exception {
    TestIssuance i = SharedPki.PKI.issue(SharedPki.request(Names.dns("plain.kovalin.com"), "R10", IssuanceStyle.PLAIN));
    byte[] leafIndexExtension = HexFormat.of().parseHex("0000050000002a"); // static-ct-api leaf_index 42
    Sct sct = LOG.sign(i.x509(), 1_700_000_000_123L, leafIndexExtension);
    byte[] cert = i.x509().certificate().bytes();
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(signed);
    d.writeByte(0);
    d.writeByte(0);
    d.writeLong(1_700_000_000_123L);
    d.writeShort(0); // x509_entry
    d.writeByte(cert.length >>> 16);
    d.writeShort(cert.length & 0xffff);
    d.write(cert);
    d.writeShort(leafIndexExtension.length);
    d.write(leafIndexExtension);
    Signature v = Signature.getInstance("SHA256withECDSA");
    v.initVerify(TestIssuanceTest.jcaKey(LOG.publicKey()));
    v.update(signed.toByteArray());
    assertTrue(v.verify(sct.signature()));
    assertArrayEquals(leafIndexExtension, sct.extensions());
  }

  @Test
  void sctEncodingFollowsRfc6962Section32() {
    TestIssuance i = SharedPki.PKI.issue(SharedPki.request(Names.dns("enc.kovalin.com"), "E6", IssuanceStyle.PRECERT));
    Sct sct = i.scts().get(0);
    byte[] enc = sct.encoded();
    byte[] sig = sct.signature();
    assertEquals(1 + 32 + 8 + 2 + 2 + 2 + sig.length, enc.length);
    assertEquals(0, enc[0]);
    assertEquals(LOG.logId(), Sha256.wrap(enc, 1));
    assertEquals(i.request().loggedAt().toEpochMilli(), ByteBuffer.wrap(enc, 33, 8).getLong());
    assertArrayEquals(HexFormat.of().parseHex("00000403"), Arrays.copyOfRange(enc, 41, 45));
    assertEquals(sig.length, ByteBuffer.wrap(enc, 45, 2).getShort());
  }

  @Test
  void jcaKeyPairSignsWhatThePublicKeyVerifies() throws Exception {
    KeyPair kp = LOG.keyPair();
    assertArrayEquals(LOG.publicKey().bytes(), kp.getPublic().getEncoded());
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(kp.getPrivate());
    s.update(new byte[] {1, 2, 3});
    byte[] jcaSig = s.sign();
    Signature v = Signature.getInstance("SHA256withECDSA");
    v.initVerify(TestIssuanceTest.jcaKey(LOG.publicKey()));
    v.update(new byte[] {1, 2, 3});
    assertTrue(v.verify(jcaSig));
  }

  @Test
  void treeHeadStyleDigitallySignedVerifies() throws Exception {
    byte[] sth = HexFormat.of().parseHex("0001000001890000000000000000002a" + "00".repeat(32));
    byte[] ds = LOG.digitallySigned(sth);
    assertEquals(4, ds[0]);
    assertEquals(3, ds[1]);
    Signature v = Signature.getInstance("SHA256withECDSA");
    v.initVerify(TestIssuanceTest.jcaKey(LOG.publicKey()));
    v.update(sth);
    assertTrue(v.verify(Arrays.copyOfRange(ds, 4, ds.length)));
    assertEquals(ds.length - 4, ((ds[2] & 0xff) << 8) | (ds[3] & 0xff));
    assertEquals(List.of(Der.of(ds)), List.of(Der.of(LOG.digitallySigned(sth))), "deterministic");
  }
}
