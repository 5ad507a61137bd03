package org.ctmon.parser.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class MerkleHashTest {
  // Published RFC 6962 vectors (transparency-dev/merkle testonly): roots of the trees over
  // "", 00, 10, ... of sizes 0, 1 and 2.
  @Test
  void emptyTreeHashIsTheSha256OfNothing() {
    assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", MerkleHash.EMPTY_TREE.hex());
  }

  @Test
  void leafHashPrefixesAZeroByte() {
    assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", MerkleHash.leaf(new byte[0]).hex());
  }

  @Test
  void nodeHashPrefixesAOneByte() {
    assertEquals("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        MerkleHash.node(MerkleHash.leaf(new byte[0]), MerkleHash.leaf(new byte[] {0})).hex());
  }

  @Test
  void leafHashOfASliceHashesOnlyThatSlice() {
    byte[] buf = {9, 9, 0x20, 0x21, 9};
    assertEquals(NaiveMerkle.leaf(new byte[] {0x20, 0x21}), MerkleHash.leaf(buf, 2, 2));
  }
}
