package org.ctmon.fetcher.follow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;

/**
 * Consecutive entries {@code [from, nextIndex)} of a log, decoded and hashed into its compact
 * range, for a {@link LogJournal} to commit at once with the position they lead to. Every index in
 * the range was hashed; an index may have a certificate, a malformed record, both (a certificate
 * that decoded in part) or, in a seed, nothing.
 *
 * @param compactRange the serialized compact range of [0, nextIndex)
 * @param rangeRoot the range's root, empty at index 0
 * @param verified the signed head the range reached with this batch, if it did
 */
public record VerifiedBatch(Sha256 logId, long from, long nextIndex, OpaqueBytes compactRange,
                            Optional<Sha256> rangeRoot, List<CertificateEntry> certificates,
                            List<MalformedEntry> malformed, Optional<TreeHead> verified) {
  public VerifiedBatch {
    Objects.requireNonNull(logId, "logId");
    Objects.requireNonNull(compactRange, "compactRange");
    Objects.requireNonNull(rangeRoot, "rangeRoot");
    Objects.requireNonNull(verified, "verified");
    certificates = List.copyOf(certificates);
    malformed = List.copyOf(malformed);
  }
}
