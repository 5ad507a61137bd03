package org.ctmon.parser.treehead;

import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Sha256;

/**
 * A checkpoint that carries no signature line by the log's RFC 6962 key (name = the log's origin,
 * key id from the log id), or whose origin is not the log's. Nothing in it can be trusted. A line
 * that does carry the log's name and key id but fails to verify is {@link
 * InvalidTreeHeadSignatureException} instead.
 */
public final class UnsignedCheckpointException extends CtmonException {
  private final Sha256 logId;
  private final Checkpoint checkpoint;

  UnsignedCheckpointException(Sha256 logId, Checkpoint checkpoint, String why) {
    super("checkpoint " + checkpoint.origin() + " at size " + checkpoint.treeSize() + " (root "
        + checkpoint.rootHash().base64() + ") is not signed by log " + logId.base64() + ": " + why);
    this.logId = logId;
    this.checkpoint = checkpoint;
  }

  /** The id of the log whose signature was required. */
  public Sha256 logId() {
    return logId;
  }

  /** The unsigned body as served. */
  public Checkpoint checkpoint() {
    return checkpoint;
  }
}
