package org.ctmon.fetcher.follow;

import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.treehead.TreeHead;

/**
 * Where a follower starts in a log: a log followed before goes on from its stored compact range;
 * one never followed starts at the configured {@link StartPosition}: the beginning (an empty
 * range), the end (a range seeded at the head from the log, committed) or an entry index (a range
 * of [0, index) seeded and checked against the head, committed). Stateless but for its log.
 */
final class StartSeed {
  private final Sha256 logId;
  private final LogSource source;
  private final CatchUp catchUp;
  private final StartPosition startAt;

  StartSeed(Sha256 logId, LogSource source, CatchUp catchUp, StartPosition startAt) {
    this.logId = logId;
    this.source = source;
    this.catchUp = catchUp;
    this.startAt = startAt;
  }

  /**
   * The compact range to catch up from toward {@code head}, its size the position; empty when
   * there is nothing to catch up this run (the log was placed at its end).
   */
  Optional<CompactRange> rangeFor(FollowState state, TreeHead head, CatchUp.Committer committer,
                                  CatchUp.RetryListener listener) throws InterruptedException {
    long pos = state.nextIndex();
    if (state.compactRange().isPresent()) {
      CompactRange range = state.compactRange().get();
      if (range.size() != pos) {
        throw new IllegalStateException("log " + logId.base64() + " is at index " + pos
            + " but its stored compact range has size " + range.size());
      }
      return Optional.of(range);
    }
    if (pos != 0) {
      throw new IllegalStateException("log " + logId.base64() + " is at index " + pos + " without a compact range");
    }
    StartPosition start = startAt;
    if (start instanceof StartPosition.Index at && at.index() >= head.treeSize()) {
      start = StartPosition.END;
    }
    if (start instanceof StartPosition.End) {
      if (head.treeSize() > 0) {
        CompactRange seeded = catchUp.request(() -> source.seed(head), listener);
        committer.commit(PendingBatch.seed(logId, seeded, head), List.of(), seeded, Optional.of(head));
      }
      return Optional.empty();
    }
    if (start instanceof StartPosition.Index at) {
      // The seed carries the head it was checked against: if this catch-up is cut short, the
      // next run checks the log's new head for consistency with it before going on.
      long index = at.index();
      CompactRange range = catchUp.request(() -> source.seedAt(head, index), listener);
      committer.commit(PendingBatch.seed(logId, range, head), List.of(), range, Optional.of(head));
      return Optional.of(range);
    }
    if (start instanceof StartPosition.Beginning) {
      return Optional.of(new CompactRange());
    }
    throw new AssertionError("unknown start position " + start);
  }
}
