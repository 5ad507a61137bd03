package org.ctmon.fetcher.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

final class DataTileRefTest {
  private static DataTileRef full(long n) {
    return new DataTileRef(n, 256);
  }

  @Test
  void plansTheFullTilesFromTheOneHoldingStartAndSkipsThePartialTail() {
    // Navigli's corpus tree: 778 entries = 3 full tiles + 10.
    assertEquals(List.of(full(1), full(2)), DataTileRef.plan(300, 778, false, 100));
    assertEquals(List.of(full(0), full(1), full(2)), DataTileRef.plan(0, 778, false, 100));
  }

  @Test
  void endsWithThePartialTileWhenAsked() {
    assertEquals(List.of(full(1), full(2), new DataTileRef(3, 10)), DataTileRef.plan(300, 778, true, 100));
    assertEquals(List.of(new DataTileRef(3, 10)), DataTileRef.plan(770, 778, true, 100));
  }

  @Test
  void aTreeOfWholeTilesHasNoPartialTile() {
    assertEquals(List.of(full(2), full(3)), DataTileRef.plan(512, 1024, true, 100));
  }

  @Test
  void nothingIsPlannedWhenCaughtUpOrOnlyThePartialTailIsLeft() {
    assertEquals(List.of(), DataTileRef.plan(778, 778, true, 100));
    assertEquals(List.of(), DataTileRef.plan(770, 778, false, 100));
    assertEquals(List.of(), DataTileRef.plan(0, 0, true, 100));
  }

  @Test
  void stopsAtMaxTiles() {
    assertEquals(List.of(full(4), full(5)), DataTileRef.plan(1024, 1_000_000_000L, true, 2));
    assertEquals(List.of(full(2)), DataTileRef.plan(512, 778, true, 1));
  }

  @Test
  void pathsFollowTlogTiles() {
    assertEquals("tile/data/000", full(0).path());
    assertEquals("tile/data/x001/234.p/7", new DataTileRef(1234, 7).path());
    assertEquals("tile/data/x001/x234/067", full(1234067).path());
    assertEquals(768, new DataTileRef(3, 10).firstEntry());
  }

  @Test
  void rejectsBadWidths() {
    assertEquals("tile width 0 is not within 1..256",
        assertThrows(IllegalArgumentException.class, () -> new DataTileRef(0, 0)).getMessage());
    assertEquals("tile width 257 is not within 1..256",
        assertThrows(IllegalArgumentException.class, () -> new DataTileRef(0, 257)).getMessage());
  }
}
