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
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.parser.x509.PrecertCheck;

/**
 * Turns fetched entries into a {@link DecodedChunk}: certificate facts for every decoded entry
 * (CPU work, run on the shared worker pool), malformed records for entries whose leaf or
 * certificate does not decode (a certificate that decoded in part keeps its facts too), and every entry's leaf hash, malformed or not, since the log's tree
 * commits to all of them.
 *
 * <p>An entry without a leaf hash (a data tile entry that could not be framed) cannot be placed in
 * the tree: that is a {@link UnframedEntryException}, and the fetch is retried later. Stateless.
 */
final class EntryBatchDecoder {
  private EntryBatchDecoder() {}

  /** Decodes {@code entries}, which must be consecutive from {@code from}. */
  static DecodedChunk decode(long from, List<EntryDecoding> entries) {
    List<Sha256> hashes = new ArrayList<>(entries.size());
    List<CertificateEntry> certificates = new ArrayList<>(entries.size());
    List<MalformedEntry> malformed = new ArrayList<>();
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
        FactsResult facts = facts(e);
        // One malformed record per entry, with every reason: extra_data that does not decode, the
        // precertificate beside the leaf that is not the one signed, a certificate that decodes
        // only in part. The leaf, which the tree proves, is indexed all the same.
        Optional<String> precertProblem = precertProblem(e);
        List<String> reasons = new ArrayList<>(ok.flags()); // what was wrong outside the tree
        precertProblem.ifPresent(reasons::add);
        if (facts instanceof FactsResult.Malformed m) {
          reasons.add("certificate does not decode: " + m.reason());
        } else if (!(facts instanceof FactsResult.Parsed)) {
          throw new AssertionError("unknown facts result " + facts.getClass());
        }
        certificates.add(CertificateEntry.of(e, facts, precertProblem.isEmpty()));
        if (!reasons.isEmpty()) {
          byte[] extra = e instanceof PrecertEntry pe ? pe.preCertificate().bytes() : new byte[0];
          malformed.add(new MalformedEntry(e.index(), OpaqueBytes.of(LeafBytes.merkleTreeLeaf(e)),
              OpaqueBytes.of(extra), String.join("; ", reasons)));
        }
      } else if (d instanceof Malformed m) {
        if (m.leafHash().isEmpty()) {
          throw new UnframedEntryException(m.index(), m.reason());
        }
        hashes.add(m.leafHash().get());
        malformed.add(new MalformedEntry(m.index(), OpaqueBytes.of(m.leafInput().bytes()),
            OpaqueBytes.of(m.extraData().bytes()), m.reason()));
      } else {
        throw new AssertionError("unknown entry decoding " + d.getClass());
      }
    }
    return new DecodedChunk(from, hashes, certificates, malformed, incidents);
  }

  /** The facts of {@code entry}'s certificate: parsed, or malformed with a reason. */
  static FactsResult facts(LogEntry entry) {
    if (entry instanceof X509Entry x) {
      return CertificateDecoder.fromCertificate(x.certificate());
    }
    if (entry instanceof PrecertEntry p) {
      return CertificateDecoder.fromTbs(p.tbsCertificate(), true);
    }
    throw new AssertionError("unknown entry kind " + entry.getClass());
  }

  /**
   * Why {@code entry}'s precertificate is not the one its log signed (it comes beside the leaf,
   * not under the tree), if it is not; empty for a certificate entry.
   */
  static Optional<String> precertProblem(LogEntry entry) {
    if (entry instanceof PrecertEntry p) {
      return PrecertCheck.mismatch(p.preCertificate(), p.tbsCertificate())
          .map(why -> "pre_certificate is not the one the log signed: " + why);
    }
    return Optional.empty();
  }
}
