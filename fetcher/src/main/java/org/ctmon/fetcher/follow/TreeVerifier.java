package org.ctmon.fetcher.follow;

import java.time.Instant;
import org.ctmon.fetcher.http.LogFetchException;
import org.ctmon.parser.treehead.TreeHead;

/**
 * Checks a newly served (signature-verified) head against the last verified one before any entry
 * is fetched: two heads of one size must have one root (else a split view), and a head must extend
 * or be a prefix of the verified one (RFC 6962 consistency proof, static hash tiles); a smaller head,
 * signed no earlier, that the log will not prove a prefix is a rollback. Entries are
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
        throw new LogMisbehaviourException(LogIncident.SPLIT_VIEW, "log " + source.url() + " served two heads"
            + " of size " + head.treeSize() + " with different roots: " + trusted + " and " + head, trusted, head);
      }
      return true;
    }
    if (head.treeSize() < trusted.treeSize()) {
      try {
        // A stale head (a cache, another frontend, a signer whose clock runs ahead): it must still
        // be a prefix of what was verified, and the log can prove that.
        source.checkConsistency(head, trusted);
      } catch (LogFetchException e) {
        if (e.retryable() || head.timestamp() < trusted.timestamp()) {
          throw e;
        }
        // Signed at the same time or later, smaller, and the log will not prove it a prefix of the
        // head it signed before: it rolled back (restored from an old backup, lost entries).
        throw new LogMisbehaviourException(LogIncident.INCONSISTENT, "log " + source.url() + " signed a head of size "
            + head.treeSize() + " at " + Instant.ofEpochMilli(head.timestamp()) + ", not before the head of size "
            + trusted.treeSize() + " it signed at " + Instant.ofEpochMilli(trusted.timestamp()) + ", and does not"
            + " prove it a prefix of that one (" + e.getMessage() + "): an append-only log never shrinks (rolled back): "
            + trusted + " and " + head, trusted, head);
      }
      return false;
    }
    source.checkConsistency(trusted, head);
    return true;
  }
}
