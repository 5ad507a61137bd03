package org.ctmon.store.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;

/**
 * Everything one step of a log follower produces, persisted together by {@link Ingest#commit}.
 *
 * <p>The batch covers the log's indexes {@code [fromIndex, position.nextIndex())}: each index in
 * it is either a decoded entry or a malformed one. Every entry names one of the batch's
 * issuances; every issuance is named by at least one entry (its first-seen time is the earliest
 * entry timestamp).
 *
 * @param logId the log (RFC 6962 LogID), registered beforehand
 * @param fromIndex the log's next index before this batch; the commit fails if the store disagrees
 * @param issuances decoded issuances (an issuance may appear twice: precert and final)
 * @param entries decoded entries
 * @param malformed entries that could not be decoded
 * @param position the log's position after this batch
 * @param verified the signed tree head the range was checked against in this batch, if any
 */
public record IngestBatch(
    Sha256 logId,
    long fromIndex,
    List<Issuance> issuances,
    List<LogEntryRecord> entries,
    List<MalformedEntryRecord> malformed,
    LogPosition position,
    Optional<TreeHead> verified) {
  public IngestBatch {
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(position, "position");
    issuances = List.copyOf(issuances);
    entries = List.copyOf(entries);
    malformed = List.copyOf(malformed);
    verified = Objects.requireNonNull(verified, "verified");
    if (fromIndex < 0 || position.nextIndex() < fromIndex) {
      throw new IllegalArgumentException(
          "batch for log " + logId.base64() + " goes from " + fromIndex + " back to " + position.nextIndex());
    }
    Set<Sha256> tbs = new HashSet<>();
    for (Issuance i : issuances) {
      tbs.add(i.tbsSha256());
    }
    Set<Sha256> named = new HashSet<>();
    for (LogEntryRecord e : entries) {
      checkIndex(logId, fromIndex, position.nextIndex(), e.index());
      if (!tbs.contains(e.tbsSha256())) {
        throw new IllegalArgumentException("entry " + e.index() + " of log " + logId.base64()
            + " names issuance " + e.tbsSha256() + " that is not in the batch");
      }
      named.add(e.tbsSha256());
    }
    for (MalformedEntryRecord m : malformed) {
      checkIndex(logId, fromIndex, position.nextIndex(), m.index());
    }
    if (!named.containsAll(tbs)) {
      throw new IllegalArgumentException("batch for log " + logId.base64() + " has an issuance no entry names");
    }
  }

  /** A batch of decoded entries only: no malformed entries, no verified head. */
  public static IngestBatch of(Sha256 logId, long fromIndex, List<Issuance> issuances, List<LogEntryRecord> entries,
                               LogPosition position) {
    return new IngestBatch(logId, fromIndex, issuances, entries, List.of(), position, Optional.empty());
  }

  private static void checkIndex(Sha256 logId, long from, long to, long index) {
    if (index < from || index >= to) {
      throw new IllegalArgumentException(
          "entry " + index + " is outside the batch [" + from + ", " + to + ") of log " + logId.base64());
    }
  }
}
