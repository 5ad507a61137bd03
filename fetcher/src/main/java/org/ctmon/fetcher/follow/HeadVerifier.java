package org.ctmon.fetcher.follow;

import java.time.Clock;
import java.util.Optional;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;

/**
 * Judges each head one log serves before the follower acts on it: a bad signature is recorded
 * (once per head) and ends the run; a signed head is recorded as evidence and must be consistent
 * with the largest head seen signed and with the verified head, or {@link TreeVerifier} throws a
 * {@link LogMisbehaviourException}. Remembers the largest head across runs, since entries stored
 * past the verified head were fetched toward it. Used by one follower thread at a time.
 */
final class HeadVerifier {
  private final Sha256 logId;
  private final LogSource source;
  private final LogJournal journal;
  private final CatchUp catchUp;
  private final IncidentRecorder incidents;
  private final Clock clock;
  /**
   * The largest head seen signed (by this follower, or on record from before a restart): a newer,
   * smaller head must be checked against it too, not only against the verified head.
   */
  private TreeHead largestHead;
  private boolean largestHeadLoaded; // from the store, once: a follower started again remembers it
  /** The last head served with a bad signature, so that one served again is not a new incident. */
  private TreeHead lastBadHead;

  HeadVerifier(Sha256 logId, LogSource source, LogJournal journal, CatchUp catchUp, IncidentRecorder incidents,
               Clock clock) {
    this.logId = logId;
    this.source = source;
    this.journal = journal;
    this.catchUp = catchUp;
    this.incidents = incidents;
    this.clock = clock;
  }

  /**
   * Checks {@code poll} against what is known of the log.
   *
   * @param verified the head the stored entries reproduced, if any
   * @return whether the follower may catch up to the polled head (false: it is older than the
   *     verified head, nothing to do)
   * @throws UnverifiedTreeHeadException when the head's signature does not verify
   * @throws LogMisbehaviourException when the head cannot be true with those seen before
   */
  boolean mayAdvance(HeadPoll poll, Optional<TreeHead> verified, CatchUp.RetryListener listener)
      throws InterruptedException {
    TreeHead head = poll.head();
    if (poll instanceof HeadPoll.BadSignature bad) {
      // Proves nothing about the log (a proxy, a cache, a truncated body): recorded and raised
      // once per head served, then asked again with backoff; the log is never stopped for it.
      String detail = "bad tree head signature from " + source.url() + ": " + bad.reason();
      if (!head.equals(lastBadHead)) {
        incidents.badSignature(head, bad.evidence(), detail);
        lastBadHead = head;
      }
      throw new UnverifiedTreeHeadException(detail);
    }
    if (!largestHeadLoaded) {
      // Before this head is recorded: the largest on record must be one seen before it.
      largestHead = journal.largestSignedHead(logId)
          .filter(r -> largestHead == null || r.treeSize() > largestHead.treeSize())
          .orElse(largestHead);
      largestHeadLoaded = true;
    }
    journal.recordHead(logId, head, OpaqueBytes.of(poll.evidence()), true, clock.millis());

    TreeHead largest = largestHead;
    if (largest != null && (verified.isEmpty() || largest.treeSize() > verified.get().treeSize())
        && (head.treeSize() >= largest.treeSize()
            || (head.treeSize() < largest.treeSize() && head.timestamp() >= largest.timestamp()))) {
      // Throws for a split view or a rollback against the largest head, and when a larger head
      // does not extend it: a head seen while a catch-up stopped half-way is checked now, not
      // only if the entries ever reach its size. A head signed before it (a cache, a lagging
      // frontend that may not know the largest yet) costs no request here: the check against the
      // verified head below covers it.
      catchUp.request(() -> TreeVerifier.mayAdvance(source, largest, head), listener);
    }
    if (verified.isPresent() && !catchUp.request(() -> TreeVerifier.mayAdvance(source, verified.get(), head),
        listener)) {
      return false;
    }
    if (largest == null || head.treeSize() > largest.treeSize()) {
      largestHead = head;
    }
    return true;
  }

  /**
   * Forgets the largest head after the log was stopped: after {@code ctmon resume} it comes from
   * the store again, which leaves out what was judged with the incident.
   */
  void forgetLargestHead() {
    largestHead = null;
    largestHeadLoaded = false;
  }

  /** Takes over the largest head {@code previous}, a stopped verifier of the same log, knew. */
  void continueFrom(HeadVerifier previous) {
    largestHead = previous.largestHead;
    largestHeadLoaded = previous.largestHeadLoaded;
  }
}
