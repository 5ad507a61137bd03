package org.ctmon.fetcher.loglist;

import java.util.Objects;
import org.ctmon.parser.Sha256;

/**
 * The last tree head of a read-only log, as the log list states it: a follower that reaches this
 * size must find this root, and the log will never grow past it.
 */
public record FinalTreeHead(long treeSize, Sha256 rootHash) {
  public FinalTreeHead {
    if (treeSize < 0) {
      throw new IllegalArgumentException("final tree size " + treeSize + " is negative");
    }
    Objects.requireNonNull(rootHash, "rootHash");
  }
}
