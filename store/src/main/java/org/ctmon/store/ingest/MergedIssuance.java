package org.ctmon.store.ingest;

import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * The sightings of one TBS within a batch folded into one row: precert and final flags, both
 * fingerprints, the DER to keep (the final certificate's when both came), the first-seen time.
 */
final class MergedIssuance {
  final Issuance first;
  boolean precertSeen;
  boolean finalSeen;
  Sha256 certSha256;
  Sha256 precertSha256;
  Der der;
  boolean derPrecert;
  long firstSeen = Long.MAX_VALUE;
  /** The stored issuance's id: allocated when new, looked up when it was already stored. */
  long id;

  MergedIssuance(Issuance first) {
    this.first = first;
  }

  void add(Issuance i) {
    if (i.precert()) {
      precertSeen = true;
      if (precertSha256 == null) {
        precertSha256 = i.certSha256();
      }
    } else {
      finalSeen = true;
      if (certSha256 == null) {
        certSha256 = i.certSha256();
      }
    }
    if (i.der() != null && (der == null || (derPrecert && !i.precert()))) {
      der = i.der();
      derPrecert = i.precert();
    }
  }

  void seenAt(long timestampMs) {
    firstSeen = Math.min(firstSeen, timestampMs);
  }
}
