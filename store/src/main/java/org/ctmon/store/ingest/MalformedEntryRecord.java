package org.ctmon.store.ingest;

import java.util.Objects;
import org.ctmon.parser.OpaqueBytes;

/**
 * An entry of the batch's log that could not be decoded, kept rather than dropped.
 *
 * @param index the entry's index in the log
 * @param leaf the raw leaf bytes as served (MerkleTreeLeaf or TileLeaf)
 * @param extra the raw extra data (chain, precertificate entry), possibly empty
 * @param reason why it could not be decoded, lower case
 */
public record MalformedEntryRecord(long index, OpaqueBytes leaf, OpaqueBytes extra, String reason) {
  public MalformedEntryRecord {
    if (index < 0) {
      throw new IllegalArgumentException("entry index must not be negative: " + index);
    }
    Objects.requireNonNull(leaf, "leaf");
    Objects.requireNonNull(extra, "extra");
    Objects.requireNonNull(reason, "reason");
  }
}
