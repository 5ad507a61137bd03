package org.ctmon.store.ingest;

import org.ctmon.store.issuance.EntryType;
import java.util.Objects;
import org.ctmon.parser.Sha256;

/**
 * One decoded entry of the batch's log: where an issuance was logged.
 *
 * @param index the entry's index in the log
 * @param type x509 or precert
 * @param timestampMs the entry's timestamp (the SCT's), milliseconds since the epoch
 * @param tbsSha256 the issuance it holds; must be among the batch's issuances
 */
public record LogEntryRecord(long index, EntryType type, long timestampMs, Sha256 tbsSha256) {
  public LogEntryRecord {
    if (index < 0) {
      throw new IllegalArgumentException("entry index must not be negative: " + index);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(tbsSha256, "tbsSha256");
  }
}
