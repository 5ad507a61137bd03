package org.ctmon.parser.leaf;

import java.util.Objects;

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
 */
public record Malformed(
    long index,
    MalformedKind kind,
    int offset,
    String reason,
    RawBytes leafInput,
    RawBytes extraData) implements EntryDecoding {

  public Malformed {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(leafInput, "leafInput");
    Objects.requireNonNull(extraData, "extraData");
  }
}
