package org.ctmon.parser.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class ConsistencyProofTest {
  @Test
  void icarusProofBetweenTwoSignedTreeHeadsVerifies() {
    assertRealProofVerifies("icarus", 129596132L, 129721434L,
        CorpusJson.sthRoot("rfc6962/icarus/get-sth_129596132.json"));
  }

  @Test
  void argon2027h1ProofBetweenTwoSignedTreeHeadsVerifies() {
    assertRealProofVerifies("argon2027h1", 384065451L, 384071894L,
        CorpusJson.sthRoot("rfc6962/argon2027h1/get-sth_384065451.json"));
  }

  @Test
  void argon2020ProofFromAnOldTreeHeadVerifies() {
    // The size-3654490 root is not in the corpus as an STH; azul's lib.rs gives it (SOURCES.md).
    assertRealProofVerifies("argon2020", 3654490L, 961984011L,
        CorpusJson.base64Hash("AuIZ5V6sDUj1vn3Y1K85oOaQ7y+FJJKtyRTl1edIKBQ="));
  }

  @Test
  void publishedProofsVerify() {
    List<Sha256> roots = Rfc6962Vectors.ROOTS;
    ConsistencyProof.verify(2, 8, roots.get(2), roots.get(8), Rfc6962Vectors.CONSISTENCY_2_TO_8);
    ConsistencyProof.verify(6, 8, roots.get(6), roots.get(8), Rfc6962Vectors.CONSISTENCY_6_TO_8);
    ConsistencyProof.verify(2, 5, roots.get(2), roots.get(5), Rfc6962Vectors.CONSISTENCY_2_TO_5);
  }

  @Test
  void everyGeneratedProofVerifiesAndAnyChangeBreaksIt() {
    List<Integer> sizes = NaiveMerkle.interestingSizes();
    MerkleTree tree = MerkleTree.of(NaiveMerkle.randomLeaves(sizes.get(sizes.size() - 1) + 1, 30));
    Random random = new Random(31);
    for (int n : sizes) {
      for (int m = 1; m < n; m++) {
        // All first sizes for small trees, a sample for the larger ones.
        if (n > 64 && m != 1 && m != n - 1 && m != Integer.highestOneBit(n) && random.nextInt(n) > 8) {
          continue;
        }
        long size1 = m;
        List<Sha256> proof = tree.consistencyProof(m, n);
        Sha256 root1 = tree.root(m);
        Sha256 root2 = tree.root(n);
        ConsistencyProof.verify(m, n, root1, root2, proof);
        if (n <= 17) {
          assertEveryBitFlipFails(m, n, root1, root2, proof);
        } else {
          int element = random.nextInt(proof.size());
          assertFails(() -> ConsistencyProof.verify(size1, n, root1, root2, ProofMutations.flip(proof, element, random.nextInt(256))));
          assertFails(() -> ConsistencyProof.verify(size1, n, ProofMutations.flip(root1, random.nextInt(256)), root2, proof));
          assertFails(() -> ConsistencyProof.verify(size1, n, root1, ProofMutations.flip(root2, random.nextInt(256)), proof));
        }
        // Other sizes with their own roots: this proof proves nothing about them.
        assertFails(() -> ConsistencyProof.verify(size1 + 1, n, tree.root(size1 + 1), root2, proof));
        assertFails(() -> ConsistencyProof.verify(size1 - 1, n, tree.root(size1 - 1), root2, proof));
        assertFails(() -> ConsistencyProof.verify(size1, n + 1, root1, tree.root(n + 1), proof));
        assertFails(() -> ConsistencyProof.verify(size1, n - 1, root1, tree.root(n - 1), proof));
      }
    }
  }

  @Test
  void firstSizeAboveTheSecondFailsNamingBothSizesAndRoots() {
    Sha256 r5 = Rfc6962Vectors.ROOTS.get(5);
    Sha256 r4 = Rfc6962Vectors.ROOTS.get(4);
    InvalidProofException e = assertThrows(InvalidProofException.class,
        () -> ConsistencyProof.verify(5, 4, r5, r4, List.of()));
    assertEquals("consistency proof from size 5 (root " + r5.hex() + ") to size 4 (root " + r4.hex()
        + ") is impossible: the first size must be between 0 and the second", e.getMessage());
    assertFails(() -> ConsistencyProof.verify(-1, 4, r5, r4, List.of()));
  }

  @Test
  void equalSizesNeedAnEmptyProofAndEqualRoots() {
    Sha256 r8 = Rfc6962Vectors.ROOTS.get(8);
    ConsistencyProof.verify(8, 8, r8, r8, List.of());
    assertFails(() -> ConsistencyProof.verify(8, 8, r8, r8, List.of(r8)));
    InvalidProofException e = assertThrows(InvalidProofException.class,
        () -> ConsistencyProof.verify(8, 8, Rfc6962Vectors.ROOTS.get(7), r8, List.of()));
    assertEquals("consistency proof from size 8 (root " + Rfc6962Vectors.ROOTS.get(7).hex() + ") to size 8 (root "
        + r8.hex() + ") cannot hold: the first root must be " + r8.hex(), e.getMessage());
  }

  @Test
  void theEmptyTreeIsConsistentWithAnyTreeButOnlyWithItsOwnRoot() {
    Sha256 r8 = Rfc6962Vectors.ROOTS.get(8);
    ConsistencyProof.verify(0, 8, MerkleHash.EMPTY_TREE, r8, List.of());
    assertFails(() -> ConsistencyProof.verify(0, 8, r8, r8, List.of()));
    assertFails(() -> ConsistencyProof.verify(0, 8, MerkleHash.EMPTY_TREE, r8, List.of(r8)));
  }

  @Test
  void proofOfTheWrongLengthFailsNamingBothLengths() {
    List<Sha256> roots = Rfc6962Vectors.ROOTS;
    List<Sha256> tooLong = new ArrayList<>(Rfc6962Vectors.CONSISTENCY_6_TO_8);
    tooLong.add(roots.get(1));
    InvalidProofException e = assertThrows(InvalidProofException.class,
        () -> ConsistencyProof.verify(6, 8, roots.get(6), roots.get(8), tooLong));
    assertEquals("consistency proof from size 6 (root " + roots.get(6).hex() + ") to size 8 (root "
        + roots.get(8).hex() + ") has 4 hashes, expected 3", e.getMessage());
    assertFails(() -> ConsistencyProof.verify(6, 8, roots.get(6), roots.get(8), List.of()));
  }

  @Test
  void mismatchNamesTheComputedRoots() {
    List<Sha256> roots = Rfc6962Vectors.ROOTS;
    InvalidProofException e = assertThrows(InvalidProofException.class,
        () -> ConsistencyProof.verify(6, 8, roots.get(6), roots.get(7), Rfc6962Vectors.CONSISTENCY_6_TO_8));
    assertEquals("consistency proof from size 6 (root " + roots.get(6).hex() + ") to size 8 (root "
        + roots.get(7).hex() + ") computes roots " + roots.get(6).hex() + " and " + roots.get(8).hex() + " instead",
        e.getMessage());
  }

  @Test
  void aSecondSizeGivingThePathTheSameShapeVerifiesTooSoSizesMustComeFromSignedHeads() {
    // PROOF(2, D[4]) = [MTH(D[2:4])]; read as a proof to size 3 it hashes the same way. The verifier
    // checks roots; only the tree head's signature ties a root to its size.
    MerkleTree tree = MerkleTree.of(Rfc6962Vectors.leafHashes());
    ConsistencyProof.verify(2, 3, tree.root(2), tree.root(4), tree.consistencyProof(2, 4));
  }

  private static void assertRealProofVerifies(String log, long size1, long size2, Sha256 root1) {
    List<Sha256> proof = CorpusJson.hashes(CorpusJson.read(
        "rfc6962/" + log + "/get-sth-consistency_" + size1 + "_" + size2 + ".json").get("consistency"));
    String sth2 = "rfc6962/" + log + "/get-sth_" + size2 + ".json";
    assertEquals(size2, CorpusJson.sthSize(sth2));
    Sha256 root2 = CorpusJson.sthRoot(sth2);
    ConsistencyProof.verify(size1, size2, root1, root2, proof);
    assertEveryBitFlipFails(size1, size2, root1, root2, proof);
    assertFails(() -> ConsistencyProof.verify(size1 + 1, size2, root1, root2, proof));
    assertFails(() -> ConsistencyProof.verify(size1 - 1, size2, root1, root2, proof));
  }

  private static void assertEveryBitFlipFails(long size1, long size2, Sha256 root1, Sha256 root2, List<Sha256> proof) {
    for (int bit = 0; bit < 256; bit++) {
      int b = bit;
      for (int element = 0; element < proof.size(); element++) {
        int el = element;
        assertFails(() -> ConsistencyProof.verify(size1, size2, root1, root2, ProofMutations.flip(proof, el, b)));
      }
      assertFails(() -> ConsistencyProof.verify(size1, size2, ProofMutations.flip(root1, b), root2, proof));
      assertFails(() -> ConsistencyProof.verify(size1, size2, root1, ProofMutations.flip(root2, b), proof));
    }
  }

  private static void assertFails(Executable verification) {
    assertThrows(InvalidProofException.class, verification);
  }
}
