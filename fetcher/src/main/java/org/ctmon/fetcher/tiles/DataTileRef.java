package org.ctmon.fetcher.tiles;

import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.merkle.Tile;

/**
 * A data tile to fetch: its index and how many entries of it exist (256 for a full tile, 1..255 for
 * the partial tile {@code .p/<width>} at the right edge of the tree). Tile {@code N} holds entries
 * {@code N*256} to {@code N*256 + width - 1}.
 *
 * @param index tile index, {@code >= 0}
 * @param width entries, 1..256
 */
public record DataTileRef(long index, int width) {
  /** Entries in a full tile. */
  public static final int FULL_WIDTH = Tile.FULL_WIDTH;

  /** Validated as the level-0 tile coordinate it shares with the hash tile of the same entries. */
  public DataTileRef {
    new Tile(0, index, width);
  }

  /** Whether this is a partial tile. */
  public boolean isPartial() {
    return width < FULL_WIDTH;
  }

  /** Index of the tile's first entry. */
  public long firstEntry() {
    return index * FULL_WIDTH;
  }

  /** The path below the monitoring prefix: {@code tile/data/x001/234.p/7}. */
  public String path() {
    return new Tile(0, index, width).dataPath();
  }

  /**
   * The data tiles holding entries {@code [start, treeSize)}, in order, at most {@code maxTiles}:
   * every full tile, then the partial tile at the right edge only if {@code includePartial}.
   *
   * <p>static-ct-api: monitors SHOULD avoid partial data tiles (they are re-fetched as the tile
   * grows and may vanish once it is full), so by default the tail of a tree that is not a multiple
   * of 256 is left for when its tile is full; the follower asks for it when it has stayed partial too
   * long (certspotter waits 5 minutes). The first tile may start before {@code start}: the caller
   * skips the entries it has.
   *
   * @param start first entry wanted, {@code >= 0}
   * @param treeSize entries in the tree (from a verified checkpoint)
   * @param includePartial whether to end with the partial tile, if there is one
   * @param maxTiles at most this many tiles, {@code >= 1}
   */
  public static List<DataTileRef> plan(long start, long treeSize, boolean includePartial, int maxTiles) {
    if (start < 0 || treeSize < 0) {
      throw new IllegalArgumentException("start " + start + " and tree size " + treeSize + " must not be negative");
    }
    if (maxTiles < 1) {
      throw new IllegalArgumentException("max tiles " + maxTiles + " must be at least 1");
    }
    List<DataTileRef> out = new ArrayList<>();
    long fullTiles = treeSize / FULL_WIDTH;
    for (long n = start / FULL_WIDTH; n < fullTiles && out.size() < maxTiles; n++) {
      out.add(new DataTileRef(n, FULL_WIDTH));
    }
    int tail = (int) (treeSize % FULL_WIDTH);
    if (includePartial && tail > 0 && start < treeSize && out.size() < maxTiles) {
      out.add(new DataTileRef(fullTiles, tail));
    }
    return out;
  }

  @Override
  public String toString() {
    return path();
  }
}
