package org.ctmon.parser.merkle;

/**
 * Where {@link TileTree} gets the bytes of hash tiles: the fetcher (HTTP, with caching and retries)
 * or the test log's {@link MerkleTree}. This package does no I/O itself.
 *
 * <p>For a partial tile an implementation may return the full tile instead, as tlog-tiles lets
 * clients fall back to it once a log has deleted the partial one; only its prefix is used.
 * Failures to fetch are the implementation's own unchecked exceptions and pass through.
 */
@FunctionalInterface
public interface HashTileSource {
  /** The bytes of the hash tile at {@code tile}: {@code tile.width()} (or 256) hashes of 32 bytes. */
  byte[] read(Tile tile);
}
