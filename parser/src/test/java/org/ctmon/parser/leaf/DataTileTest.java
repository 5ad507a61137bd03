package org.ctmon.parser.leaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class DataTileTest {
  private static final String LOG = "static-ct/navigli2025h2/tile/";
  private static final String[] FULL = {"000", "001", "002", "003"};

  @Test
  void everyNavigliTileDecodesWithOneEntryPerLevelZeroHash() {
    int precerts = 0;
    for (int n = 0; n < FULL.length; n++) {
      List<LogEntry> entries = entries(DataTile.decode(256L * n, Corpus.bytes(LOG + "data/" + FULL[n])));
      assertEquals(256, entries.size());
      precerts += count(entries);
    }
    List<LogEntry> partial = entries(DataTile.decode(768, Corpus.bytes(LOG + "data/003.p/10")));
    assertEquals(10, partial.size());
    // SOURCES.md: x509=0, precert=1024 in the full tiles, plus the 10 of the partial tile.
    assertEquals(1024, precerts);
    assertEquals(10, count(partial));
  }

  @Test
  void everyLeafHashEqualsTheLogsOwnLevelZeroHashTile() {
    for (int n = 0; n < FULL.length; n++) {
      assertLeafHashes(entries(DataTile.decode(256L * n, Corpus.bytes(LOG + "data/" + FULL[n]))),
          Corpus.bytes(LOG + "0/" + FULL[n]));
    }
    assertLeafHashes(entries(DataTile.decode(768, Corpus.bytes(LOG + "data/003.p/10"))),
        Corpus.bytes(LOG + "0/003.p/10"));
  }

  @Test
  void everyLeafIndexExtensionEqualsTheEntrysPosition() {
    for (int n = 0; n < FULL.length; n++) {
      List<LogEntry> entries = entries(DataTile.decode(256L * n, Corpus.bytes(LOG + "data/" + FULL[n])));
      for (int k = 0; k < entries.size(); k++) {
        assertEquals(256L * n + k, entries.get(k).index());
        assertEquals(256L * n + k, entries.get(k).leafIndexExtension().getAsLong());
        // A static log's extensions are exactly one leaf_index: type 0, length 5, uint40.
        assertEquals(8, entries.get(k).extensions().length());
      }
    }
  }

  @Test
  void thePartialTileIsAPrefixOfTheFullTile() {
    List<EntryDecoding> full = DataTile.decode(768, Corpus.bytes(LOG + "data/003"));
    List<EntryDecoding> partial = DataTile.decode(768, Corpus.bytes(LOG + "data/003.p/10"));
    assertEquals(full.subList(0, 10), partial);
  }

  @Test
  void entriesAgreeWithTheCorpusManifestAndIssuerCertificates() throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    JsonNode manifest = CorpusEntries.json("precerts/navigli2025h2/manifest.json");
    List<LogEntry> all = new ArrayList<>();
    for (int n = 0; n < FULL.length; n++) {
      all.addAll(entries(DataTile.decode(256L * n, Corpus.bytes(LOG + "data/" + FULL[n]))));
    }
    assertEquals(24, manifest.size());
    for (JsonNode m : manifest) {
      PrecertEntry p = (PrecertEntry) all.get(m.get("leaf_index").asInt());
      assertEquals(m.get("timestamp").asLong(), p.timestamp());
      assertEquals(m.get("issuer_key_hash").asText(), p.issuerKeyHash().hex());
      List<String> chain = new ArrayList<>();
      m.get("chain_sha256").forEach(h -> chain.add(h.asText()));
      assertEquals(chain, p.chainFingerprints().stream().map(Sha256::hex).toList());
      assertEquals(m.get("leaf_hash_b64").asText(), p.leafHash().base64());
      Der precert = Der.of(cf.generateCertificate(new ByteArrayInputStream(
          Corpus.bytes("precerts/navigli2025h2/" + m.get("file").asText()))).getEncoded());
      assertEquals(precert, p.preCertificate());
      byte[] issuer = cf.generateCertificate(new ByteArrayInputStream(
          Corpus.bytes("precerts/navigli2025h2/" + m.get("issuer_file").asText()))).getEncoded();
      assertEquals(m.get("issuer_sha256").asText(), Sha256.of(issuer).hex());
      // issuer_key_hash is the SHA-256 of the issuer's SubjectPublicKeyInfo (RFC 6962 §3.2).
      assertEquals(Sha256.of(cf.generateCertificate(new ByteArrayInputStream(issuer)).getPublicKey().getEncoded()),
          p.issuerKeyHash());
    }
  }

  @Test
  void aTileLeafAndItsRfc6962FormDecodeToTheSameLeafHashAndTbs() {
    JsonNode m = CorpusEntries.json("precerts/navigli2025h2/manifest.json").get(5);
    long index = m.get("leaf_index").asLong();
    PrecertEntry tile = (PrecertEntry) entries(DataTile.decode(index - index % 256,
        Corpus.bytes(LOG + "data/" + FULL[(int) (index / 256)]))).get((int) (index % 256));
    byte[] pre = tile.preCertificate().bytes();
    byte[] extra = new byte[3 + pre.length + 3];
    extra[0] = (byte) (pre.length >> 16);
    extra[1] = (byte) (pre.length >> 8);
    extra[2] = (byte) pre.length;
    System.arraycopy(pre, 0, extra, 3, pre.length);
    EntryDecoding d = Rfc6962Entries.decode(index, Base64.getDecoder().decode(m.get("merkle_tree_leaf_b64").asText()),
        extra);
    PrecertEntry rfc = (PrecertEntry) assertInstanceOf(Decoded.class, d).entry();
    assertEquals(tile.leafHash(), rfc.leafHash());
    assertEquals(tile.tbsCertificate(), rfc.tbsCertificate());
    assertEquals(tile.issuerKeyHash(), rfc.issuerKeyHash());
    assertEquals(index, rfc.leafIndexExtension().getAsLong());
  }

  @Test
  void aGzippedTileDecodesToTheSameEntries() throws IOException {
    byte[] plain = Corpus.bytes(LOG + "data/001");
    byte[] gz = gzip(plain);
    assertTrue(DataTile.isGzip(gz));
    assertTrue(!DataTile.isGzip(plain));
    assertEquals(DataTile.decode(256, plain), DataTile.decode(256, gz));
  }

  @Test
  void concatenatedGzipMembersAreOneTile() throws IOException {
    byte[] plain = Corpus.bytes(LOG + "data/001");
    byte[] twoMembers = concat(gzip(Arrays.copyOf(plain, 1000)), gzip(Arrays.copyOfRange(plain, 1000, plain.length)));
    assertEquals(DataTile.decode(256, plain), DataTile.decode(256, twoMembers));
  }

  @Test
  void aGzipBombIsRejectedAtTheCap() throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        out.write(zeros);
      }
    }
    byte[] bomb = compressed.toByteArray();
    List<EntryDecoding> result = DataTile.decode(0, bomb);
    assertEquals(1, result.size());
    Malformed m = assertInstanceOf(Malformed.class, result.get(0));
    assertEquals(MalformedKind.GZIP_TOO_LARGE, m.kind());
    assertEquals("gzip data tile inflates beyond the cap of 67108864 bytes (" + bomb.length + " bytes compressed)",
        m.reason());
    assertArrayEquals(bomb, m.leafInput().bytes());
  }

  @Test
  void aCorruptGzipTileIsMalformed() throws IOException {
    byte[] gz = gzip(Corpus.bytes(LOG + "data/000"));
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    Malformed m = assertInstanceOf(Malformed.class, DataTile.decode(0, cut).get(0));
    assertEquals(MalformedKind.GZIP_CORRUPT, m.kind());
    assertTrue(m.reason().startsWith("corrupt gzip data tile (" + cut.length + " bytes compressed): "), m.reason());
  }

  @Test
  void anEmptyTileIsMalformed() {
    List<EntryDecoding> result = DataTile.decode(512, new byte[0]);
    assertEquals(List.of(new Malformed(512, MalformedKind.TRUNCATED, 0, "empty data tile", Optional.empty(),
        OpaqueBytes.empty(), OpaqueBytes.empty())), result);
  }

  @Test
  void aTileAtTheWrongIndexIsDecodedWithEveryEntryFlaggedForItsLeafIndex() {
    List<EntryDecoding> result = DataTile.decode(0, Corpus.bytes(LOG + "data/001"));
    List<EntryDecoding> right = DataTile.decode(256, Corpus.bytes(LOG + "data/001"));
    byte[] hashTile = Corpus.bytes(LOG + "0/001");
    assertEquals(256, result.size());
    for (int k = 0; k < 256; k++) {
      // The leaf is what the tree proves: decoded, with the log's word about its position flagged.
      Decoded d = assertInstanceOf(Decoded.class, result.get(k));
      assertEquals(Sha256.wrap(hashTile, 32 * k), d.entry().leafHash());
      assertEquals(k, d.index());
      assertEquals(OptionalLong.of(256 + k), d.entry().leafIndexExtension());
      assertEquals(1, d.flags().size());
      assertTrue(d.flags().get(0).matches("leaf_index extension " + (256 + k)
          + " at offset \\d+ does not match the entry's index " + k), d.flags().get(0));
      PrecertEntry p = assertInstanceOf(PrecertEntry.class, d.entry());
      assertEquals(((PrecertEntry) ((Decoded) right.get(k)).entry()).tbsCertificate(), p.tbsCertificate());
      assertEquals(List.of(), ((Decoded) right.get(k)).flags());
    }
  }

  @Test
  void aTruncatedTileKeepsTheGoodEntriesAndOneMalformedRest() {
    byte[] tile = Corpus.bytes(LOG + "data/000");
    List<EntryDecoding> whole = DataTile.decode(0, tile);
    int entry5Start = startOfEntry(tile, 5);
    int entry6Start = startOfEntry(tile, 6);
    int cut = entry5Start + (entry6Start - entry5Start) / 2;
    List<EntryDecoding> result = DataTile.decode(0, Arrays.copyOf(tile, cut));
    assertEquals(6, result.size());
    assertEquals(whole.subList(0, 5), result.subList(0, 5));
    Malformed m = assertInstanceOf(Malformed.class, result.get(5));
    assertEquals(5, m.index());
    assertEquals(MalformedKind.TRUNCATED, m.kind());
    assertTrue(m.offset() >= entry5Start && m.offset() < cut, "offset " + m.offset());
    assertTrue(m.reason().startsWith("entry 5 of data tile: truncated "), m.reason());
    assertEquals(Optional.empty(), m.leafHash());
    assertArrayEquals(Arrays.copyOfRange(tile, entry5Start, cut), m.leafInput().bytes());
  }

  @Test
  void aTimestampOf2To63OrMoreIsOneMalformedEntryWithItsLeafHashAndTheTileGoesOn() {
    byte[] tile = Corpus.bytes(LOG + "data/000");
    List<EntryDecoding> whole = DataTile.decode(0, tile);
    int entry2 = startOfEntry(tile, 2);
    byte[] bad = tile.clone();
    bad[entry2] |= (byte) 0x80; // the timestamp's top bit: 2^63 ms and more
    List<EntryDecoding> result = DataTile.decode(0, bad);
    assertEquals(whole.size(), result.size(), "framing goes on past it");
    Malformed m = assertInstanceOf(Malformed.class, result.get(2));
    assertEquals(MalformedKind.OUT_OF_RANGE, m.kind());
    assertTrue(m.reason().contains("is beyond 2^63-1 ms"), m.reason());
    // The leaf is hashed as served, so the tree can still be checked across it.
    assertTrue(m.leafHash().isPresent(), "leaf hash kept");
    assertEquals(whole.subList(3, whole.size()), result.subList(3, result.size()));
  }

  @Test
  void anUnknownEntryTypeStopsFramingAtThatEntry() {
    byte[] tile = Corpus.bytes(LOG + "data/000");
    int entry2 = startOfEntry(tile, 2);
    byte[] bad = tile.clone();
    bad[entry2 + 9] = 9;
    List<EntryDecoding> result = DataTile.decode(0, bad);
    assertEquals(3, result.size());
    Malformed m = assertInstanceOf(Malformed.class, result.get(2));
    assertEquals(entry2 + 8, m.offset());
    assertEquals("entry 2 of data tile: unknown entry_type 9 at offset " + (entry2 + 8), m.reason());
    assertEquals(tile.length - entry2, m.leafInput().length());
  }

  @Test
  void aTileEntryWithoutLeafIndexIsDecodedAndFlagged() {
    Decoded d = withExtensions(3, new byte[] {1, 0, 5, 0, 0, 0, 3, 0x13});
    assertEquals(List.of("no leaf_index extension in the extensions at offset " + extensionsAt(3)), d.flags());
    assertEquals(OptionalLong.empty(), d.entry().leafIndexExtension());
  }

  @Test
  void aRepeatedExtensionTypeIsDecodedAndFlagged() {
    Decoded d = withExtensions(4, new byte[] {1, 0, 0, 1, 0, 2, 7, 7});
    assertEquals(List.of("extensions do not decode: second extension of type 1 at offset " + (extensionsAt(4) + 5)),
        d.flags());
  }

  @Test
  void aLeafIndexOfTheWrongWidthIsDecodedAndFlagged() {
    Decoded d = withExtensions(0, new byte[] {5, 0, 0, 0, 0, 2, 3, 0});
    assertEquals(List.of("extensions do not decode: leaf_index extension at offset " + (extensionsAt(0) + 5)
        + " has 2 bytes, not 5"), d.flags());
  }

  /** Where the extensions' length prefix of entry {@code k} of the partial tile is. */
  private static int extensionsAt(int k) {
    byte[] tile = Corpus.bytes(LOG + "data/003.p/10");
    int s = startOfEntry(tile, k);
    return s + 8 + 2 + 32 + 3 + u24(tile, s + 42);
  }

  /**
   * Replaces the 8 extension bytes of entry {@code k} of the partial tile, checks that only that
   * entry's flags differ (its certificate and leaf hash decode from the same leaf), and returns it.
   */
  private static Decoded withExtensions(int k, byte[] extensions) {
    byte[] tile = Corpus.bytes(LOG + "data/003.p/10");
    int lengthAt = extensionsAt(k);
    assertEquals(8, (tile[lengthAt] & 0xff) << 8 | (tile[lengthAt + 1] & 0xff));
    byte[] bad = tile.clone();
    System.arraycopy(extensions, 0, bad, lengthAt + 2, 8);
    List<EntryDecoding> result = DataTile.decode(768, bad);
    assertEquals(10, result.size());
    List<EntryDecoding> good = DataTile.decode(768, tile);
    for (int i = 0; i < 10; i++) {
      if (i != k) {
        assertEquals(good.get(i), result.get(i));
      }
    }
    Decoded d = assertInstanceOf(Decoded.class, result.get(k));
    int s = startOfEntry(tile, k);
    byte[] merkleTreeLeaf = new byte[2 + lengthAt + 10 - s];
    System.arraycopy(bad, s, merkleTreeLeaf, 2, lengthAt + 10 - s);
    assertEquals(Rfc6962Entries.leafHash(merkleTreeLeaf), d.entry().leafHash());
    PrecertEntry p = assertInstanceOf(PrecertEntry.class, d.entry());
    assertEquals(((PrecertEntry) ((Decoded) good.get(k)).entry()).tbsCertificate(), p.tbsCertificate());
    return d;
  }

  @Test
  void bytesAfter256EntriesAreTrailing() {
    byte[] tile = Corpus.bytes(LOG + "data/000");
    byte[] next = Corpus.bytes(LOG + "data/001");
    byte[] both = concat(tile, Arrays.copyOf(next, startOfEntry(next, 1)));
    List<EntryDecoding> result = DataTile.decode(0, both);
    assertEquals(257, result.size());
    Malformed m = assertInstanceOf(Malformed.class, result.get(256));
    assertEquals(MalformedKind.TRAILING_BYTES, m.kind());
    assertEquals((both.length - tile.length) + " trailing bytes at offset " + tile.length + " after 256 entries",
        m.reason());
  }

  @Test
  void aPartialTileAskedForAsFullReportsTheCountMismatch() {
    List<EntryDecoding> result = DataTile.decode(768, Corpus.bytes(LOG + "data/003.p/10"), 256);
    assertEquals(11, result.size());
    Malformed m = assertInstanceOf(Malformed.class, result.get(10));
    assertEquals(MalformedKind.COUNT_MISMATCH, m.kind());
    assertEquals(778, m.index());
    assertEquals("data tile ends at offset 15354 after 10 entries, expected 256", m.reason());
  }

  @Test
  void aFullTileServedForAPartialRequestGivesTheRequestedPrefix() {
    assertEquals(DataTile.decode(768, Corpus.bytes(LOG + "data/003.p/10")),
        DataTile.decode(768, Corpus.bytes(LOG + "data/003"), 10));
  }

  @Test
  void anExpectedCountOutside1To256IsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> DataTile.decode(0, new byte[0], 0));
    assertThrows(IllegalArgumentException.class, () -> DataTile.decode(0, new byte[0], 257));
  }

  private static void assertLeafHashes(List<LogEntry> entries, byte[] hashTile) {
    assertEquals(hashTile.length / 32, entries.size());
    for (int k = 0; k < entries.size(); k++) {
      assertEquals(Sha256.wrap(hashTile, 32 * k), entries.get(k).leafHash(), "entry " + entries.get(k).index());
    }
  }

  /** The start offset of entry {@code k} (0-based), walked by hand: independent of the decoder's framing. */
  static int startOfEntry(byte[] tile, int k) {
    // TileLeaf layout: timestamp 8, entry_type 2, [issuer_key_hash 32], cert<3>, extensions<2>, [precert<3>], chain<2>.
    int p = 0;
    for (int i = 0; i < k; i++) {
      int type = (tile[p + 8] & 0xff) << 8 | (tile[p + 9] & 0xff);
      p += 10;
      if (type == 1) {
        p += 32;
      }
      p += 3 + u24(tile, p);
      p += 2 + ((tile[p] & 0xff) << 8 | (tile[p + 1] & 0xff));
      if (type == 1) {
        p += 3 + u24(tile, p);
      }
      p += 2 + ((tile[p] & 0xff) << 8 | (tile[p + 1] & 0xff));
    }
    return p;
  }

  private static int u24(byte[] b, int p) {
    return (b[p] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff);
  }

  private static int count(List<LogEntry> entries) {
    return (int) entries.stream().filter(e -> e instanceof PrecertEntry).count();
  }

  static List<LogEntry> entries(List<EntryDecoding> decodings) {
    List<LogEntry> out = new ArrayList<>();
    for (EntryDecoding d : decodings) {
      if (d instanceof Malformed m) {
        throw new AssertionError("entry " + m.index() + ": " + m.reason());
      }
      out.add(((Decoded) d).entry());
    }
    return out;
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bos)) {
      out.write(data);
    }
    return bos.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
