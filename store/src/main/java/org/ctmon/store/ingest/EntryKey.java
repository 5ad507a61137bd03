package org.ctmon.store.ingest;

import org.ctmon.store.StoreException;

/**
 * The one-column key of a row of {@code log_entries}: {@code log * 2^40 + entry_index}.
 *
 * <p>Why one column: H2 keeps a table's rows in a B-tree keyed by its primary key only when the key
 * is a single integer, and a composite key costs a second B-tree on every entry written (see
 * {@code V4__single_key_names_and_entries.sql}). 2^40 entries is over a hundred times the largest
 * CT log; a log past it is refused here, before the database's check would refuse the batch.
 */
final class EntryKey {
  static final long MAX_ENTRIES = 1L << 40;

  private EntryKey() {}

  static long of(int log, long entryIndex) {
    if (entryIndex < 0 || entryIndex >= MAX_ENTRIES) {
      throw new StoreException("error storing entry " + entryIndex + " of log " + log + ": entry indexes from 2^40"
          + " on cannot be stored");
    }
    return ((long) log << 40) + entryIndex;
  }
}
