package org.ctmon.parser.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class TileTreeTest {
  private static final String NAVIGLI = "static-ct/navigli2025h2/";

  @Test
  void rightEdgeOfTheSpecExampleOf70000IsThreePartialTiles() {
    // tlog-tiles: "a tree of size 70,000 ... one partial level 0 tile of width 112, ... one partial
    // level 1 tile of width 17, and one partial level 2 tile of width 1".
    assertEquals(List.of(new Tile(2, 0, 1), new Tile(1, 1, 17), new Tile(0, 273, 112)), TileTree.rightEdge(70000));
  }

  @Test
  void rightEdgeOf256IsAPartialLevelOneTileOfWidthOne() {
    assertEquals(List.of(new Tile(1, 0, 1)), TileTree.rightEdge(256));
    assertEquals(List.of(), TileTree.rightEdge(0));
    assertEquals(List.of(new Tile(7, 0, 127), new Tile(6, 127, 255), new Tile(5, 32767, 255), new Tile(4, 8388607, 255),
        new Tile(3, 2147483647L, 255), new Tile(2, 549755813887L, 255), new Tile(1, 140737488355327L, 255),
        new Tile(0, 36028797018963967L, 255)), TileTree.rightEdge(Long.MAX_VALUE));
  }

  @Test
  void rootsComputedFromNavigliTilesMatchItsComputedTreeHeads() {
    JsonNode heads = CorpusJson.read(NAVIGLI + "computed_tree_heads.json").get("tree_heads");
    assertEquals(3, heads.size());
    for (JsonNode head : heads) {
      long size = head.get("size").asLong();
      assertEquals(CorpusJson.base64Hash(head.get("root_hash").asText()), TileTree.root(size, TileTreeTest::navigli),
          "size " + size);
    }
  }

  @Test
  void navigliLevelZeroHashesAppendedOneByOneGiveTheSameRoots() {
    JsonNode heads = CorpusJson.read(NAVIGLI + "computed_tree_heads.json").get("tree_heads");
    List<Sha256> leaves = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      leaves.addAll(HashTile.decode(new Tile(0, n, 256), Corpus.bytes(NAVIGLI + "tile/0/00" + n)).hashes());
    }
    for (JsonNode head : heads) {
      int size = head.get("size").asInt();
      CompactRange range = new CompactRange();
      leaves.subList(0, size).forEach(range::append);
      assertEquals(CorpusJson.base64Hash(head.get("root_hash").asText()), range.root(), "size " + size);
      assertEquals(TileTree.compactRange(size, TileTreeTest::navigli), range, "size " + size);
    }
  }

  @Test
  void fullTileServedForAPartialRequestGivesTheSameRoot() {
    Sha256 viaPartial = TileTree.root(778, TileTreeTest::navigli);
    // The corpus has the full level-0 tile 003 next to the partial 003.p/10 of size 778.
    Sha256 viaFull = TileTree.root(778, tile -> navigli(tile.level() == 0 ? tile.full() : tile));
    assertEquals(viaPartial, viaFull);
  }

  @Test
  void rootFromTheTilesOfAnyTreeMatchesTheNaiveReference() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(70001, 50);
    MerkleTree tree = MerkleTree.of(leaves);
    Random random = new Random(51);
    List<Integer> sizes = new ArrayList<>(List.of(1, 2, 255, 256, 257, 511, 512, 513, 778, 65535, 65536, 65537, 70000));
    for (int i = 0; i < 5; i++) {
      sizes.add(1 + random.nextInt(70000));
    }
    for (int size : sizes) {
      assertEquals(NaiveMerkle.mth(leaves.subList(0, size)), TileTree.root(size, tree), "size " + size);
    }
  }

  @Test
  void rangeExtendedFromNavigliLevelZeroTilesReachesItsComputedTreeHeads() {
    JsonNode heads = CorpusJson.read(NAVIGLI + "computed_tree_heads.json").get("tree_heads");
    CompactRange at300 = TileTree.extend(new CompactRange(), 300, TileTreeTest::navigli);
    for (JsonNode head : heads) {
      int size = head.get("size").asInt();
      Sha256 expected = CorpusJson.base64Hash(head.get("root_hash").asText());
      if (size >= 300) {
        assertEquals(expected, TileTree.extend(at300, size, TileTreeTest::navigli).root(), "size " + size);
      }
      assertEquals(expected, TileTree.extend(new CompactRange(), size, TileTreeTest::navigli).root(), "size " + size);
    }
    assertEquals(300, at300.size());
  }

  @Test
  void extendingFromAnySizeToAnyLaterOneMatchesTheNaiveReference() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(3000, 52);
    MerkleTree tree = MerkleTree.of(leaves);
    Random random = new Random(53);
    for (int i = 0; i < 40; i++) {
      int from = random.nextInt(3000);
      int to = from + random.nextInt(3001 - from);
      CompactRange start = new CompactRange();
      leaves.subList(0, from).forEach(start::append);
      CompactRange extended = TileTree.extend(start, to, tree);
      assertEquals(to, extended.size());
      assertEquals(NaiveMerkle.mth(leaves.subList(0, to)), extended.root(), from + " to " + to);
    }
  }

  @Test
  void tileOfTheWrongLengthFromTheSourceIsRejected() {
    MalformedTileException e = assertThrows(MalformedTileException.class,
        () -> TileTree.root(778, tile -> new byte[31]));
    assertEquals("hash tile tile/1/000.p/3 has 31 bytes, expected 96 (3 hashes of 32 bytes)", e.getMessage());
  }

  @Test
  void dataTilesCoverTheRangeEndingInAPartialOne() {
    assertEquals(List.of(new Tile(0, 1, 256), new Tile(0, 2, 256), new Tile(0, 3, 256), new Tile(0, 4, 10)),
        TileTree.dataTiles(300, 1034));
    assertEquals(List.of(new Tile(0, 3, 256)), TileTree.dataTiles(1023, 1024));
    assertEquals(List.of(), TileTree.dataTiles(1024, 1024));
    assertThrows(IllegalArgumentException.class, () -> TileTree.dataTiles(5, 4));
  }

  /**
   * Navigli's real level-0 tiles; level-1 tiles (not in the corpus) built by their definition as
   * the roots of full level-0 tiles, hashed by the naive reference. A partial level-0 tile the
   * corpus lacks is answered with the full tile, as tlog-tiles lets a client fall back to it.
   */
  private static byte[] navigli(Tile tile) {
    if (tile.level() == 0) {
      boolean present = Files.exists(Corpus.root().resolve(NAVIGLI + tile.path()));
      return Corpus.bytes(NAVIGLI + (present ? tile : tile.full()).path());
    }
    assertEquals(1, tile.level());
    assertEquals(0, tile.index());
    List<Sha256> roots = new ArrayList<>();
    for (int n = 0; n < tile.width(); n++) {
      roots.add(NaiveMerkle.mth(HashTile.decode(new Tile(0, n, 256), Corpus.bytes(NAVIGLI + "tile/0/00" + n)).hashes()));
    }
    return MerkleTreeTest.concat(roots);
  }
}
