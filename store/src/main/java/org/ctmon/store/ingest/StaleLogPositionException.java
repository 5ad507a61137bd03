package org.ctmon.store.ingest;

import org.ctmon.store.StoreException;

/**
 * A batch does not continue the log from where the store has it: another follower moved the log,
 * or the caller lost track. Nothing of the batch is written; the follower should reload its state.
 */
public final class StaleLogPositionException extends StoreException {
  private final long storedIndex;

  StaleLogPositionException(String logId, long expected, long stored) {
    super("error storing batch for log " + logId + ": it starts at index " + expected
        + " but the stored position is " + stored);
    this.storedIndex = stored;
  }

  /** The log's next index as stored. */
  public long storedIndex() {
    return storedIndex;
  }
}
