package org.ctmon.fetcher.tiles;

/**
 * The tlog-tiles path encoding of a tile index: 3-digit groups from the right, zero-padded, all but
 * the last prefixed with {@code x} (0 is {@code 000}, 1000 is {@code x001/000}, 1234067 is {@code
 * x001/x234/067}).
 *
 * <p>Note for the lead: {@code org.ctmon.parser.merkle.TilePath.index} does the same and was not in
 * this branch's base; switch to it (and to {@code Tile}) when merging.
 */
final class TileIndex {
  private TileIndex() {}

  static String encode(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("tile index " + n + " is negative");
    }
    StringBuilder s = new StringBuilder(String.format("%03d", n % 1000));
    for (long rest = n / 1000; rest > 0; rest /= 1000) {
      s.insert(0, String.format("x%03d/", rest % 1000));
    }
    return s.toString();
  }

  /** {@code tile/<kind>/<N>} for a full tile, {@code tile/<kind>/<N>.p/<W>} for a partial one. */
  static String path(String kind, long index, int width) {
    return "tile/" + kind + "/" + encode(index) + (width < DataTileRef.FULL_WIDTH ? ".p/" + width : "");
  }
}
