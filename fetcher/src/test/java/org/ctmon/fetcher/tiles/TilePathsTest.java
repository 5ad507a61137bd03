package org.ctmon.fetcher.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

final class TilePathsTest {
  @Test
  void tilePathsFollowTlogTilesForDataAndHashTiles() {
    assertEquals("tile/0/x001/234.p/7", StaticCtClient.tilePath("0", 1234, 7));
    assertEquals("tile/data/003", StaticCtClient.tilePath("data", 3, 256));
    assertEquals("tile/data/x001/x234/067", StaticCtClient.tilePath("data", 1234067, 256));
    assertEquals("tile/2/x001/x234/067.p/255", StaticCtClient.tilePath("2", 1234067, 255));
  }
}
