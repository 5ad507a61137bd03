package org.ctmon.fetcher.follow;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;

/**
 * Writes what one log was caught doing to its {@link LogJournal}, with the heads that prove it: a
 * head with a bad signature (with the signature served), misbehaviour its key signed (both heads),
 * and what the entries of a committed batch proved. Each incident names the verified head the
 * follower trusted at the time. Used by one follower thread at a time.
 */
final class IncidentRecorder {
  private final Sha256 logId;
  private final String url;
  private final LogJournal journal;
  private final Clock clock;
  private final Supplier<TreeHead> verified;

  /**
   * @param url the log's URL, named in the details
   * @param verified the head the follower trusts now, or null
   */
  IncidentRecorder(Sha256 logId, String url, LogJournal journal, Clock clock, Supplier<TreeHead> verified) {
    this.logId = logId;
    this.url = url;
    this.journal = journal;
    this.clock = clock;
    this.verified = verified;
  }

  /** A head served with a signature that does not verify: stored with its {@code evidence}. */
  void badSignature(TreeHead head, byte[] evidence, String detail) {
    long id = journal.recordHead(logId, head, OpaqueBytes.of(evidence), false, clock.millis());
    journal.recordIncident(logId, LogIncident.BAD_SIGNATURE, detail, verifiedHeadId(), id);
  }

  /** What the entries of a committed batch proved about the log (a leaf_index off its position). */
  void entriesInconsistent(List<String> details) {
    for (String detail : details) {
      journal.recordIncident(logId, LogIncident.INCONSISTENT, "log " + url + " " + detail, verifiedHeadId(), null);
    }
  }

  /** Misbehaviour the log's key signed, with both heads as evidence. */
  void misbehaved(LogMisbehaviourException e) {
    long now = clock.millis();
    Optional<TreeHead> headA = e.headA();
    Long a = headA.isPresent() ? recordEvidence(headA.get(), now) : null;
    long b = recordEvidence(e.headB(), now);
    journal.recordIncident(logId, e.kind(), e.getMessage(), a, b);
  }

  // Heads already recorded with their signature keep it: recordHead returns the first id.
  private long recordEvidence(TreeHead h, long now) {
    return journal.recordHead(logId, h, OpaqueBytes.of(new byte[0]), true, now);
  }

  private Long verifiedHeadId() {
    TreeHead v = verified.get();
    return v == null ? null : recordEvidence(v, clock.millis());
  }
}
