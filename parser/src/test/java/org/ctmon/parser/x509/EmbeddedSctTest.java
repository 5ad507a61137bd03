package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

/**
 * Embedded SCTs of real final certificates: the decoded log ids are logs of the corpus' log
 * lists, and each SCT's signature (checked with the log's key) covers exactly our stripped TBS,
 * which proves the TBS surgery byte for byte against what the logs signed.
 */
final class EmbeddedSctTest {
  /** One SCT read independently of the decoder (BouncyCastle for the DER, a TLS walk here). */
  private record RawSct(Sha256 logId, long timestamp, byte[] extensions, int sigAlg, byte[] signature) {}

  private static final String CHROME = "loglist/chrome_v3_all_logs_list_v89.25_2026-08-20.json";

  /** Log keys by log id from every list of the corpus (older chains name since-removed logs). */
  private static Map<Sha256, PublicKey> logKeys() throws Exception {
    return logKeys(CHROME, "loglist/chrome_v3_all_logs_list_v83.1_2026-01-29.json", "loglist/crtsh_all_logs_list.json");
  }

  private static Map<Sha256, PublicKey> logKeys(String... lists) throws Exception {
    Map<Sha256, PublicKey> keys = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String list : lists) {
      for (JsonNode op : json.readTree(Corpus.text(list)).get("operators")) {
        for (String kind : List.of("logs", "tiled_logs")) {
          for (JsonNode log : op.path(kind)) {
            byte[] spki = Base64.getDecoder().decode(log.get("key").asText());
            Sha256 id = Sha256.wrap(Base64.getDecoder().decode(log.get("log_id").asText()));
            assertEquals(Sha256.of(spki), id, "log id of " + log.get("description"));
            String alg = spki.length > 200 ? "RSA" : "EC";
            keys.putIfAbsent(id, KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(spki)));
          }
        }
      }
    }
    return keys;
  }

  private static List<RawSct> rawScts(byte[] leaf) {
    Extension ext = Certificate.getInstance(leaf).getTBSCertificate().getExtensions()
        .getExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2"));
    List<RawSct> out = new ArrayList<>();
    if (ext == null) {
      return out;
    }
    byte[] tls = ASN1OctetString.getInstance(ext.getParsedValue()).getOctets();
    ByteBuffer b = ByteBuffer.wrap(tls);
    int total = b.getShort() & 0xffff;
    assertEquals(tls.length - 2, total);
    while (b.hasRemaining()) {
      int len = b.getShort() & 0xffff;
      ByteBuffer s = b.slice().limit(len);
      b.position(b.position() + len);
      assertEquals(0, s.get());
      byte[] id = new byte[32];
      s.get(id);
      long ts = s.getLong();
      byte[] exts = new byte[s.getShort() & 0xffff];
      s.get(exts);
      s.get(); // hash algorithm
      int sigAlg = s.get();
      byte[] sig = new byte[s.getShort() & 0xffff];
      s.get(sig);
      out.add(new RawSct(Sha256.wrap(id), ts, exts, sigAlg, sig));
    }
    return out;
  }

  private static List<String> chainFiles() throws Exception {
    List<String> out = new ArrayList<>();
    Path root = Corpus.root();
    try (Stream<Path> s = Files.walk(Corpus.path("precerts/final-with-scts"))) {
      s.filter(p -> p.toString().endsWith("chain.pem")).sorted()
          .forEach(p -> out.add(root.relativize(p).toString().replace('\\', '/')));
    }
    return out;
  }

  @Test
  void decodedSctsAreTheLogsAndTimesInTheCertificate() throws Exception {
    int compared = 0;
    for (String file : chainFiles()) {
      byte[] leaf = CorpusCertificates.read(file).get(0).der();
      List<EmbeddedSct> ours = CertificateDecoder.fromCertificate(Der.of(leaf)).facts().embeddedScts();
      List<EmbeddedSct> theirs = new ArrayList<>();
      for (RawSct r : rawScts(leaf)) {
        theirs.add(new EmbeddedSct(r.logId(), r.timestamp()));
      }
      assertEquals(theirs, ours, file);
      compared += ours.size();
    }
    assertTrue(compared >= 40, "only " + compared + " scts");
  }

  @Test
  void limboOnlineSctsNameLogsOfTheChromeList() throws Exception {
    Map<Sha256, PublicKey> keys = logKeys(CHROME);
    int found = 0;
    for (String file : chainFiles()) {
      if (!file.contains("limbo-online")) {
        continue;
      }
      for (EmbeddedSct sct : CertificateDecoder.fromCertificate(Der.of(CorpusCertificates.read(file).get(0).der()))
          .facts().embeddedScts()) {
        assertTrue(keys.containsKey(sct.logId()), file + ": log " + sct.logId().base64() + " not in the lists");
        found++;
      }
    }
    assertTrue(found >= 30, "only " + found);
  }

  @Test
  void everySctSignatureCoversOurStrippedTbs() throws Exception {
    Map<Sha256, PublicKey> keys = logKeys();
    List<String> failures = new ArrayList<>();
    int verified = 0;
    for (String file : chainFiles()) {
      List<CorpusCertificates.CorpusCert> chain = CorpusCertificates.read(file);
      byte[] leaf = chain.get(0).der();
      Sha256 issuerKeyHash = Sha256.of(Certificate.getInstance(chain.get(1).der()).getSubjectPublicKeyInfo().getEncoded("DER"));
      Tlv cert = Tlv.read(leaf, 0, leaf.length);
      byte[] tbs = TbsHasher.strip(Tlv.read(leaf, cert.valueStart(), cert.valueEnd()));
      for (RawSct sct : rawScts(leaf)) {
        PublicKey key = keys.get(sct.logId());
        if (key == null) {
          continue;
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(0); // v1
        signed.write(0); // certificate_timestamp
        signed.writeBytes(ByteBuffer.allocate(8).putLong(sct.timestamp()).array());
        signed.writeBytes(new byte[] {0, 1}); // precert_entry
        signed.writeBytes(issuerKeyHash.bytes());
        signed.writeBytes(new byte[] {(byte) (tbs.length >> 16), (byte) (tbs.length >> 8), (byte) tbs.length});
        signed.writeBytes(tbs);
        signed.writeBytes(new byte[] {(byte) (sct.extensions().length >> 8), (byte) sct.extensions().length});
        signed.writeBytes(sct.extensions());
        Signature v = Signature.getInstance(sct.sigAlg() == 3 ? "SHA256withECDSA" : "SHA256withRSA");
        v.initVerify(key);
        v.update(signed.toByteArray());
        if (v.verify(sct.signature())) {
          verified++;
        } else {
          failures.add(file + ": sct of " + sct.logId().base64());
        }
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(verified >= 40, "only " + verified + " sct signatures verified");
    System.out.println("embedded scts verified over our stripped tbs: " + verified);
  }

  @Test
  void interceptedLeafHasNoScts() {
    byte[] leaf = CorpusCertificates.read("precerts/final-with-scts/babylon/mitmproxy-attack-chain.pem").get(0).der();
    assertEquals(List.of(), CertificateDecoder.fromCertificate(Der.of(leaf)).facts().embeddedScts());
  }
}
