package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.junit.jupiter.api.Test;

/** The certificates inside the corpus' real RFC 6962 get-entries responses. */
final class Rfc6962EntriesTest {
  /** leaf_input and extra_data of every entry of every response in rfc6962/. */
  private static List<byte[][]> entries() throws Exception {
    List<byte[][]> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(Corpus.path("rfc6962"))) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".json")).sorted()::iterator) {
        JsonNode root = json.readTree(p.toFile());
        List<JsonNode> nodes = new ArrayList<>();
        root.path("entries").forEach(nodes::add);
        if (root.has("leaf_input")) {
          nodes.add(root);
        }
        for (JsonNode e : nodes) {
          out.add(new byte[][] {Base64.getDecoder().decode(e.get("leaf_input").asText()),
              Base64.getDecoder().decode(e.get("extra_data").asText())});
        }
      }
    }
    return out;
  }

  private static byte[] u24(byte[] b, int p) {
    int len = (b[p] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff);
    return Arrays.copyOfRange(b, p + 3, p + 3 + len);
  }

  @Test
  void x509EntriesDecodeAsOpensslReadsThem() throws Exception {
    int n = 0;
    for (byte[][] e : entries()) {
      byte[] leaf = e[0];
      if (leaf[11] != 0) {
        continue;
      }
      byte[] cert = u24(leaf, 12);
      FactsResult r = CertificateDecoder.fromCertificate(Der.of(cert));
      assertTrue(r instanceof FactsResult.Parsed, r.toString());
      Openssl.View v = Openssl.x509(cert);
      assertNotNull(v);
      assertEquals(v.serial().toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", ""), r.facts().serial());
      assertEquals(v.notAfter(), r.facts().notAfter());
      for (String dns : v.sanDns()) {
        assertTrue(r.facts().dnsNames().contains(DnsName.of(dns)), dns);
      }
      n++;
    }
    assertEquals(13, n);
  }

  @Test
  void precertEntryTbsIsTheStrippedPrecertificateOfItsExtraData() throws Exception {
    int n = 0;
    for (byte[][] e : entries()) {
      byte[] leaf = e[0];
      if (leaf[11] != 1) {
        continue;
      }
      byte[] tbs = u24(leaf, 12 + 32);
      byte[] precert = u24(e[1], 0);
      CertificateFacts fromTbs = CertificateDecoder.fromTbs(Der.of(tbs), true).facts();
      CertificateFacts fromPre = CertificateDecoder.fromPrecertificate(Der.of(precert)).facts();
      assertEquals(fromTbs.tbsSha256(), fromPre.tbsSha256());
      assertEquals(4, fromPre.dnsNames().size(), fromPre.dnsNames().toString());
      assertEquals(fromTbs.dnsNames(), fromPre.dnsNames());
      assertTrue(fromTbs.precertificate() && fromPre.precertificate());
      n++;
    }
    assertEquals(1, n);
  }
}
