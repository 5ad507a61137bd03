package org.ctmon.parser.treehead;

import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Sha256;

/**
 * A tree head (RFC 6962 STH or static-ct-api checkpoint) whose signature does not verify with the
 * log's key: log misbehaviour, or the wrong key. Carries the log id and the head, so the follower can
 * record it as evidence and raise a log-misbehaviour alert.
 */
public final class InvalidTreeHeadSignatureException extends CtmonException {
  private final Sha256 logId;
  private final TreeHead treeHead;

  InvalidTreeHeadSignatureException(Sha256 logId, TreeHead treeHead, String why) {
    super("tree head signature of log " + logId.base64() + " at " + treeHead.describe()
        + " does not verify: " + why);
    this.logId = logId;
    this.treeHead = treeHead;
  }

  /** The id of the log whose key was used. */
  public Sha256 logId() {
    return logId;
  }

  /** The head that was claimed. */
  public TreeHead treeHead() {
    return treeHead;
  }

  /** The claimed tree size. */
  public long treeSize() {
    return treeHead.treeSize();
  }

  /** The claimed timestamp in milliseconds. */
  public long timestamp() {
    return treeHead.timestamp();
  }

  /** The claimed root hash. */
  public Sha256 rootHash() {
    return treeHead.rootHash();
  }
}
