package org.ctmon.fetcher.follow;

import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.log.IncidentKind;

/**
 * Checks a newly served (signature-verified) head against the last verified one before any entry
 * is fetched: two heads of one size must have one root (else a split view), and a head must extend
 * or be a prefix of the verified one (RFC 6962 consistency proof, static hash tiles). Entries are
 * checked later, when the compact range reaches the head ({@link CatchUp}). Stateless.
 */
final class TreeVerifier {
  private TreeVerifier() {}

  /**
   * Whether the follower may fetch towards {@code head}: false for a stale head (smaller than the
   * trusted one, and consistent with it), true otherwise.
   *
   * @throws LogMisbehaviourException if the heads cannot both be true
   */
  static boolean mayAdvance(LogSource source, TreeHead trusted, TreeHead head) {
    if (head.treeSize() == trusted.treeSize()) {
      if (!head.rootHash().equals(trusted.rootHash())) {
        throw new LogMisbehaviourException(IncidentKind.SPLIT_VIEW, "log " + source.url() + " served two heads"
            + " of size " + head.treeSize() + " with different roots: " + trusted + " and " + head, trusted, head);
      }
      return true;
    }
    if (head.treeSize() < trusted.treeSize()) {
      // A stale head (a cache, another frontend): it must still be a prefix of what was verified.
      source.checkConsistency(head, trusted);
      return false;
    }
    source.checkConsistency(trusted, head);
    return true;
  }
}
