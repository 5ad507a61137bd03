package org.ctmon.fetcher.stored;

import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.IngestResult;

/**
 * Where {@link StoredJournal} hands a follower's batches: the application wires it to the store's
 * {@link org.ctmon.store.ingest.Ingest} plus the watch-list matcher, in one transaction, so the
 * fetcher never depends on alerts; tests wire it to {@code Ingest::commit} directly.
 *
 * <p>Contract: {@link #commit} persists the whole batch atomically or throws; replaying a batch
 * that was already committed (a crash between commit and acknowledgement) must be a no-op, as
 * {@code Ingest.commit} guarantees. Called by one follower at a time per log, from the thread that
 * runs {@code LogFollower.runOnce()}; different logs' followers call it concurrently.
 */
@FunctionalInterface
public interface BatchSink {
  /** Persists {@code batch} (entries, malformed entries, position, verified head) in one transaction. */
  IngestResult commit(IngestBatch batch);
}
