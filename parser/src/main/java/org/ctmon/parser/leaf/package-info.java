/**
 * The Certificate Transparency wire formats, decoded strictly and safely from bytes: RFC 6962
 * {@code MerkleTreeLeaf} and {@code extra_data} ({@link org.ctmon.parser.leaf.Rfc6962Entries}) and
 * static-ct-api data tiles of {@code TileLeaf}s, gzipped or not ({@link org.ctmon.parser.leaf.DataTile}).
 *
 * <p>Every decoder returns an {@link org.ctmon.parser.leaf.EntryDecoding} per entry, either
 * {@link org.ctmon.parser.leaf.Decoded} or {@link org.ctmon.parser.leaf.Malformed} (with the raw bytes
 * kept, so a monitor can store what it could not read); no exception escapes for bad input. All
 * reads go through the bounded {@link org.ctmon.parser.leaf.TlsReader}, which checks every length
 * against the bytes actually present before it allocates anything. JSON and base64 are the
 * caller's business: this package starts from bytes.
 */
package org.ctmon.parser.leaf;
