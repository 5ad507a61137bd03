package org.ctmon.fetcher.follow;

import org.ctmon.parser.CtmonException;

/**
 * A batch was not committed because the log's stored position is no longer where the batch
 * starts: another follower of the log (another node on the same database) committed first, or the
 * stored position went back. Nothing of the batch was written.
 */
public final class PositionTakenException extends CtmonException {
  private final long storedIndex;

  public PositionTakenException(String message, long storedIndex, Throwable cause) {
    super(message, cause);
    this.storedIndex = storedIndex;
  }

  /** The stored next index that the batch did not start at. */
  public long storedIndex() {
    return storedIndex;
  }
}
