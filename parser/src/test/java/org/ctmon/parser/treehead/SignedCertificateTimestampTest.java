package org.ctmon.parser.treehead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class SignedCertificateTimestampTest {
  private static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");
  private static final String AZUL = "precerts/final-with-scts/azul/";

  static List<X509CertificateHolder> pem(String relative) {
    List<X509CertificateHolder> out = new ArrayList<>();
    try (PEMParser p = new PEMParser(new StringReader(Corpus.text(relative)))) {
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        out.add((X509CertificateHolder) o);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<SignedCertificateTimestamp> embedded(X509CertificateHolder cert) {
    byte[] tls = ASN1OctetString.getInstance(cert.getExtension(SCT_LIST).getParsedValue()).getOctets();
    return SignedCertificateTimestamp.decodeList(tls);
  }

  private static Sha256 issuerKeyHash(X509CertificateHolder issuer) throws IOException {
    return Sha256.of(issuer.getSubjectPublicKeyInfo().getEncoded());
  }

  @Test
  void embeddedSctsOfARealCertificateVerifyOverItsGoldenPrecertTbs() throws IOException {
    List<X509CertificateHolder> chain = pem(AZUL + "cloudflaressl.chain.pem");
    List<SignedCertificateTimestamp> scts = embedded(chain.get(0));
    assertEquals(2, scts.size());
    // log ids as printed by `openssl x509 -ext ct_precert_scts`; keys from rfc6962/keys
    assertEquals(CorpusKeys.pem("xenon2025h2").logId(), scts.get(0).logId());
    assertEquals(CorpusKeys.pem("nimbus2025").logId(), scts.get(1).logId());
    Der tbs = Der.of(Corpus.bytes(AZUL + "cloudflaressl.tbs-without-sct.golden.der"));
    Sha256 ikh = issuerKeyHash(chain.get(1));
    scts.get(0).verifyPrecert(CorpusKeys.pem("xenon2025h2"), ikh, tbs);
    scts.get(1).verifyPrecert(CorpusKeys.pem("nimbus2025"), ikh, tbs);
    // the cross-signed WE1 has the same key, hence the same issuer key hash
    assertEquals(ikh, issuerKeyHash(pem(AZUL + "WE1_by_GlobalSign_ECC_R4.pem").get(0)));
  }

  /**
   * The TBSCertificate a final certificate's embedded SCTs sign: its own with the SCT-list extension
   * removed (RFC 6962 §3.2), rebuilt here with BouncyCastle so this package's tests need no x509 code.
   */
  static Der precertTbs(X509CertificateHolder cert) throws IOException {
    ASN1Sequence tbs = ASN1Sequence.getInstance(cert.toASN1Structure().getTBSCertificate().toASN1Primitive());
    Extensions exts = cert.getExtensions();
    ExtensionsGenerator kept = new ExtensionsGenerator();
    for (ASN1ObjectIdentifier oid : exts.getExtensionOIDs()) {
      if (!oid.equals(SCT_LIST)) {
        kept.addExtension(exts.getExtension(oid));
      }
    }
    ASN1EncodableVector v = new ASN1EncodableVector();
    for (int i = 0; i < tbs.size(); i++) {
      var el = tbs.getObjectAt(i);
      boolean extensions = el instanceof ASN1TaggedObject t && t.getTagNo() == 3;
      v.add(extensions ? new DERTaggedObject(true, 3, kept.generate()) : el);
    }
    return Der.of(new DERSequence(v).getEncoded(ASN1Encoding.DER));
  }

  /** Every log key of the corpus by log id: the Chrome v3 lists and rfc6962/keys/logs.json. */
  static Map<Sha256, LogKey> corpusLogKeys() {
    Map<Sha256, LogKey> keys = new HashMap<>();
    for (String list : new String[] {"loglist/chrome_v3_all_logs_list_v83.1_2026-01-29.json",
        "loglist/chrome_v3_all_logs_list_v89.25_2026-08-20.json"}) {
      for (var log : LogKeyTest.logsOf(list)) {
        LogKey k = LogKey.fromBase64(log.get("key").asText());
        keys.put(k.logId(), k);
      }
    }
    CorpusKeys.json("rfc6962/keys/logs.json").forEach(l -> {
      LogKey k = LogKey.fromBase64(l.get("key").asText());
      keys.put(k.logId(), k);
    });
    return keys;
  }

  @Test
  void rebuiltPrecertTbsEqualsTheGoldenOneOfAzul() throws IOException {
    assertEquals(Der.of(Corpus.bytes(AZUL + "cloudflaressl.tbs-without-sct.golden.der")),
        precertTbs(pem(AZUL + "cloudflaressl.chain.pem").get(0)));
  }

  @Test
  void everyEmbeddedSctOfEveryRealChainVerifiesWithItsLogsKey() throws IOException {
    var keys = corpusLogKeys();
    int verified = 0;
    List<String> chains;
    try (var files = Files.walk(Corpus.path("precerts/final-with-scts"))) {
      chains = files.map(Object::toString).filter(f -> f.endsWith("chain.pem")).sorted()
          .collect(Collectors.toList());
    }
    for (String file : chains) {
      String rel = Corpus.root().relativize(Path.of(file)).toString();
      List<X509CertificateHolder> chain = pem(rel);
      if (chain.get(0).getExtension(SCT_LIST) == null) {
        continue; // mitmproxy-attack-chain: the forged leaf has none
      }
      Der tbs = precertTbs(chain.get(0));
      Sha256 ikh = issuerKeyHash(chain.get(1));
      for (SignedCertificateTimestamp sct : embedded(chain.get(0))) {
        LogKey key = keys.get(sct.logId());
        assertTrue(key != null, rel + ": no corpus key for log " + sct.logId().base64());
        sct.verifyPrecert(key, ikh, tbs);
        verified++;
      }
    }
    // SOURCES.md lists 2+3+2+1+3+3+4+3+3+2+3+3+2+2+3+3+2+2 = 46 verified embedded SCTs in 18 chains
    assertEquals(46, verified);
  }

  @Test
  void embeddedSctFailsOverAChangedTbs() throws IOException {
    List<X509CertificateHolder> chain = pem(AZUL + "cloudflaressl.chain.pem");
    byte[] tbs = Corpus.bytes(AZUL + "cloudflaressl.tbs-without-sct.golden.der");
    tbs[tbs.length - 1] ^= 1;
    SignedCertificateTimestamp sct = embedded(chain.get(0)).get(0);
    var e = assertThrows(InvalidSctSignatureException.class,
        () -> sct.verifyPrecert(CorpusKeys.pem("xenon2025h2"), issuerKeyHash(chain.get(1)), Der.of(tbs)));
    assertEquals(sct.timestamp(), e.timestamp());
  }

  @Test
  void sctCheckedWithAnotherLogsKeyFailsNamingBothLogs() throws IOException {
    List<X509CertificateHolder> chain = pem(AZUL + "cloudflaressl.chain.pem");
    SignedCertificateTimestamp sct = embedded(chain.get(0)).get(0);
    var e = assertThrows(InvalidSctSignatureException.class, () -> sct.verifyPrecert(CorpusKeys.pem("nimbus2025"),
        issuerKeyHash(chain.get(1)), Der.of(Corpus.bytes(AZUL + "cloudflaressl.tbs-without-sct.golden.der"))));
    assertTrue(e.getMessage().endsWith("it names log 3dzKNJXX4RYF55Uy+sef+D0cUN/bADoUEnYKLKy7yCo= but the key is of log "
        + "zPsPaoVxCWX+lZtTzumyfCLphVwNl422qX5UwP5MDbA="), e.getMessage());
  }

  @Test
  void testLogSctOverAnX509EntryVerifies() throws IOException {
    // synthetic CT-project vector: test-cert.proof is the SCT the test log issued for test-cert.pem
    String v = "precerts/ct-test-vectors/";
    SignedCertificateTimestamp sct = SignedCertificateTimestamp.decode(Corpus.bytes(v + "test-cert.proof"));
    Der cert = Der.of(pem(v + "test-cert.pem").get(0).getEncoded());
    sct.verifyX509(LogKey.fromPem(Corpus.text(v + "ct-server-key-public.pem")), cert);
  }

  @Test
  void realSymantecSctWithABrokenSignatureFails() throws IOException {
    String d = "rfc6962/symantec-bad-sct/";
    SignedCertificateTimestamp sct = SignedCertificateTimestamp.decode(Corpus.bytes(d + "sct_symantec_bad_signature.bin"));
    assertEquals(CorpusKeys.pem("symantec").logId(), sct.logId());
    Der cert = Der.of(pem(d + "www.google.com_2015.pem").get(0).getEncoded());
    var e = assertThrows(InvalidSctSignatureException.class, () -> sct.verifyX509(CorpusKeys.pem("symantec"), cert));
    // SOURCES.md: the ECDSA signature "does not verify (bad ASN.1)"
    assertTrue(e.getMessage().startsWith("sct signature of log 3esdK3oNT6Ygi4GtgWhwfi6OnQHVXIiNPRHEzbbsvsw= at timestamp "),
        e.getMessage());
    assertTrue(e.getMessage().contains("does not verify: the ecdsa-p256 signature is not well formed"), e.getMessage());
  }

  @Test
  void truncatedSctIsMalformed() {
    byte[] sct = Corpus.bytes("rfc6962/symantec-bad-sct/sct_symantec_bad_signature.bin");
    byte[] cut = Arrays.copyOf(sct, sct.length - 1);
    var e = assertThrows(MalformedSctException.class, () -> SignedCertificateTimestamp.decode(cut));
    assertTrue(e.getMessage().startsWith("sct signature at offset 43: digitally-signed value declares"), e.getMessage());
  }

  @Test
  void sctOfAnotherVersionIsMalformed() {
    byte[] sct = Corpus.bytes("rfc6962/symantec-bad-sct/sct_symantec_bad_signature.bin");
    sct[0] = 1;
    assertEquals("sct has version 1, only v1 (0) is known",
        assertThrows(MalformedSctException.class, () -> SignedCertificateTimestamp.decode(sct)).getMessage());
  }

  @Test
  void sctListWithAWrongLengthPrefixIsMalformed() {
    assertThrows(MalformedSctException.class, () -> SignedCertificateTimestamp.decodeList(new byte[] {0, 5, 0, 1, 0}));
  }
}
