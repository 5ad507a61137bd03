package org.ctmon.fetcher.follow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.FactsResult;

/**
 * The issuing CA's key hash of an entry, which a watch list may name as its expected issuer: a
 * precertificate's leaf carries it (RFC 6962 {@code issuer_key_hash}); a certificate's is the key
 * of the first certificate of its chain. A few hundred CAs issue everything, so chain heads are
 * decoded once each and remembered by fingerprint (bounded; forgotten all at once when full).
 */
final class IssuerKeys {
  private static final int MAX_REMEMBERED = 4096;
  private static final Map<Sha256, Sha256> BY_CHAIN_HEAD = new ConcurrentHashMap<>();

  private IssuerKeys() {}

  /** The SHA-256 of the issuer's SubjectPublicKeyInfo, or {@code null} when the entry does not say. */
  static Sha256 of(LogEntry entry) {
    if (entry instanceof PrecertEntry p) {
      return p.issuerKeyHash();
    }
    if (entry instanceof X509Entry x) {
      if (x.chain().isEmpty()) {
        return null;
      }
      Sha256 head = x.chainFingerprints().isEmpty() ? x.chain().get(0).sha256() : x.chainFingerprints().get(0);
      Sha256 known = BY_CHAIN_HEAD.get(head);
      if (known != null) {
        return known;
      }
      FactsResult r = CertificateDecoder.fromCertificate(x.chain().get(0));
      CertificateFacts f = r instanceof FactsResult.Parsed p ? p.facts()
          : r instanceof FactsResult.Malformed m ? m.partial() : null;
      if (f == null || f.spkiSha256() == null) {
        return null;
      }
      if (BY_CHAIN_HEAD.size() >= MAX_REMEMBERED) {
        BY_CHAIN_HEAD.clear();
      }
      BY_CHAIN_HEAD.put(head, f.spkiSha256());
      return f.spkiSha256();
    }
    throw new AssertionError("unknown entry kind " + entry.getClass());
  }
}
