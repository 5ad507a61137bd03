package org.ctmon.fetcher.follow;

import java.util.List;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.treehead.TreeHead;

/**
 * One log's read API as the follower needs it, for either protocol ({@link Rfc6962Source},
 * {@link StaticSource}). Every method may throw a {@link org.ctmon.fetcher.http.LogFetchException};
 * thread safe (workers fetch in parallel).
 */
sealed interface LogSource permits Rfc6962Source, StaticSource {
  /** {@code rfc6962} or {@code static}. */
  String protocolName();

  /** The URL requests go to. */
  String url();

  /** Fetches and checks the head. */
  HeadPoll pollHead();

  /**
   * The next fetch unit from {@code from} below {@code size}: at most {@code unitSize} entries for an
   * RFC 6962 log, aligned so it never crosses a multiple of {@code unitSize} (followers everywhere
   * then ask for the same ranges and the logs' caches hit); the rest of a data tile for a static log.
   */
  FetchUnit plan(long from, long size, int unitSize);

  /**
   * One request for the entries of {@code unit}: the entries from {@code unit.first()} on, in
   * order, at least one and at most the unit's (an RFC 6962 log may return fewer than asked; the
   * caller asks again for the rest).
   */
  List<EntryDecoding> fetch(FetchUnit unit);

  /** Whether a unit may be asked for in smaller pieces (not a static data tile, which is one file). */
  boolean splittable();

  /**
   * The compact range of the tree of {@code head}, from the log (for a follower starting at the
   * end), checked against the head's root: {@code seedAt(head, head.treeSize())}.
   *
   * @throws LogMisbehaviourException if the log's data does not reproduce the root
   */
  default CompactRange seed(TreeHead head) {
    return head.treeSize() == 0 ? new CompactRange() : seedAt(head, head.treeSize());
  }

  /**
   * The compact range of the first {@code size} entries of the tree of {@code head}, from the log
   * (for a follower starting at an entry index), checked against the head's root as far as the
   * protocol allows: an RFC 6962 audit path of entry {@code size - 1} leads to it; static hash
   * tiles give it at the head's size. Its root is compared with a head again when the follower's
   * catch-up reaches one.
   *
   * @param size at least 1, at most the head's size
   * @throws LogMisbehaviourException if the log's data does not lead to the head's root
   */
  CompactRange seedAt(TreeHead head, long size);

  /** Refuses a {@link #seedAt} size outside {@code [1, head size]}. */
  static void checkSeedSize(TreeHead head, long size) {
    if (size <= 0 || size > head.treeSize()) {
      throw new IllegalArgumentException("cannot seed a compact range of size " + size + " from " + head);
    }
  }

  /**
   * Checks that {@code older} is a prefix of {@code newer} ({@code newer} being the head the log
   * serves now), as far as this protocol can.
   *
   * @throws LogMisbehaviourException if it is not
   */
  void checkConsistency(TreeHead older, TreeHead newer);

  /** Entries {@code [first, end)} of one request and its follow-ups. */
  record FetchUnit(long first, long end) {
    public FetchUnit {
      if (first < 0 || end <= first) {
        throw new IllegalArgumentException("fetch unit " + first + "-" + end + " is empty or negative");
      }
    }

    /** Entries in the unit. */
    long size() {
      return end - first;
    }
  }
}
