package org.ctmon.fetcher.follow;

import java.util.Optional;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;

/**
 * What a {@link LogFollower} needs from storage, and all it may ask of it: the follower owns this
 * contract, an adapter over the store ({@code fetcher.stored.StoredJournal}) implements it. Like
 * certspotter's {@code StateProvider}, one contract per method; a method that returns has done its
 * work durably, one that throws has done none of it (a failure is the follower's status, never a
 * half-written log).
 *
 * <p>Called by one follower at a time per log, from the thread that runs {@link
 * LogFollower#runOnce()}; followers of different logs call it concurrently.
 */
public interface LogJournal {
  /**
   * Where the follower stands in {@code log}: position, compact range, verified head, status.
   * Registers the log (from the log list's description) the first time it is asked for; when this
   * returns, the log is on record.
   */
  FollowState state(CtLog log);

  /**
   * Commits a verified batch: when this returns, its entries, its malformed entries, the position
   * with its compact range and the verified head it reached are durable, all in one transaction,
   * or none of them is. Committing a batch again (a crash between commit and acknowledgement) is a
   * no-op.
   *
   * @throws PositionTakenException when the stored position is no longer the batch's start
   *     (another follower of this log committed first): nothing was written
   */
  void commit(VerifiedBatch batch);

  /** The largest head on record whose signature verified, from before a restart too. */
  Optional<TreeHead> largestSignedHead(Sha256 logId);

  /**
   * Records a head the log served, with its signature as evidence: when this returns, it is
   * durable. Recording a head already on record keeps the first signature and returns its id.
   *
   * @param signatureVerified whether {@code signature} verified under the log's key
   * @param seenAtMs when it was served, milliseconds since the epoch
   * @return the head's id, for incidents
   */
  long recordHead(Sha256 logId, TreeHead head, OpaqueBytes signature, boolean signatureVerified, long seenAtMs);

  /**
   * Records what the log was caught doing, naming the heads ({@link #recordHead} ids, either may be
   * null) that prove it: when this returns, the incident is durable.
   */
  void recordIncident(Sha256 logId, LogIncident kind, String detail, Long headA, Long headB);

  /**
   * Sets the log's stored status ({@link FollowerHealth#OK}, {@link FollowerHealth#FAILING} or
   * {@link FollowerHealth#STOPPED}) and last error (null for none), durably.
   */
  void setStatus(Sha256 logId, FollowerHealth status, String lastError);

  /**
   * As {@link #setStatus}, unless the log is stopped: a stop is cleared only by an operator.
   *
   * @return whether the status was set
   */
  boolean setStatusUnlessStopped(Sha256 logId, FollowerHealth status, String lastError);
}
