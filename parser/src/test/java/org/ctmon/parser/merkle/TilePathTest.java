package org.ctmon.parser.merkle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class TilePathTest {
  @Test
  void indexesAreSplitIntoThreeDigitElementsAllButTheLastPrefixedWithX() {
    assertEquals("x001/x234/067", TilePath.index(1234067));
    assertEquals("000", TilePath.index(0));
    assertEquals("999", TilePath.index(999));
    assertEquals("x001/000", TilePath.index(1000));
    assertEquals("x009/x223/x372/x036/x854/x775/807", TilePath.index(Long.MAX_VALUE));
  }

  @Test
  void hashTilePathsCarryLevelIndexAndPartialWidth() {
    assertEquals("tile/0/x001/x234/067", new Tile(0, 1234067, 256).path());
    assertEquals("tile/1/x001/x234/067.p/8", new Tile(1, 1234067, 8).path());
    assertEquals("tile/5/000.p/1", new Tile(5, 0, 1).path());
  }

  @Test
  void dataTilePathsExistOnlyAtLevelZero() {
    assertEquals("tile/data/x001/x234/067", new Tile(0, 1234067, 256).dataPath());
    assertEquals("tile/data/003.p/10", new Tile(0, 3, 10).dataPath());
    assertEquals("tile tile/1/000 is not at level 0 and has no data tile",
        assertThrows(IllegalStateException.class, () -> new Tile(1, 0, 256).dataPath()).getMessage());
  }

  @Test
  void parsingReadsBackEveryCanonicalPath() {
    Random random = new Random(40);
    for (int i = 0; i < 2000; i++) {
      long index = i < 1100 ? i : random.nextLong() >>> (1 + random.nextInt(63));
      Tile tile = new Tile(random.nextInt(64), index, 1 + random.nextInt(256));
      assertEquals(tile, TilePath.parse(tile.path()));
      Tile level0 = new Tile(0, index, tile.width());
      assertEquals(level0, TilePath.parseData(level0.dataPath()));
    }
    assertEquals(new Tile(63, Long.MAX_VALUE, 255), TilePath.parse("tile/63/x009/x223/x372/x036/x854/x775/807.p/255"));
  }

  @Test
  void parsingRejectsNonCanonicalAndMalformedPaths() {
    for (String bad : new String[] {"tile/0/x000/001", "tile/0/1", "tile/00/000", "tile/64/000", "tile/0/000.p/0",
        "tile/0/000.p/256", "tile/0/000.p/010", "tile/0/001/002", "tile/0/x1/000", "tile/0/x001", "tiles/0/000",
        "tile/0/000.p", "tile/0/000.p/", "tile/-1/000", "tile/0/-01", "tile/0/", "tile/0", "tile/data/000",
        "/tile/0/000", "tile/0/000/", "tile/0/x999/x999/x999/x999/x999/x999/x999/999",
        "tile/0/x009/x223/x372/x036/x854/x775/808"}) {
      assertThrows(MalformedTileException.class, () -> TilePath.parse(bad), bad);
    }
    for (String bad : new String[] {"tile/data/x000/001", "tile/data/000.p/256", "tile/0/000", "tile/data/1"}) {
      assertThrows(MalformedTileException.class, () -> TilePath.parseData(bad), bad);
    }
  }

  @Test
  void parseErrorsNameThePathAndTheProblem() {
    assertEquals("malformed tile path 'tile/0/x000/001': it is not in canonical form tile/0/001",
        assertThrows(MalformedTileException.class, () -> TilePath.parse("tile/0/x000/001")).getMessage());
    assertEquals("malformed tile path 'tile/0/000.p/256': partial width 256 is not within 1..255",
        assertThrows(MalformedTileException.class, () -> TilePath.parse("tile/0/000.p/256")).getMessage());
  }
}
