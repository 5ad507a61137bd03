package org.ctmon.parser.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class CompactRangeTest {
  @Test
  void rootOfEveryPrefixOfThePublishedTreeMatchesThePublishedRoot() {
    CompactRange range = new CompactRange();
    assertEquals(Rfc6962Vectors.ROOTS.get(0), range.root());
    List<Sha256> leaves = Rfc6962Vectors.leafHashes();
    for (int n = 1; n <= leaves.size(); n++) {
      range.append(leaves.get(n - 1));
      assertEquals(Rfc6962Vectors.ROOTS.get(n), range.root(), "size " + n);
    }
  }

  @Test
  void rootOfEveryPrefixUpToFiveThousandMatchesTheNaiveReference() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(5100, 1);
    List<Integer> sizes = NaiveMerkle.interestingSizes();
    CompactRange range = new CompactRange();
    for (int n = 0; n <= sizes.get(sizes.size() - 1); n++) {
      // Every prefix up to 1100 against the reference, and the interesting sizes beyond.
      if (n <= 1100 || sizes.contains(n)) {
        assertEquals(NaiveMerkle.mth(leaves.subList(0, n)), range.root(), "size " + n);
        assertEquals(n, range.size());
      }
      range.append(leaves.get(n));
    }
  }

  @Test
  void serializationRoundTripsAtEverySize() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(1100, 2);
    CompactRange range = new CompactRange();
    for (int n = 0; n <= leaves.size(); n++) {
      byte[] blob = range.toBytes();
      assertEquals(9 + 32 * Long.bitCount(n), blob.length);
      CompactRange back = CompactRange.fromBytes(blob);
      assertEquals(range, back);
      assertEquals(range.hashCode(), back.hashCode());
      assertEquals(range.root(), back.root());
      if (n < leaves.size()) {
        range.append(leaves.get(n));
        back.append(leaves.get(n));
        assertEquals(range, back, "a restored range keeps growing like the original, size " + n);
      }
    }
  }

  @Test
  void serializedFormIsVersionSizeThenSubtreeRootsLargestFirst() {
    List<Sha256> leaves = Rfc6962Vectors.leafHashes();
    CompactRange range = new CompactRange();
    leaves.subList(0, 6).forEach(range::append);
    byte[] blob = range.toBytes();
    assertEquals(1, blob[0]);
    assertEquals(6, ByteBuffer.wrap(blob, 1, 8).getLong());
    assertEquals(Rfc6962Vectors.ROOTS.get(4), Sha256.wrap(blob, 9), "first the subtree of leaves 0-3");
    assertEquals(NaiveMerkle.mth(leaves.subList(4, 6)), Sha256.wrap(blob, 41), "then the one of leaves 4-5");
  }

  @Test
  void blobWithMoreHashesThanItsSizeNeedsIsRejectedNamingBoth() {
    byte[] blob = Arrays.copyOf(rangeOf(5).toBytes(), 9 + 3 * 32);
    CorruptCompactRangeException e = assertThrows(CorruptCompactRangeException.class, () -> CompactRange.fromBytes(blob));
    assertEquals("compact range blob of size 5 needs 2 hashes (73 bytes), but has 105 bytes", e.getMessage());
  }

  @Test
  void truncatedBlobIsRejected() {
    byte[] blob = Arrays.copyOf(rangeOf(7).toBytes(), 9 + 2 * 32 + 5);
    CorruptCompactRangeException e = assertThrows(CorruptCompactRangeException.class, () -> CompactRange.fromBytes(blob));
    assertEquals("compact range blob of size 7 needs 3 hashes (105 bytes), but has 78 bytes", e.getMessage());
  }

  @Test
  void blobShorterThanTheHeaderIsRejected() {
    CorruptCompactRangeException e = assertThrows(CorruptCompactRangeException.class,
        () -> CompactRange.fromBytes(new byte[] {1, 0, 0}));
    assertEquals("compact range blob has 3 bytes, shorter than its 9-byte header", e.getMessage());
  }

  @Test
  void blobOfAnUnknownVersionIsRejected() {
    byte[] blob = rangeOf(4).toBytes();
    blob[0] = 2;
    CorruptCompactRangeException e = assertThrows(CorruptCompactRangeException.class, () -> CompactRange.fromBytes(blob));
    assertEquals("compact range blob has unknown format version 2", e.getMessage());
  }

  @Test
  void blobWithANegativeSizeIsRejected() {
    byte[] blob = rangeOf(0).toBytes();
    blob[1] = (byte) 0x80;
    CorruptCompactRangeException e = assertThrows(CorruptCompactRangeException.class, () -> CompactRange.fromBytes(blob));
    assertEquals("compact range blob has negative size -9223372036854775808", e.getMessage());
  }

  @Test
  void fromRightEdgeWithTheReferenceSubtreeRootsGrowsLikeAnAppendedRange() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(1000, 3);
    // 699 = 512 + 128 + 32 + 16 + 8 + 2 + 1
    List<Sha256> roots = List.of(NaiveMerkle.mth(leaves.subList(0, 512)), NaiveMerkle.mth(leaves.subList(512, 640)),
        NaiveMerkle.mth(leaves.subList(640, 672)), NaiveMerkle.mth(leaves.subList(672, 688)),
        NaiveMerkle.mth(leaves.subList(688, 696)), NaiveMerkle.mth(leaves.subList(696, 698)), leaves.get(698));
    CompactRange seeded = CompactRange.fromRightEdge(699, roots);
    assertEquals(NaiveMerkle.mth(leaves.subList(0, 699)), seeded.root());
    assertEquals(roots, seeded.subtreeRoots());
    leaves.subList(699, 1000).forEach(seeded::append);
    assertEquals(NaiveMerkle.mth(leaves), seeded.root());
  }

  @Test
  void fromRightEdgeRejectsARootCountThatDisagreesWithTheSize() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CompactRange.fromRightEdge(6, List.of(MerkleHash.EMPTY_TREE)));
    assertEquals("a compact range of size 6 has 2 subtree roots, not 1", e.getMessage());
  }

  @Test
  void fromTheLastLeafProofOfAnyTreeGrowsLikeAnAppendedRange() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(1100, 4);
    for (int n : NaiveMerkle.interestingSizes()) {
      if (n == 0 || n > 1099) {
        continue;
      }
      List<Sha256> d = leaves.subList(0, n);
      CompactRange seeded = CompactRange.fromLastLeafProof(n, d.get(n - 1), NaiveMerkle.path(n - 1, d), NaiveMerkle.mth(d));
      CompactRange appended = new CompactRange();
      d.forEach(appended::append);
      assertEquals(appended, seeded, "size " + n);
      seeded.append(leaves.get(n));
      assertEquals(NaiveMerkle.mth(leaves.subList(0, n + 1)), seeded.root(), "size " + (n + 1));
    }
  }

  @Test
  void fromTheLastLeafProofRefusesAPathThatDoesNotProveIt() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(10, 5);
    List<Sha256> path = NaiveMerkle.path(9, leaves);
    Sha256 root = NaiveMerkle.mth(leaves);
    assertThrows(InvalidProofException.class, () -> CompactRange.fromLastLeafProof(10, leaves.get(8), path, root));
    assertThrows(InvalidProofException.class, () -> CompactRange.fromLastLeafProof(9, leaves.get(9), path, root));
    assertThrows(InvalidProofException.class, () -> CompactRange.fromLastLeafProof(0, leaves.get(9), List.of(), root));
  }

  @Test
  void fromTheInclusionProofOfAnyLeafEqualsTheRangeOfTheLeavesUpToIt() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(3000, 6);
    MerkleTree tree = MerkleTree.of(leaves);
    Random random = new Random(7);
    for (int k = 0; k < 2000; k++) {
      // Small trees often (every edge shape), larger ones up to the whole tree.
      long size = 1 + random.nextInt(k % 4 == 0 ? leaves.size() : 70);
      long index = random.nextInt((int) size);
      List<Sha256> path = tree.inclusionProof(index, size);
      CompactRange seeded = CompactRange.fromInclusionProof(index, size, leaves.get((int) index), path, tree.root(size));
      CompactRange appended = new CompactRange();
      leaves.subList(0, (int) index + 1).forEach(appended::append);
      assertEquals(appended, seeded, "leaf " + index + " of " + size);
      if (!path.isEmpty()) {
        int element = random.nextInt(path.size());
        List<Sha256> flipped = ProofMutations.flip(path, element, random.nextInt(256));
        assertThrows(InvalidProofException.class, () -> CompactRange.fromInclusionProof(index, size,
            leaves.get((int) index), flipped, tree.root(size)), "hash " + element + " of leaf " + index + " of " + size);
      }
    }
  }

  @Test
  void fromTheInclusionProofOfTheLastLeafIsTheWholeTreeAndOfLeafZeroIsOneLeaf() {
    List<Sha256> leaves = NaiveMerkle.randomLeaves(1234, 8);
    MerkleTree tree = MerkleTree.of(leaves);
    CompactRange whole = CompactRange.fromInclusionProof(1233, 1234, leaves.get(1233), tree.inclusionProof(1233, 1234),
        tree.root());
    assertEquals(tree.root(), whole.root());
    CompactRange first = CompactRange.fromInclusionProof(0, 1234, leaves.get(0), tree.inclusionProof(0, 1234), tree.root());
    assertEquals(List.of(leaves.get(0)), first.subtreeRoots());
  }

  @Test
  void rangesWithTheSameLeavesAreEqualAndOthersAreNot() {
    assertEquals(rangeOf(13), rangeOf(13));
    assertNotEquals(rangeOf(13), rangeOf(12));
    CompactRange other = new CompactRange();
    NaiveMerkle.randomLeaves(13, 99).forEach(other::append);
    assertNotEquals(rangeOf(13), other);
  }

  @Test
  void copyDoesNotChangeWhenTheOriginalGrows() {
    CompactRange range = rangeOf(5);
    CompactRange copy = range.copy();
    range.append(MerkleHash.EMPTY_TREE);
    assertEquals(5, copy.size());
    assertEquals(rangeOf(5), copy);
  }

  private static CompactRange rangeOf(int n) {
    CompactRange r = new CompactRange();
    NaiveMerkle.randomLeaves(n, 42).forEach(r::append);
    return r;
  }
}
