package org.ctmon.parser.merkle;

/**
 * The coordinate of a C2SP tlog-tiles hash tile: {@code level} (0 holds leaf hashes; each hash at
 * level L is the root of a subtree of 256^L leaves), {@code index} within the level and
 * {@code width}, the number of hashes (256 for a full tile, 1..255 for a partial one).
 *
 * <p>Hash {@code i} of tile (L, N) is {@code MTH(D[(N*256 + i) * 256^L : (N*256 + i + 1) * 256^L])}.
 * A level-0 coordinate also names the data tile (static-ct-api) holding the same entries.
 */
public record Tile(int level, long index, int width) {
  /** Hashes in a full tile. */
  public static final int FULL_WIDTH = 256;
  /** Tree levels a tile spans: log2 of {@link #FULL_WIDTH}. */
  public static final int HEIGHT = 8;
  /** Highest level tlog-tiles allows. */
  public static final int MAX_LEVEL = 63;

  /** Validates the coordinate; throws {@link IllegalArgumentException} naming the bad part. */
  public Tile {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException("tile level " + level + " is not within 0.." + MAX_LEVEL);
    }
    if (index < 0) {
      throw new IllegalArgumentException("tile index " + index + " is negative");
    }
    if (width < 1 || width > FULL_WIDTH) {
      throw new IllegalArgumentException("tile width " + width + " is not within 1.." + FULL_WIDTH);
    }
  }

  /** Whether this tile has fewer than 256 hashes. */
  public boolean isPartial() {
    return width < FULL_WIDTH;
  }

  /** The full tile this one is a prefix of (itself if full). */
  public Tile full() {
    return isPartial() ? new Tile(level, index, FULL_WIDTH) : this;
  }

  /** The hash tile's path below the log's monitoring prefix: {@code tile/<L>/<N>[.p/<W>]}. */
  public String path() {
    return "tile/" + level + "/" + TilePath.index(index) + partialSuffix();
  }

  /**
   * The static-ct-api data tile with the entries this level-0 tile hashes:
   * {@code tile/data/<N>[.p/<W>]}.
   *
   * @throws IllegalStateException for a tile above level 0, which has no data tile
   */
  public String dataPath() {
    if (level != 0) {
      throw new IllegalStateException("tile " + path() + " is not at level 0 and has no data tile");
    }
    return "tile/data/" + TilePath.index(index) + partialSuffix();
  }

  private String partialSuffix() {
    return isPartial() ? ".p/" + width : "";
  }

  @Override
  public String toString() {
    return path();
  }
}
