package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

/**
 * {@code tbs_sha256}: a precertificate and its final certificate hash alike, checked against
 * golden TBS outputs of other CT implementations and against what real logs logged.
 */
final class TbsHasherTest {
  private static byte[] first(String file) {
    return CorpusCertificates.read(file).get(0).der();
  }

  private static CertificateFacts cert(String file) {
    return CertificateDecoder.fromCertificate(Der.of(first(file))).facts();
  }

  private static CertificateFacts precert(String file) {
    return CertificateDecoder.fromPrecertificate(Der.of(first(file))).facts();
  }

  private static Tlv tbsOf(byte[] cert) {
    Tlv c = Tlv.read(cert, 0, cert.length);
    return Tlv.read(cert, c.valueStart(), c.valueEnd());
  }

  @Test
  void finalCertificateWithoutItsSctListIsTheGoldenTbsOfAzul() {
    byte[] golden = Corpus.bytes("precerts/final-with-scts/azul/cloudflaressl.tbs-without-sct.golden.der");
    byte[] leaf = first("precerts/final-with-scts/azul/cloudflaressl.chain.pem");
    assertArrayEquals(golden, TbsHasher.strip(tbsOf(leaf)));
    assertEquals(Sha256.of(golden), cert("precerts/final-with-scts/azul/cloudflaressl.chain.pem").tbsSha256());
  }

  @Test
  void precertificateHashesAsTheTbsTheNavigliLogLogged() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(Corpus.text("precerts/navigli2025h2/manifest.json"));
    int compared = 0;
    for (JsonNode e : manifest) {
      byte[] leaf = Base64.getDecoder().decode(e.get("merkle_tree_leaf_b64").asText());
      // MerkleTreeLeaf: version, leaf_type, timestamp u64, entry_type u16 (1 = precert),
      // issuer_key_hash[32], tbs_certificate<u24>, extensions
      assertEquals(1, leaf[11], "entry type of " + e.get("file"));
      int p = 12 + 32;
      int len = (leaf[p] & 0xff) << 16 | (leaf[p + 1] & 0xff) << 8 | (leaf[p + 2] & 0xff);
      byte[] logged = Arrays.copyOfRange(leaf, p + 3, p + 3 + len);
      CertificateFacts f = precert("precerts/navigli2025h2/" + e.get("file").asText());
      assertEquals(Sha256.of(logged), f.tbsSha256(), e.get("file").asText());
      assertTrue(f.precertificate());
      // and the logged TBS, decoded as a precert entry, is the same issuance
      FactsResult fromTbs = CertificateDecoder.fromTbs(Der.of(logged), true);
      assertEquals(f.tbsSha256(), fromTbs.facts().tbsSha256());
      assertEquals(f.dnsNames(), fromTbs.facts().dnsNames());
      compared++;
    }
    assertEquals(24, compared);
  }

  @Test
  void testVectorPrecertificatesAndCertificatesFromTheSameIssuerHashAlike() {
    String dir = "precerts/ct-test-vectors/";
    for (String name : List.of("test-embedded", "test-embedded-with-intermediate")) {
      CertificateFacts pre = precert(dir + name + "-pre-cert.pem");
      CertificateFacts fin = cert(dir + name + "-cert.pem");
      assertEquals(pre.tbsSha256(), fin.tbsSha256(), name);
      assertTrue(pre.precertificate());
      assertEquals(1, fin.embeddedScts().size(), name);
    }
  }

  @Test
  void precertificatesFromAPrecertSigningCaHashApartBecauseTheLogRewritesTheIssuer() {
    // README: the -with-preca precerts are issued by ca-pre-cert.pem / intermediate-pre-cert.pem,
    // so their issuer is the signing CA's, not the final issuer; only the log's rewritten TBS
    // (issuer replaced by the final issuer) matches the final certificate.
    String dir = "precerts/ct-test-vectors/";
    String[][] pairs = {{"test-embedded-with-preca", "ca-pre-cert.pem"},
        {"test-embedded-with-intermediate-preca", "intermediate-pre-cert.pem"}};
    for (String[] pair : pairs) {
      CertificateFacts pre = precert(dir + pair[0] + "-pre-cert.pem");
      CertificateFacts fin = cert(dir + pair[0] + "-cert.pem");
      CertificateFacts preCa = cert(dir + pair[1]);
      assertNotEquals(pre.tbsSha256(), fin.tbsSha256(), pair[0]);
      assertEquals(preCa.subject(), pre.issuer(), pair[0]);
      assertEquals(fin.serial(), pre.serial(), pair[0]);
    }
  }

  @Test
  void preissuedPrecertificateWithoutPoisonIsTheGoldenTbsOfAzul() {
    // SOURCES.md describes this golden as having the issuer and AKI rewritten to the final
    // issuer; its bytes say otherwise: the issuer is still the Precertificate Signing
    // Certificate (chain[1]) and the AKI is that certificate's SKI. It is exactly the
    // precertificate's TBS with the poison cut out, which is what is asserted here.
    byte[] golden = Corpus.bytes("precerts/azul/merge-delay-preissuer-precert-tbs.golden.der");
    List<CorpusCertificates.CorpusCert> chain = CorpusCertificates.read("precerts/azul/merge-delay-preissuer-chain.pem");
    byte[] precert = chain.get(0).der();
    assertArrayEquals(golden, TbsHasher.strip(tbsOf(precert)));
    CertificateFacts pre = CertificateDecoder.fromPrecertificate(Der.of(precert)).facts();
    assertEquals(Sha256.of(golden), pre.tbsSha256());
    FactsResult r = CertificateDecoder.fromTbs(Der.of(golden), true);
    assertTrue(r instanceof FactsResult.Parsed, r.toString());
    assertEquals(Sha256.of(golden), r.facts().tbsSha256());
    assertEquals(pre.dnsNames(), r.facts().dnsNames());
    assertEquals(pre.issuer(), r.facts().issuer());
    CertificateFacts preissuer = CertificateDecoder.fromCertificate(Der.of(chain.get(1).der())).facts();
    assertEquals(preissuer.subject(), pre.issuer());
  }

  @Test
  void aTbsWithoutCtExtensionsIsHashedUnchanged() {
    byte[] c = first("certs/letsencrypt/lets-encrypt-r3.pem");
    Tlv tbs = tbsOf(c);
    assertArrayEquals(tbs.encoded(), TbsHasher.strip(tbs));
  }

  @Test
  void removingTheOnlyExtensionDropsTheExtensionsWrapper() {
    // a minimal TBS: version, serial, sig alg, issuer, validity, subject, spki, [3] { poison }
    byte[] body = concat(hex("a003020102"), hex("020101"), hex("300506032b6570"), hex("3000"),
        hex("301e170d3230303130313030303030305a170d3231303130313030303030305a"), hex("3000"),
        hex("302a300506032b6570032100" + "00".repeat(32)));
    byte[] poison = hex("3013060a2b06010401d6790204030101ff04020500");
    byte[] ext3 = concat(hex("a317"), hex("3015"), poison);
    byte[] tbs = concat(hex("30" + String.format("%02x", body.length + ext3.length)), body, ext3);
    byte[] expected = concat(hex("30" + String.format("%02x", body.length)), body);
    assertArrayEquals(expected, TbsHasher.strip(Tlv.read(tbs, 0, tbs.length)));
  }

  private static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
