package org.ctmon.fetcher.follow;

import java.util.Objects;
import org.ctmon.parser.OpaqueBytes;

/**
 * An entry kept as the log served it, because it (or what came beside its leaf) does not decode:
 * the MerkleTreeLeaf, the extra data, and every reason, joined by {@code "; "}.
 */
public record MalformedEntry(long index, OpaqueBytes leaf, OpaqueBytes extra, String reason) {
  public MalformedEntry {
    Objects.requireNonNull(leaf, "leaf");
    Objects.requireNonNull(extra, "extra");
    Objects.requireNonNull(reason, "reason");
  }
}
