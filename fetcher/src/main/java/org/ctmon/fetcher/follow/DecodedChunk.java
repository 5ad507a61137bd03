package org.ctmon.fetcher.follow;

import java.util.List;
import org.ctmon.parser.Sha256;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.MalformedEntryRecord;

/**
 * Consecutive entries {@code [from, from + leafHashes.size())} of a log, fetched and decoded: what
 * the store keeps of them and the leaf hash of every one, in index order, for the compact range.
 */
record DecodedChunk(long from, List<Sha256> leafHashes, List<Issuance> issuances, List<LogEntryRecord> entries,
                    List<MalformedEntryRecord> malformed) {
  DecodedChunk {
    leafHashes = List.copyOf(leafHashes);
    issuances = List.copyOf(issuances);
    entries = List.copyOf(entries);
    malformed = List.copyOf(malformed);
  }

  /** The first index after the chunk. */
  long to() {
    return from + leafHashes.size();
  }
}
