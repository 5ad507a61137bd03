/**
 * Merkle tree hashing and proofs of RFC 6962 / RFC 9162 section 2.1, and the hash-tile layout of
 * C2SP tlog-tiles: what a monitor needs to hold a log to its signed tree heads.
 *
 * <p>A follower hashes each entry into a {@link org.ctmon.parser.merkle.CompactRange} (the O(log n)
 * frontier of a tree), stores it with its position, and compares its root with every signed tree
 * head it reaches. {@link org.ctmon.parser.merkle.InclusionProof} and
 * {@link org.ctmon.parser.merkle.ConsistencyProof} check what RFC 6962 logs serve;
 * {@link org.ctmon.parser.merkle.TileTree} reads the same tree through static-ct hash tiles, given
 * a {@link org.ctmon.parser.merkle.HashTileSource} that fetches tile bytes (this package does no
 * I/O). {@link org.ctmon.parser.merkle.MerkleTree} is the in-memory reference tree that generates
 * proofs and tiles for the test log.
 */
package org.ctmon.parser.merkle;
