package org.ctmon.parser.merkle;

import java.util.HashMap;
import java.util.Map;
import org.ctmon.parser.Sha256;

/**
 * The hash tiles of one tree, each checked against that tree's signed root before it is used:
 * Go's {@code tlog.TileHashReader} in our words. The right-edge tiles of the tree must give its
 * root; a full tile below them must hash to its entry in the tile above, up to a right-edge tile.
 *
 * <p>Why: the root of a smaller tree read from its own partial tiles proves only that the log has
 * some tiles giving that root, not that the smaller tree is a prefix of the larger one. Read from
 * the larger tree's checked tiles (a prefix of each), it is. A log that serves a fork for the
 * smaller checkpoint fails here. One instance per tree; not thread safe (it caches what it read).
 */
public final class TreeTiles {
  private final long treeSize;
  private final HashTileSource source;
  private final MerkleHash hasher = new MerkleHash();
  private final Map<Tile, byte[]> checked = new HashMap<>();

  /**
   * Reads the right edge of the tree of {@code treeSize} leaves and checks it gives {@code root}.
   *
   * @throws InvalidProofException if it does not
   * @throws MalformedTileException if a tile has the wrong length
   */
  public TreeTiles(long treeSize, Sha256 root, HashTileSource source) {
    if (treeSize < 1) {
      throw new IllegalArgumentException("tree size " + treeSize + " has no tiles");
    }
    this.treeSize = treeSize;
    this.source = source;
    Map<Tile, byte[]> edge = new HashMap<>();
    Sha256 got = TileTree.root(treeSize, tile -> edge.computeIfAbsent(tile, t -> {
      byte[] bytes = source.read(t);
      HashTile.checkLength(t, bytes);
      return bytes;
    }));
    if (!got.equals(root)) {
      throw new InvalidProofException("the hash tiles of the tree of size " + treeSize + " give root "
          + got.base64() + ", not " + root.base64());
    }
    checked.putAll(edge);
  }

  /**
   * The compact range of the first {@code size} leaves, from this tree's checked tiles.
   *
   * @throws InvalidProofException if a tile read for it does not hash to its entry above
   */
  public CompactRange compactRange(long size) {
    if (size < 0 || size > treeSize) {
      throw new IllegalArgumentException("size " + size + " is not within the tree of size " + treeSize);
    }
    return TileTree.compactRange(size, this::prefix);
  }

  /** The root of the first {@code size} leaves, from this tree's checked tiles. */
  public Sha256 root(long size) {
    return compactRange(size).root();
  }

  /** The first {@code tile.width()} hashes of the tile at its place, as this tree has it. */
  private byte[] prefix(Tile tile) {
    byte[] bytes = tile(tile.level(), tile.index());
    byte[] out = new byte[tile.width() * Sha256.LENGTH];
    System.arraycopy(bytes, 0, out, 0, out.length);
    return out;
  }

  /** Tile (level, index) at the width this tree has it, checked. */
  private byte[] tile(int level, long index) {
    Tile t = new Tile(level, index, width(level, index));
    byte[] known = checked.get(t);
    if (known != null) {
      return known;
    }
    if (t.isPartial()) {
      // Every partial tile of the tree is on its right edge, read and checked at construction.
      throw new IllegalStateException("partial tile " + t + " is not on the right edge of tree " + treeSize);
    }
    byte[] bytes = source.read(t);
    HashTile.checkLength(t, bytes);
    // A full tile's root is entry (index mod 256) of the tile above it.
    byte[] above = tile(level + 1, index / Tile.FULL_WIDTH);
    int at = (int) (index % Tile.FULL_WIDTH) * Sha256.LENGTH;
    Sha256 expected = Sha256.wrap(above, at);
    Sha256 got = TileTree.perfectRoot(hasher, bytes, 0, Tile.FULL_WIDTH);
    if (!got.equals(expected)) {
      throw new InvalidProofException("hash tile " + t + " hashes to " + got.base64() + ", but the tile above it in the"
          + " tree of size " + treeSize + " has " + expected.base64());
    }
    checked.put(t, bytes);
    return bytes;
  }

  /** How many hashes tile (level, index) holds in this tree. */
  private int width(int level, long index) {
    int shift = Tile.HEIGHT * level;
    long hashes = shift >= Long.SIZE ? 0 : treeSize >>> shift; // complete subtrees of 256^level leaves
    long width = hashes - index * Tile.FULL_WIDTH;
    if (width < 1) {
      throw new IllegalArgumentException("tile " + level + "/" + index + " is beyond the tree of size " + treeSize);
    }
    return (int) Math.min(Tile.FULL_WIDTH, width);
  }
}
