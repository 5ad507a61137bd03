package org.ctmon.parser.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class HashTileTest {
  private static final String NAVIGLI = "static-ct/navigli2025h2/";

  @Test
  void decodesARealFullTileIntoItsHashes() {
    byte[] bytes = Corpus.bytes(NAVIGLI + "tile/0/002");
    HashTile tile = HashTile.decode(new Tile(0, 2, 256), bytes);
    assertEquals(256, tile.hashes().size());
    assertEquals(Sha256.wrap(bytes, 255 * 32), tile.hashes().get(255));
    assertArrayEquals(bytes, tile.encode());
  }

  @Test
  void realPartialTileIsThePrefixOfTheFullOne() {
    HashTile partial = HashTile.decode(new Tile(0, 3, 10), Corpus.bytes(NAVIGLI + "tile/0/003.p/10"));
    HashTile full = HashTile.decode(new Tile(0, 3, 256), Corpus.bytes(NAVIGLI + "tile/0/003"));
    assertEquals(full.hashes().subList(0, 10), partial.hashes());
  }

  @Test
  void aFullTileIsAcceptedForAPartialRequestAndCutToItsWidth() {
    HashTile cut = HashTile.decode(new Tile(0, 3, 10), Corpus.bytes(NAVIGLI + "tile/0/003"));
    assertEquals(HashTile.decode(new Tile(0, 3, 10), Corpus.bytes(NAVIGLI + "tile/0/003.p/10")), cut);
  }

  @Test
  void anyOtherLengthIsRejectedNamingTheTileAndBothLengths() {
    byte[] bytes = Corpus.bytes(NAVIGLI + "tile/0/003.p/10");
    MalformedTileException e = assertThrows(MalformedTileException.class,
        () -> HashTile.decode(new Tile(0, 3, 11), bytes));
    assertEquals("hash tile tile/0/003.p/11 has 320 bytes, expected 352 (11 hashes of 32 bytes)", e.getMessage());
    assertThrows(MalformedTileException.class, () -> HashTile.decode(new Tile(0, 3, 10), Arrays.copyOf(bytes, 319)));
    assertThrows(MalformedTileException.class, () -> HashTile.decode(new Tile(0, 3, 256), Arrays.copyOf(bytes, 8193)));
    assertThrows(MalformedTileException.class, () -> HashTile.decode(new Tile(0, 3, 10), new byte[0]));
  }
}
