package org.ctmon.parser.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class TreeTilesTest {
  private static final List<Sha256> LEAVES = NaiveMerkle.randomLeaves(70_001, 52);
  private static final MerkleTree TREE = MerkleTree.of(LEAVES);

  @Test
  void theRootOfEverySmallerTreeReadFromTheLargerTreesTilesIsItsRoot() {
    Random random = new Random(53);
    List<long[]> pairs = new ArrayList<>(List.of(new long[] {1, 1}, new long[] {1, 70_000}, new long[] {255, 256},
        new long[] {256, 257}, new long[] {778, 65_536}, new long[] {65_535, 65_537}, new long[] {70_000, 70_001}));
    for (int i = 0; i < 20; i++) {
      long n = 1 + random.nextInt(70_001);
      pairs.add(new long[] {1 + (long) random.nextInt((int) n), n});
    }
    for (long[] p : pairs) {
      TreeTiles tiles = new TreeTiles(p[1], TREE.root(p[1]), TREE);
      assertEquals(NaiveMerkle.mth(LEAVES.subList(0, (int) p[0])), tiles.root(p[0]), p[0] + " in " + p[1]);
      assertEquals(TREE.root(p[0]), tiles.compactRange(p[0]).root());
    }
  }

  @Test
  void aForkServedForTheSmallerTreesOwnTilesIsNotWhatIsRead() {
    // The log serves, for the partial tiles of the smaller tree (size 778: tile 0/003.p/10), a
    // fork that gives the forked checkpoint's root; the larger tree's tiles are honest.
    long small = 778;
    long large = 70_000;
    List<Sha256> forkedLeaves = new ArrayList<>(LEAVES.subList(0, (int) small));
    forkedLeaves.set(770, Sha256.of(new byte[] {1, 2, 3}));
    MerkleTree fork = MerkleTree.of(forkedLeaves);
    HashTileSource forking = tile -> TileTree.rightEdge(small).contains(tile) ? fork.read(tile) : TREE.read(tile);
    assertEquals(fork.root(small), TileTree.root(small, forking), "the smaller tree's own tiles give the fork");

    TreeTiles tiles = new TreeTiles(large, TREE.root(large), forking);
    Sha256 read = tiles.root(small);
    assertEquals(TREE.root(small), read);
    assertTrue(!read.equals(fork.root(small)), "the forked checkpoint's root is not what the larger tree proves");
  }

  @Test
  void aFullTileThatDoesNotHashToItsEntryAboveIsRefused() {
    long large = 70_000;
    // Level-0 tile 100 is full in the tree of 70,000 and off its right edge: serve it tampered.
    Tile target = new Tile(0, 100, Tile.FULL_WIDTH);
    HashTileSource tampered = tile -> {
      byte[] bytes = TREE.read(tile);
      if (tile.equals(target)) {
        bytes = bytes.clone();
        bytes[5] ^= 1;
      }
      return bytes;
    };
    TreeTiles tiles = new TreeTiles(large, TREE.root(large), tampered);
    InvalidProofException e = assertThrows(InvalidProofException.class, () -> tiles.root(100 * 256 + 17));
    assertTrue(e.getMessage().startsWith("hash tile " + target + " hashes to "), e.getMessage());
  }

  @Test
  void tilesThatDoNotGiveTheSignedRootAreRefusedAtOnce() {
    InvalidProofException e = assertThrows(InvalidProofException.class,
        () -> new TreeTiles(70_000, TREE.root(69_999), TREE));
    assertTrue(e.getMessage().startsWith("the hash tiles of the tree of size 70000 give root "), e.getMessage());
  }
}
