package org.ctmon.fetcher.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

final class TileIndexTest {
  @Test
  void encodesAsTlogTilesExamplesDo() {
    // tlog-tiles: "1234067 is encoded as x001/x234/067".
    assertEquals("x001/x234/067", TileIndex.encode(1234067));
    assertEquals("000", TileIndex.encode(0));
    assertEquals("005", TileIndex.encode(5));
    assertEquals("999", TileIndex.encode(999));
    assertEquals("x001/000", TileIndex.encode(1000));
    assertEquals("x009/x223/x372/x036/x854/x775/807", TileIndex.encode(Long.MAX_VALUE));
  }

  @Test
  void partialTilesGetTheirWidth() {
    assertEquals("tile/0/x001/234.p/7", TileIndex.path("0", 1234, 7));
    assertEquals("tile/data/003", TileIndex.path("data", 3, 256));
  }

  @Test
  void rejectsNegativeIndices() {
    assertThrows(IllegalArgumentException.class, () -> TileIndex.encode(-1));
  }
}
