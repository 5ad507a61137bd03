package org.ctmon.store.ingest;

import java.util.Objects;
import org.ctmon.parser.Sha256;

/**
 * A signed tree head whose root the compact range reproduced: the log's last verified state.
 *
 * @param treeSize the head's tree size
 * @param timestampMs the head's timestamp, milliseconds since the epoch
 * @param rootHash the head's root hash
 */
public record VerifiedHead(long treeSize, long timestampMs, Sha256 rootHash) {
  public VerifiedHead {
    if (treeSize < 0) {
      throw new IllegalArgumentException("tree size must not be negative: " + treeSize);
    }
    Objects.requireNonNull(rootHash, "rootHash");
  }
}
