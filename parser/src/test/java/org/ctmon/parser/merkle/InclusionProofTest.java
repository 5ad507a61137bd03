package org.ctmon.parser.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

final class InclusionProofTest {
  @Test
  void icarusProofOfLeaf120000000VerifiesAgainstItsSignedTreeHead() {
    JsonNode entry = CorpusJson.read("rfc6962/icarus/get-entry-and-proof_120000000_129721434.json");
    Sha256 leaf = CorpusJson.leafHashOf(entry.get("leaf_input").asText());
    List<Sha256> path = CorpusJson.hashes(entry.get("audit_path"));
    Sha256 root = CorpusJson.sthRoot("rfc6962/icarus/get-sth_129721434.json");
    InclusionProof.verify(120000000L, 129721434L, leaf, path, root);
    assertEveryBitFlipFails(120000000L, 129721434L, leaf, path, root);
  }

  @Test
  void argon2020ProofOfLeaf10000VerifiesAgainstItsSignedTreeHead() {
    JsonNode entries = CorpusJson.read("rfc6962/argon2020/get-entries_10000_10000.json");
    Sha256 leaf = CorpusJson.leafHashOf(entries.get("entries").get(0).get("leaf_input").asText());
    // The hash the proof was requested for (SOURCES.md): our leaf hash must be it.
    assertEquals(CorpusJson.base64Hash("nCs3mfIydh9x4CKyQ+u2xtmpxmFggA5MLymHwNQSlLg="), leaf);
    JsonNode proof = CorpusJson.read("rfc6962/argon2020/get-proof-by-hash_961984011_leaf10000.json");
    assertEquals(10000, proof.get("leaf_index").asLong());
    List<Sha256> path = CorpusJson.hashes(proof.get("audit_path"));
    Sha256 root = CorpusJson.sthRoot("rfc6962/argon2020/get-sth_961984011.json");
    InclusionProof.verify(10000L, 961984011L, leaf, path, root);
    assertEveryBitFlipFails(10000L, 961984011L, leaf, path, root);
  }

  @Test
  void realProofFailsForTheNeighbouringLeafIndexes() {
    JsonNode entry = CorpusJson.read("rfc6962/icarus/get-entry-and-proof_120000000_129721434.json");
    Sha256 leaf = CorpusJson.leafHashOf(entry.get("leaf_input").asText());
    List<Sha256> path = CorpusJson.hashes(entry.get("audit_path"));
    Sha256 root = CorpusJson.sthRoot("rfc6962/icarus/get-sth_129721434.json");
    assertFails(() -> InclusionProof.verify(120000001L, 129721434L, leaf, path, root));
    assertFails(() -> InclusionProof.verify(119999999L, 129721434L, leaf, path, root));
  }

  @Test
  void publishedProofsVerify() {
    List<Sha256> leaves = Rfc6962Vectors.leafHashes();
    InclusionProof.verify(0, 8, leaves.get(0), Rfc6962Vectors.INCLUSION_0_OF_8, Rfc6962Vectors.ROOTS.get(8));
    InclusionProof.verify(5, 8, leaves.get(5), Rfc6962Vectors.INCLUSION_5_OF_8, Rfc6962Vectors.ROOTS.get(8));
  }

  @Test
  void everyGeneratedProofVerifiesAndAnyChangeBreaksIt() {
    List<Integer> sizes = NaiveMerkle.interestingSizes();
    List<Sha256> leaves = NaiveMerkle.randomLeaves(sizes.get(sizes.size() - 1) + 1, 20);
    MerkleTree tree = MerkleTree.of(leaves);
    Random random = new Random(21);
    for (int n : sizes) {
      if (n == 0) {
        continue;
      }
      Sha256 root = tree.root(n);
      for (int i = 0; i < n; i++) {
        long index = i;
        Sha256 leaf = leaves.get(i);
        List<Sha256> path = tree.inclusionProof(i, n);
        InclusionProof.verify(index, n, leaf, path, root);
        if (n <= 17) {
          assertEveryBitFlipFails(i, n, leaf, path, root);
        } else if (!path.isEmpty()) {
          int element = random.nextInt(path.size());
          assertFails(() -> InclusionProof.verify(index, n, leaf,
              ProofMutations.flip(path, element, random.nextInt(256)), root));
          assertFails(() -> InclusionProof.verify(index, n, ProofMutations.flip(leaf, random.nextInt(256)), path, root));
          assertFails(() -> InclusionProof.verify(index, n, leaf, path, ProofMutations.flip(root, random.nextInt(256))));
        }
        if (i + 1 < n) {
          assertFails(() -> InclusionProof.verify(index + 1, n, leaf, path, root));
        }
        if (i > 0) {
          assertFails(() -> InclusionProof.verify(index - 1, n, leaf, path, root));
        }
        // Another size with its own root: the proof of size n proves nothing about it.
        assertFails(() -> InclusionProof.verify(index, n + 1, leaf, path, tree.root(n + 1)));
      }
    }
  }

  @Test
  void aSizeGivingThePathTheSameShapeVerifiesTooSoSizesMustComeFromSignedHeads() {
    // PATH(0, D[4]) = [leaf 1, MTH(D[2:4])]; read as a path in a tree of 3 it hashes the same way.
    MerkleTree tree = MerkleTree.of(Rfc6962Vectors.leafHashes());
    InclusionProof.verify(0, 3, tree.leafHash(0), tree.inclusionProof(0, 4), tree.root(4));
  }

  @Test
  void indexNotBelowTheSizeFailsNamingIndexSizeAndRoot() {
    Sha256 root = Rfc6962Vectors.ROOTS.get(8);
    InvalidProofException e = assertThrows(InvalidProofException.class,
        () -> InclusionProof.verify(8, 8, root, List.of(), root));
    assertEquals("inclusion proof of leaf 8 in tree of size 8 (root " + root.hex()
        + ") is impossible: the index is not within the tree", e.getMessage());
    assertFails(() -> InclusionProof.verify(-1, 8, root, List.of(), root));
    assertFails(() -> InclusionProof.verify(0, 0, root, List.of(), root));
  }

  @Test
  void proofOfTheWrongLengthFailsNamingBothLengths() {
    List<Sha256> leaves = Rfc6962Vectors.leafHashes();
    List<Sha256> tooShort = Rfc6962Vectors.INCLUSION_5_OF_8.subList(0, 2);
    InvalidProofException e = assertThrows(InvalidProofException.class,
        () -> InclusionProof.verify(5, 8, leaves.get(5), tooShort, Rfc6962Vectors.ROOTS.get(8)));
    assertEquals("inclusion proof of leaf 5 in tree of size 8 (root " + Rfc6962Vectors.ROOTS.get(8).hex()
        + ") has 2 hashes, expected 3", e.getMessage());
  }

  @Test
  void mismatchNamesTheExpectedAndTheComputedRoot() {
    List<Sha256> leaves = Rfc6962Vectors.leafHashes();
    Sha256 wrongRoot = Rfc6962Vectors.ROOTS.get(7);
    InvalidProofException e = assertThrows(InvalidProofException.class,
        () -> InclusionProof.verify(5, 8, leaves.get(5), Rfc6962Vectors.INCLUSION_5_OF_8, wrongRoot));
    assertEquals("inclusion proof of leaf 5 in tree of size 8 (root " + wrongRoot.hex() + ") computes root "
        + Rfc6962Vectors.ROOTS.get(8).hex() + " instead", e.getMessage());
  }

  private static void assertEveryBitFlipFails(long index, long size, Sha256 leaf, List<Sha256> path, Sha256 root) {
    for (int bit = 0; bit < 256; bit++) {
      int b = bit;
      for (int element = 0; element < path.size(); element++) {
        int el = element;
        assertFails(() -> InclusionProof.verify(index, size, leaf, ProofMutations.flip(path, el, b), root));
      }
      assertFails(() -> InclusionProof.verify(index, size, leaf, path, ProofMutations.flip(root, b)));
      assertFails(() -> InclusionProof.verify(index, size, ProofMutations.flip(leaf, b), path, root));
    }
  }

  private static void assertFails(Executable verification) {
    assertThrows(InvalidProofException.class, verification);
  }
}
