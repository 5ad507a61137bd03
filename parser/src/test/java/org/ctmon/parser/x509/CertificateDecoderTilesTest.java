package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.junit.jupiter.api.Test;

/**
 * The 1034 precertificate entries of Navigli2025h2's data tiles, against the log's own names
 * tiles (Sunlight writes each entry's subject CN and SAN dNSNames there) and against the
 * TBSCertificate the log logged for each.
 */
final class CertificateDecoderTilesTest {
  private static final List<String> TILES = List.of("000", "001", "002", "003", "003.p/10");

  /** One TileLeaf of a precert entry: the logged TBS and the full precertificate. */
  private record Entry(long timestamp, byte[] tbs, byte[] precertificate) {}

  private static List<Entry> entries(String tile) {
    ByteBuffer b = ByteBuffer.wrap(Corpus.bytes("static-ct/navigli2025h2/tile/data/" + tile));
    List<Entry> out = new ArrayList<>();
    while (b.hasRemaining()) {
      long ts = b.getLong();
      int type = b.getShort();
      assertEquals(1, type, "entry type in tile " + tile);
      b.position(b.position() + 32); // issuer_key_hash
      byte[] tbs = u24(b);
      skip(b, b.getShort() & 0xffff); // extensions
      byte[] precert = u24(b);
      skip(b, b.getShort() & 0xffff); // chain fingerprints
      out.add(new Entry(ts, tbs, precert));
    }
    return out;
  }

  private static void skip(ByteBuffer b, int n) {
    b.position(b.position() + n);
  }

  private static byte[] u24(ByteBuffer b) {
    int len = (b.get() & 0xff) << 16 | (b.get() & 0xff) << 8 | (b.get() & 0xff);
    byte[] out = new byte[len];
    b.get(out);
    return out;
  }

  @Test
  void loggedTbsAndPrecertificateAreOneIssuance() {
    int n = 0;
    for (String tile : TILES) {
      for (Entry e : entries(tile)) {
        FactsResult fromTbs = CertificateDecoder.fromTbs(Der.of(e.tbs()), true);
        FactsResult fromPre = CertificateDecoder.fromPrecertificate(Der.of(e.precertificate()));
        assertTrue(fromTbs instanceof FactsResult.Parsed, tile + " " + n);
        assertTrue(fromPre instanceof FactsResult.Parsed, tile + " " + n);
        assertEquals(fromTbs.facts().tbsSha256(), fromPre.facts().tbsSha256(), tile + " " + n);
        assertEquals(fromTbs.facts().dnsNames(), fromPre.facts().dnsNames());
        n++;
      }
    }
    assertEquals(1034, n);
  }

  @Test
  void namesMatchTheLogsNamesTiles() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    int n = 0;
    for (String tile : TILES) {
      List<Entry> entries = entries(tile);
      String[] lines = Corpus.text("static-ct/navigli2025h2/tile/names/" + tile).split("\n");
      assertEquals(entries.size(), lines.length, "names in tile " + tile);
      for (int i = 0; i < entries.size(); i++) {
        JsonNode names = json.readTree(lines[i]);
        assertEquals(entries.get(i).timestamp(), names.get("Timestamp").asLong());
        TreeSet<String> expected = new TreeSet<>();
        names.path("DNS").forEach(d -> expected.add(d.asText().toLowerCase(Locale.ROOT)));
        JsonNode cn = names.path("Subject").path("CommonName");
        if (!cn.isMissingNode()) {
          expected.add(cn.asText().toLowerCase(Locale.ROOT));
        }
        names.path("IP").forEach(ip -> expected.remove(ip.asText()));
        TreeSet<String> ours = new TreeSet<>();
        CertificateDecoder.fromTbs(Der.of(entries.get(i).tbs()), true).facts().dnsNames()
            .forEach(d -> ours.add(d.name()));
        if (!expected.equals(ours)) {
          failures.add(tile + "#" + i + ": log " + expected + ", ours " + ours);
        }
        n++;
      }
    }
    assertEquals(List.of(), failures);
    assertEquals(1034, n);
  }
}
