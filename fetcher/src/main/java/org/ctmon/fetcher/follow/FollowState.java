package org.ctmon.fetcher.follow;

import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.treehead.TreeHead;

/**
 * Where a follower stands in a log, as its {@link LogJournal} keeps it.
 *
 * @param nextIndex every entry below this index is stored
 * @param compactRange the compact range of [0, nextIndex), empty before the first commit
 * @param verified the last signed head the stored entries reproduced
 * @param status {@link FollowerHealth#OK}, {@link FollowerHealth#FAILING} or {@link FollowerHealth#STOPPED}
 * @param lastError the last error recorded, lower case
 */
public record FollowState(long nextIndex, Optional<CompactRange> compactRange, Optional<TreeHead> verified,
                          FollowerHealth status, Optional<String> lastError) {
  public FollowState {
    Objects.requireNonNull(compactRange, "compactRange");
    Objects.requireNonNull(verified, "verified");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(lastError, "lastError");
  }
}
