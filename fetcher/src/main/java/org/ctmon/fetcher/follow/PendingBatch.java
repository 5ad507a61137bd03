package org.ctmon.fetcher.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.LogPosition;
import org.ctmon.store.ingest.MalformedEntryRecord;
import org.ctmon.store.ingest.VerifiedHead;

/** Decoded chunks waiting to be committed together, from {@code from} on, in index order. */
final class PendingBatch {
  private final long from;
  private long to;
  private final List<Issuance> issuances = new ArrayList<>();
  private final List<LogEntryRecord> entries = new ArrayList<>();
  private final List<MalformedEntryRecord> malformed = new ArrayList<>();
  private final List<String> incidents = new ArrayList<>(0);

  PendingBatch(long from) {
    this.from = from;
    this.to = from;
  }

  void add(DecodedChunk c) {
    if (c.from() != to) {
      throw new IllegalStateException("chunk at " + c.from() + " does not follow the batch ending at " + to);
    }
    issuances.addAll(c.issuances());
    entries.addAll(c.entries());
    malformed.addAll(c.malformed());
    incidents.addAll(c.incidents());
    to = c.to();
  }

  /** What the entries of the batch proved about the log, to record as incidents once it is committed. */
  List<String> incidents() {
    return List.copyOf(incidents);
  }

  long size() {
    return to - from;
  }

  boolean isEmpty() {
    return to == from;
  }

  /**
   * The batch that places a log never followed before at the end of {@code range} (seeded from the
   * log and checked against {@code head}), with no entries: what starting at the end or at an entry
   * index commits.
   */
  static IngestBatch seed(Sha256 logId, CompactRange range, VerifiedHead head) {
    LogPosition position = new LogPosition(range.size(), OpaqueBytes.of(range.toBytes()), range.root());
    return new IngestBatch(logId, 0, List.of(), List.of(), List.of(), position, Optional.of(head));
  }

  /** The batch ending where {@code range} ends (it must have hashed exactly these entries in). */
  IngestBatch toBatch(Sha256 logId, CompactRange range, Optional<VerifiedHead> verified) {
    if (range.size() != to) {
      throw new IllegalStateException("compact range of size " + range.size() + " does not end the batch at " + to);
    }
    LogPosition position = new LogPosition(to, OpaqueBytes.of(range.toBytes()), to == 0 ? null : range.root());
    return new IngestBatch(logId, from, issuances, entries, malformed, position, verified);
  }
}
