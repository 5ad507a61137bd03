package org.ctmon.parser.merkle;

import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * A decoded hash tile: its coordinate and its {@code tile.width()} hashes, in order.
 *
 * <p>The wire form is the hashes concatenated, 32 bytes each, nothing else.
 */
public record HashTile(Tile tile, List<Sha256> hashes) {
  /** Copies the hashes; their number must equal the tile's width. */
  public HashTile {
    hashes = List.copyOf(hashes);
    if (hashes.size() != tile.width()) {
      throw new IllegalArgumentException("hash tile " + tile + " has " + tile.width() + " hashes, not " + hashes.size());
    }
  }

  /**
   * Decodes the bytes of the tile at {@code tile}. Accepts exactly {@code width * 32} bytes, or for a
   * partial tile also the 8,192 bytes of the full tile it is a prefix of (of which only the first
   * {@code width} hashes are kept).
   *
   * @throws MalformedTileException naming the tile and both lengths for any other length
   */
  public static HashTile decode(Tile tile, byte[] bytes) {
    checkLength(tile, bytes);
    List<Sha256> hashes = new ArrayList<>(tile.width());
    for (int i = 0; i < tile.width(); i++) {
      hashes.add(Sha256.wrap(bytes, i * Sha256.LENGTH));
    }
    return new HashTile(tile, hashes);
  }

  /** The wire form: the hashes concatenated. */
  public byte[] encode() {
    byte[] out = new byte[hashes.size() * Sha256.LENGTH];
    for (int i = 0; i < hashes.size(); i++) {
      hashes.get(i).copyTo(out, i * Sha256.LENGTH);
    }
    return out;
  }

  /** Throws unless {@code bytes} is a valid encoding of the tile at {@code tile} (see {@link #decode}). */
  static void checkLength(Tile tile, byte[] bytes) {
    int expected = tile.width() * Sha256.LENGTH;
    if (bytes.length != expected && !(tile.isPartial() && bytes.length == Tile.FULL_WIDTH * Sha256.LENGTH)) {
      throw new MalformedTileException("hash tile " + tile + " has " + bytes.length + " bytes, expected "
          + expected + " (" + tile.width() + " hashes of 32 bytes)");
    }
  }
}
