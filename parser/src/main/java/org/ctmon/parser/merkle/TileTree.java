package org.ctmon.parser.merkle;

import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * A log's Merkle tree read through its tlog-tiles hash tiles: which tiles hold the right edge of a
 * tree of a given size, and the compact range and root computed from them. A static-ct follower that
 * starts at a log's current end seeds its {@link CompactRange} here and checks its root against the
 * signed checkpoint before trusting it.
 *
 * <p>The right edge of a tree of size n is the set of partial tiles of that size: at each level L
 * where {@code w = floor(n / 256^L) mod 256} is not 0, tile {@code (L, floor(n / 256^(L+1)), w)}.
 * Bit j of w is the perfect subtree of height {@code 8L + j} in the tree's decomposition, whose
 * root is the hash of the 2^j tile hashes it spans. Stateless and thread-safe.
 */
public final class TileTree {
  private TileTree() {}

  /**
   * The tiles holding the right edge of a tree of {@code size} leaves, highest level first (left to
   * right in the tree); empty for size 0. Every one is partial (width 1..255).
   */
  public static List<Tile> rightEdge(long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size " + size + " is negative");
    }
    List<Tile> tiles = new ArrayList<>();
    for (int level = 7; level >= 0; level--) {
      int width = (int) ((size >>> (Tile.HEIGHT * level)) & 0xff);
      if (width != 0) {
        int shift = Tile.HEIGHT * (level + 1);
        long index = shift >= Long.SIZE ? 0 : size >>> shift;
        tiles.add(new Tile(level, index, width));
      }
    }
    return tiles;
  }

  /**
   * The roots of the perfect subtrees of the tree of {@code size} leaves, left to right (largest
   * first), read from its {@link #rightEdge} tiles.
   *
   * @throws MalformedTileException if a tile has the wrong length
   */
  public static List<Sha256> subtreeRoots(long size, HashTileSource source) {
    MerkleHash hasher = new MerkleHash();
    List<Sha256> roots = new ArrayList<>(Long.bitCount(size));
    for (Tile tile : rightEdge(size)) {
      byte[] bytes = source.read(tile);
      HashTile.checkLength(tile, bytes);
      int from = 0;
      for (int j = Tile.HEIGHT - 1; j >= 0; j--) {
        if ((tile.width() & (1 << j)) != 0) {
          roots.add(perfectRoot(hasher, bytes, from, 1 << j));
          from += 1 << j;
        }
      }
    }
    return roots;
  }

  /** The compact range of the first {@code size} leaves, from the right-edge tiles. */
  public static CompactRange compactRange(long size, HashTileSource source) {
    return CompactRange.fromRightEdge(size, subtreeRoots(size, source));
  }

  /** The RFC 6962 root of the tree of {@code size} leaves, from the right-edge tiles. */
  public static Sha256 root(long size, HashTileSource source) {
    return compactRange(size, source).root();
  }

  /**
   * A copy of {@code range} extended to {@code size} leaves with the leaf hashes of the level-0
   * tiles, so a follower whose entries lag behind a checkpoint (it skips partial data tiles) can
   * still check the checkpoint's root. {@code range} itself is not changed.
   *
   * @throws IllegalArgumentException if {@code size} is below the range's size
   * @throws MalformedTileException if a tile has the wrong length
   */
  public static CompactRange extend(CompactRange range, long size, HashTileSource source) {
    CompactRange extended = range.copy();
    for (Tile tile : dataTiles(range.size(), size)) {
      byte[] bytes = source.read(tile);
      HashTile.checkLength(tile, bytes);
      long first = tile.index() * Tile.FULL_WIDTH;
      for (int i = (int) Math.max(0, range.size() - first); i < tile.width(); i++) {
        extended.append(Sha256.wrap(bytes, i * Sha256.LENGTH));
      }
    }
    return extended;
  }

  /**
   * The level-0 tiles (and so data tiles) holding entries {@code from} to {@code size - 1} of a tree
   * of {@code size} leaves, in order: full tiles, then a partial one if size is not a multiple of
   * 256. Empty if {@code from == size}. The first tile may start before {@code from}.
   */
  public static List<Tile> dataTiles(long from, long size) {
    if (from < 0 || from > size) {
      throw new IllegalArgumentException("entries " + from + ".." + size + " are not a range of a tree of size " + size);
    }
    List<Tile> tiles = new ArrayList<>();
    for (long n = from / Tile.FULL_WIDTH; n * Tile.FULL_WIDTH < size; n++) {
      long end = Math.min(size - n * Tile.FULL_WIDTH, Tile.FULL_WIDTH);
      tiles.add(new Tile(0, n, (int) end));
    }
    return tiles;
  }

  /** The root of the perfect tree over {@code count} (a power of two) hashes at {@code bytes[from]}. */
  static Sha256 perfectRoot(MerkleHash hasher, byte[] bytes, int from, int count) {
    byte[] level = new byte[count * Sha256.LENGTH];
    System.arraycopy(bytes, from * Sha256.LENGTH, level, 0, level.length);
    for (int n = count; n > 1; n /= 2) {
      for (int i = 0; i < n / 2; i++) {
        hasher.nodeInto(level, 2 * i * Sha256.LENGTH, level, (2 * i + 1) * Sha256.LENGTH, level, i * Sha256.LENGTH);
      }
    }
    return Sha256.wrap(level, 0);
  }
}
