package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.ctmon.parser.Mutations;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.Rfc6962Entries;
import org.ctmon.parser.leaf.X509Entry;
import org.junit.jupiter.api.Test;

/**
 * The fuzz runs over data tiles and get-entries pages (the leaf package's DecoderFuzzTest) seen
 * from the names: whatever is mutated around a real certificate, a leaf that still carries it
 * intact gives every name it had. The timeout only guards against hangs.
 */
final class MutatedLogDataKeepsNamesTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private static final String TILES = "static-ct/navigli2025h2/tile/data/";

  @Test
  void aCertificateLeftIntactInAMutatedTileKeepsAllItsNames() {
    byte[] partial = Corpus.bytes(TILES + "003.p/10");
    byte[] full = Corpus.bytes(TILES + "002");
    Map<Der, List<DnsName>> names = new HashMap<>();
    for (byte[] tile : List.of(partial, full)) {
      for (EntryDecoding d : DataTile.decode(0, tile)) {
        LogEntry e = assertInstanceOf(Decoded.class, d).entry();
        names.put(tbs(e), names(e));
      }
    }
    Random random = new Random(257);
    int[] intact = new int[1];
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int i = 0; i < 10_000; i++) {
        byte[] source = random.nextInt(8) == 0 ? full : partial;
        for (EntryDecoding d : DataTile.decode(source == full ? 512 : 768, Mutations.mutate(source, random))) {
          if (d instanceof Decoded ok && names.containsKey(tbs(ok.entry()))) {
            intact[0]++;
            assertEquals(names.get(tbs(ok.entry())), names(ok.entry()));
          }
        }
      }
    });
    assertTrue(intact[0] > 20_000, "only " + intact[0] + " intact certificates in the mutated tiles");
  }

  @Test
  void aLeafWhoseExtraDataIsMutatedKeepsAllItsNames() throws Exception {
    List<byte[][]> entries = rfc6962Entries();
    Random random = new Random(6963);
    assertTimeoutPreemptively(HANG_GUARD, () -> {
      for (int i = 0; i < 20_000; i++) {
        byte[][] e = entries.get(random.nextInt(entries.size()));
        LogEntry original = ((Decoded) Rfc6962Entries.decode(0, e[0], e[1])).entry();
        Decoded d = assertInstanceOf(Decoded.class, Rfc6962Entries.decode(0, e[0], Mutations.mutate(e[1], random)));
        assertEquals(names(original), names(d.entry()));
      }
    });
  }

  private static Der tbs(LogEntry e) {
    return e instanceof PrecertEntry p ? p.tbsCertificate() : ((X509Entry) e).certificate();
  }

  private static List<DnsName> names(LogEntry e) {
    FactsResult r = e instanceof PrecertEntry p ? CertificateDecoder.fromTbs(p.tbsCertificate(), true)
        : CertificateDecoder.fromCertificate(((X509Entry) e).certificate());
    return r.facts().dnsNames();
  }

  /** Leaf input and extra data of every entry of the corpus' get-entries pages that decodes. */
  private static List<byte[][]> rfc6962Entries() throws Exception {
    List<byte[][]> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(Corpus.path("rfc6962"))) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("get-entries")
          && f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        for (JsonNode e : json.readTree(p.toFile()).get("entries")) {
          byte[][] entry = {Base64.getDecoder().decode(e.get("leaf_input").asText()),
              Base64.getDecoder().decode(e.get("extra_data").asText())};
          if (Rfc6962Entries.decode(0, entry[0], entry[1]) instanceof Decoded) {
            out.add(entry);
          }
        }
      }
    }
    assertTrue(out.size() > 10, "only " + out.size() + " corpus entries");
    return out;
  }
}
