/**
 * Merkle tree hashing and proofs of RFC 6962 / RFC 9162 section 2.1, and the hash-tile layout of
 * C2SP tlog-tiles: what a monitor needs to hold a log to its signed tree heads.
 *
 * <p>A follower hashes each entry ({@link org.ctmon.parser.merkle.MerkleHash#leaf}) into a
 * {@link org.ctmon.parser.merkle.CompactRange} (the O(log n) frontier of the tree), stores it with
 * its position, and compares its root with every signed tree head it reaches. A follower that starts
 * at a log's end, or at an entry index, seeds the range from the audit path of the leaf before that
 * position (RFC 6962 logs, {@link org.ctmon.parser.merkle.CompactRange#fromInclusionProof}) or from
 * hash tiles (static-ct logs, {@link org.ctmon.parser.merkle.TileTree#compactRange}).
 * {@link org.ctmon.parser.merkle.InclusionProof} and {@link org.ctmon.parser.merkle.ConsistencyProof}
 * check the proofs RFC 6962 logs serve. {@link org.ctmon.parser.merkle.TileTree} reads the tree
 * through hash tiles given a {@link org.ctmon.parser.merkle.HashTileSource} that fetches their bytes
 * (this package does no I/O). {@link org.ctmon.parser.merkle.MerkleTree} is the in-memory reference
 * tree that generates proofs and tiles for the test log.
 *
 * <p>Failures are typed: {@link org.ctmon.parser.merkle.InvalidProofException} (a proof that does
 * not verify, including impossible indexes and sizes), {@link
 * org.ctmon.parser.merkle.MalformedTileException} (tile bytes or paths that break tlog-tiles) and
 * {@link org.ctmon.parser.merkle.CorruptCompactRangeException} (a stored range that cannot be read).
 */
package org.ctmon.parser.merkle;
