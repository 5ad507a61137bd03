package org.ctmon.parser.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class MerkleTreeTest {
  private static final MerkleTree PUBLISHED = MerkleTree.of(Rfc6962Vectors.leafHashes());

  @Test
  void rootOfEveryEarlierSizeMatchesThePublishedRoots() {
    for (int n = 0; n <= 8; n++) {
      assertEquals(Rfc6962Vectors.ROOTS.get(n), PUBLISHED.root(n), "size " + n);
    }
  }

  @Test
  void generatesThePublishedInclusionProofs() {
    assertEquals(Rfc6962Vectors.INCLUSION_0_OF_8, PUBLISHED.inclusionProof(0, 8));
    assertEquals(Rfc6962Vectors.INCLUSION_5_OF_8, PUBLISHED.inclusionProof(5, 8));
  }

  @Test
  void generatesThePublishedConsistencyProofs() {
    assertEquals(Rfc6962Vectors.CONSISTENCY_2_TO_8, PUBLISHED.consistencyProof(2, 8));
    assertEquals(Rfc6962Vectors.CONSISTENCY_6_TO_8, PUBLISHED.consistencyProof(6, 8));
    assertEquals(Rfc6962Vectors.CONSISTENCY_2_TO_5, PUBLISHED.consistencyProof(2, 5));
  }

  @Test
  void everyProofInTreesUpToSixtyFourLeavesEqualsTheNaiveOne() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(64, 10);
    MerkleTree tree = MerkleTree.of(leaves);
    for (int n = 1; n <= 64; n++) {
      List<Sha256> d = leaves.subList(0, n);
      assertEquals(NaiveMerkle.mth(d), tree.root(n));
      for (int i = 0; i < n; i++) {
        assertEquals(NaiveMerkle.path(i, d), tree.inclusionProof(i, n), "leaf " + i + " of " + n);
      }
      for (int m = 1; m <= n; m++) {
        assertEquals(NaiveMerkle.proof(m, d), tree.consistencyProof(m, n), m + " to " + n);
      }
    }
  }

  @Test
  void sampledProofsInLargerTreesEqualTheNaiveOnes() {
    List<Integer> sizes = NaiveMerkle.interestingSizes();
    List<Sha256> leaves = NaiveMerkle.randomLeaves(sizes.get(sizes.size() - 1), 11);
    MerkleTree tree = MerkleTree.of(leaves);
    Random random = new Random(12);
    for (int n : sizes) {
      List<Sha256> d = leaves.subList(0, n);
      assertEquals(NaiveMerkle.mth(d), tree.root(n), "size " + n);
      if (n == 0) {
        continue;
      }
      for (int i : new int[] {0, n / 2, n - 1, random.nextInt(n)}) {
        assertEquals(NaiveMerkle.path(i, d), tree.inclusionProof(i, n), "leaf " + i + " of " + n);
      }
      for (int m : new int[] {1, n / 2 + 1, n - 1 == 0 ? 1 : n - 1, Integer.highestOneBit(n), 1 + random.nextInt(n)}) {
        assertEquals(NaiveMerkle.proof(m, d), tree.consistencyProof(m, n), m + " to " + n);
      }
    }
  }

  @Test
  void consistencyFromTheEmptyTreeIsAnEmptyProof() {
    assertEquals(List.of(), PUBLISHED.consistencyProof(0, 8));
  }

  @Test
  void hashTilesHoldTheRootsOfConsecutiveSubtrees() {
    // 785 = 3 * 256 + 17: three full level-0 tiles, a partial one of 17, and level 1 of width 3.
    List<Sha256> leaves = NaiveMerkle.randomLeaves(785, 13);
    MerkleTree tree = MerkleTree.of(leaves);
    assertArrayEquals(concat(leaves.subList(512, 768)), tree.read(new Tile(0, 2, 256)));
    assertArrayEquals(concat(leaves.subList(768, 785)), tree.read(new Tile(0, 3, 17)));
    assertArrayEquals(concat(leaves.subList(768, 770)), tree.read(new Tile(0, 3, 2)));
    assertArrayEquals(concat(List.of(NaiveMerkle.mth(leaves.subList(0, 256)), NaiveMerkle.mth(leaves.subList(256, 512)),
        NaiveMerkle.mth(leaves.subList(512, 768)))), tree.read(new Tile(1, 0, 3)));
  }

  @Test
  void hashTileBeyondTheTreeIsRefused() {
    MerkleTree tree = MerkleTree.of(NaiveMerkle.randomLeaves(300, 14));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tree.read(new Tile(1, 0, 2)));
    assertEquals("hash tile tile/1/000.p/2 is beyond the tree of size 300", e.getMessage());
  }

  @Test
  void proofsOutsideTheTreeAreRefusedNamingIndexAndSize() {
    assertEquals("leaf index 8 is not within a tree of size 8",
        assertThrows(IllegalArgumentException.class, () -> PUBLISHED.inclusionProof(8, 8)).getMessage());
    assertEquals("tree size 9 is not within 0..8",
        assertThrows(IllegalArgumentException.class, () -> PUBLISHED.inclusionProof(0, 9)).getMessage());
    assertEquals("no consistency proof from size 5 to size 4",
        assertThrows(IllegalArgumentException.class, () -> PUBLISHED.consistencyProof(5, 4)).getMessage());
    assertEquals("tree size -1 is not within 0..8",
        assertThrows(IllegalArgumentException.class, () -> PUBLISHED.root(-1)).getMessage());
  }

  static byte[] concat(List<Sha256> hashes) {
    byte[] out = new byte[hashes.size() * 32];
    for (int i = 0; i < hashes.size(); i++) {
      System.arraycopy(hashes.get(i).bytes(), 0, out, 32 * i, 32);
    }
    return out;
  }
}
