package org.ctmon.parser.leaf;

import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;

/**
 * An entry that could not be decoded, with the bytes it came from so the monitor can keep them.
 *
 * <p>For an RFC 6962 entry, {@code leafInput} and {@code extraData} are the inputs as given and
 * {@code offset} is a position in whichever of the two the reason names (fields named
 * {@code certificate_chain}, {@code pre_certificate}, {@code precertificate_chain} or
 * {@code extra_data} are in the extra data). For a data tile, {@code offset} is a position in the
 * (inflated) tile, {@code leafInput} holds the tile bytes from the start of the bad entry (to the
 * end of the tile when the entry cannot be framed, to its end otherwise) and {@code extraData} is
 * empty. The reason is lower case and names the field and offset.
 *
 * <p>{@code leafHash} is the RFC 6962 leaf hash of the entry whenever its MerkleTreeLeaf bytes are
 * known, even though the entry is unusable: always for RFC 6962 (SHA-256(0x00 ‖ leaf_input as
 * given), since that is what the log committed to), and for a tile entry whose TimestampedEntry
 * could be framed (e.g. a leaf_index mismatch). The monitor needs it to keep verifying the log's
 * Merkle tree across entries it cannot read. It is empty when the entry could not be framed.
 */
public record Malformed(
    long index,
    MalformedKind kind,
    int offset,
    String reason,
    Optional<Sha256> leafHash,
    OpaqueBytes leafInput,
    OpaqueBytes extraData) implements EntryDecoding {

  public Malformed {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(leafInput, "leafInput");
    Objects.requireNonNull(extraData, "extraData");
  }
}
