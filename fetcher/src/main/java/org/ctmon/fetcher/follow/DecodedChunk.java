package org.ctmon.fetcher.follow;

import java.util.List;
import org.ctmon.parser.Sha256;

/**
 * Consecutive entries {@code [from, from + leafHashes.size())} of a log, fetched and decoded: what
 * is kept of them and the leaf hash of every one, in index order, for the compact range;
 * {@code incidents} say what an entry proved about the log (a leaf_index that contradicts its position).
 */
record DecodedChunk(long from, List<Sha256> leafHashes, List<CertificateEntry> certificates,
                    List<MalformedEntry> malformed, List<String> incidents) {
  DecodedChunk {
    incidents = List.copyOf(incidents);
    leafHashes = List.copyOf(leafHashes);
    certificates = List.copyOf(certificates);
    malformed = List.copyOf(malformed);
  }

  /**
   * About what the chunk keeps on the heap until it is committed: each certificate's DER plus what
   * its decoded fields take, and each malformed entry's bytes.
   */
  long retainedBytes() {
    long bytes = 0;
    for (CertificateEntry c : certificates) {
      bytes += c.der().map(d -> (long) d.length()).orElse(0L) + 512;
    }
    for (MalformedEntry m : malformed) {
      bytes += m.leaf().length() + m.extra().length() + 256;
    }
    return bytes + 96L * leafHashes.size();
  }

  /** The first index after the chunk. */
  long to() {
    return from + leafHashes.size();
  }
}
