package org.ctmon.fetcher.follow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.Malformed;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.MalformedEntryRecord;

/**
 * Turns fetched entries into a {@link DecodedChunk}: certificate facts for every decoded entry
 * (CPU work, run on the shared worker pool), malformed records for entries whose leaf or
 * certificate does not decode (a certificate that decoded in part is also indexed by the names it
 * has), and every entry's leaf hash, malformed or not, since the log's tree commits to all of them.
 *
 * <p>An entry without a leaf hash (a data tile entry that could not be framed) cannot be placed in
 * the tree: that is a {@link UnframedEntryException}, and the fetch is retried later. Stateless.
 */
final class EntryBatchDecoder {
  private EntryBatchDecoder() {}

  /** Decodes {@code entries}, which must be consecutive from {@code from}. */
  static DecodedChunk decode(long from, List<EntryDecoding> entries) {
    List<Sha256> hashes = new ArrayList<>(entries.size());
    List<Issuance> issuances = new ArrayList<>(entries.size());
    List<LogEntryRecord> records = new ArrayList<>(entries.size());
    List<MalformedEntryRecord> malformed = new ArrayList<>();
    List<String> incidents = new ArrayList<>(0);
    long expected = from;
    for (EntryDecoding d : entries) {
      if (d.index() != expected) {
        throw new IllegalArgumentException("entry " + d.index() + " does not follow " + (expected - 1));
      }
      expected++;
      if (d instanceof Decoded ok) {
        LogEntry e = ok.entry();
        hashes.add(e.leafHash());
        if (e.leafIndexExtension().isPresent() && e.leafIndexExtension().getAsLong() != e.index()) {
          // The log signed (in its SCT and the leaf) another position than the one the tree gives.
          incidents.add("entry " + e.index() + " carries leaf_index " + e.leafIndexExtension().getAsLong()
              + ": the log promised this certificate another position in its tree");
        }
        FactsResult facts = IssuanceMapping.facts(e);
        // One malformed record per entry, with every reason: extra_data that does not decode, the
        // precertificate beside the leaf that is not the one signed, a certificate that decodes
        // only in part. The leaf, which the tree proves, is indexed all the same.
        Optional<String> precertProblem = IssuanceMapping.precertProblem(e);
        List<String> reasons = new ArrayList<>(ok.flags()); // what was wrong outside the tree
        precertProblem.ifPresent(reasons::add);
        Optional<Issuance> issuance;
        if (facts instanceof FactsResult.Parsed p) {
          issuance = Optional.of(IssuanceMapping.issuance(e, p.facts(), precertProblem.isEmpty()));
        } else if (facts instanceof FactsResult.Malformed m) {
          reasons.add("certificate does not decode: " + m.reason());
          // Indexed by the names that did decode all the same.
          issuance = IssuanceMapping.partialIssuance(e, m.partial(), precertProblem.isEmpty());
        } else {
          throw new AssertionError("unknown facts result " + facts.getClass());
        }
        issuance.ifPresent(i -> {
          issuances.add(i.withIssuerSpki(IssuerKeys.of(e)));
          records.add(new LogEntryRecord(e.index(), e instanceof PrecertEntry ? EntryType.PRECERT : EntryType.X509,
              e.timestamp(), i.tbsSha256()));
        });
        if (!reasons.isEmpty()) {
          byte[] extra = e instanceof PrecertEntry pe ? pe.preCertificate().bytes() : new byte[0];
          malformed.add(new MalformedEntryRecord(e.index(), OpaqueBytes.of(LeafBytes.merkleTreeLeaf(e)),
              OpaqueBytes.of(extra), String.join("; ", reasons)));
        }
      } else if (d instanceof Malformed m) {
        if (m.leafHash().isEmpty()) {
          throw new UnframedEntryException(m.index(), m.reason());
        }
        hashes.add(m.leafHash().get());
        malformed.add(new MalformedEntryRecord(m.index(), OpaqueBytes.of(m.leafInput().bytes()),
            OpaqueBytes.of(m.extraData().bytes()), m.reason()));
      } else {
        throw new AssertionError("unknown entry decoding " + d.getClass());
      }
    }
    return new DecodedChunk(from, hashes, issuances, records, malformed, incidents);
  }
}
