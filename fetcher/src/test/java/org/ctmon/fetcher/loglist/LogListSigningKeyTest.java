package org.ctmon.fetcher.loglist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.ctmon.parser.Der;
import org.junit.jupiter.api.Test;

final class LogListSigningKeyTest {
  private static final LogListSigningKey GOOGLE =
      LogListSigningKey.fromPem(LogListCorpus.bytes(LogListCorpus.GOOGLE_KEY), "corpus chrome_log_list_pubkey.pem");

  @Test
  void verifiesTheSignaturesOfChromeListsV89_25AndV83_1AndTheV2ListOf2020() {
    for (String list : List.of(LogListCorpus.V89_25, LogListCorpus.V83_1, LogListCorpus.V2_2020)) {
      GOOGLE.verify(LogListCorpus.json(list), LogListCorpus.sig(list), list);
    }
  }

  @Test
  void rejectsTheListAfterOneByteOfTheJsonIsFlipped() {
    for (String list : List.of(LogListCorpus.V89_25, LogListCorpus.V83_1)) {
      byte[] json = LogListCorpus.json(list);
      json[json.length / 2] ^= 0x01;
      var e = assertThrows(UnableToVerifyLogListException.class,
          () -> GOOGLE.verify(json, LogListCorpus.sig(list), "file " + list + ".json"));
      assertEquals("error verifying log list from file " + list + ".json: the 512-byte signature does not verify"
          + " with corpus chrome_log_list_pubkey.pem (spki sha-256 " + GOOGLE.spki().sha256().hex() + ")",
          e.getMessage());
    }
  }

  @Test
  void rejectsAnotherListsSignatureAndATruncatedSignature() {
    byte[] json = LogListCorpus.json(LogListCorpus.V89_25);
    assertThrows(UnableToVerifyLogListException.class,
        () -> GOOGLE.verify(json, LogListCorpus.sig(LogListCorpus.V83_1), "x"));
    assertThrows(UnableToVerifyLogListException.class,
        () -> GOOGLE.verify(json, Arrays.copyOf(LogListCorpus.sig(LogListCorpus.V89_25), 100), "x"));
    assertThrows(UnableToVerifyLogListException.class, () -> GOOGLE.verify(json, new byte[0], "x"));
  }

  /**
   * Confirms the algorithm without the JCA's Signature: s^e mod n must be the EMSA-PKCS1-v1_5
   * encoding of SHA-256(json) (RFC 8017 section 9.2), i.e. 00 01 FF..FF 00 DigestInfo(sha256) hash.
   */
  @Test
  void theChromeSignatureIsRsaPkcs1V15OverTheSha256OfTheExactBytes() throws Exception {
    RSAPublicKey key = (RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
        .generatePublic(new java.security.spec.X509EncodedKeySpec(GOOGLE.spki().bytes()));
    assertEquals(4096, key.getModulus().bitLength());
    byte[] sig = LogListCorpus.sig(LogListCorpus.V89_25);
    byte[] em = toFixedLength(new BigInteger(1, sig).modPow(key.getPublicExponent(), key.getModulus()), 512);

    byte[] digest = MessageDigest.getInstance("SHA-256").digest(LogListCorpus.json(LogListCorpus.V89_25));
    byte[] digestInfo = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
    byte[] expected = new byte[512];
    expected[1] = 0x01;
    int psEnd = 512 - digestInfo.length - digest.length - 1;
    Arrays.fill(expected, 2, psEnd, (byte) 0xff);
    System.arraycopy(digestInfo, 0, expected, psEnd + 1, digestInfo.length);
    System.arraycopy(digest, 0, expected, psEnd + 1 + digestInfo.length, digest.length);
    assertArrayEquals(expected, em);
  }

  @Test
  void theBundledGoogleKeyIsTheCorpusKey() {
    assertEquals(GOOGLE.spki(), LogListSigningKey.google().spki());
    String pem = new String(LogListCorpus.bytes(LogListCorpus.GOOGLE_KEY), UTF_8);
    assertTrue(pem.contains(GOOGLE.spki().base64().substring(0, 64)));
  }

  @Test
  void verifiesWithAnEcdsaKeyToo() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();
    byte[] list = "{\"operators\": []}".getBytes(UTF_8);
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(pair.getPrivate());
    s.update(list);
    byte[] sig = s.sign();

    LogListSigningKey key = LogListSigningKey.fromSpki(Der.of(pair.getPublic().getEncoded()), "test ec key");
    key.verify(list, sig, "t");
    list[0] = ' ';
    assertThrows(UnableToVerifyLogListException.class, () -> key.verify(list, sig, "t"));
  }

  @Test
  void rejectsAPemWithoutAPublicKey() {
    var e = assertThrows(UnableToVerifyLogListException.class,
        () -> LogListSigningKey.fromPem("hello".getBytes(UTF_8), "file k.pem"));
    assertEquals("error reading log list signing key file k.pem: no pem public key block", e.getMessage());
    String notAKey = "-----BEGIN PUBLIC KEY-----\n" + Base64.getEncoder().encodeToString(new byte[40])
        + "\n-----END PUBLIC KEY-----\n";
    e = assertThrows(UnableToVerifyLogListException.class,
        () -> LogListSigningKey.fromPem(notAKey.getBytes(UTF_8), "file k.pem"));
    assertEquals("error reading log list signing key file k.pem: not an rsa or ec subjectpublickeyinfo", e.getMessage());
  }

  private static byte[] toFixedLength(BigInteger v, int length) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[length];
    int n = Math.min(b.length, length);
    System.arraycopy(b, b.length - n, out, length - n, n);
    return out;
  }
}
