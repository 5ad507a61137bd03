package org.ctmon.fetcher.follow;

import java.util.List;
import org.ctmon.fetcher.http.LogHttpException;
import org.ctmon.fetcher.http.LogResponseException;
import org.ctmon.fetcher.rfc6962.EntryAndProof;
import org.ctmon.fetcher.rfc6962.EntryRange;
import org.ctmon.fetcher.rfc6962.ProofByHash;
import org.ctmon.fetcher.rfc6962.Rfc6962Client;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.Malformed;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.merkle.ConsistencyProof;
import org.ctmon.parser.merkle.InvalidProofException;
import org.ctmon.parser.treehead.InvalidTreeHeadSignatureException;
import org.ctmon.parser.treehead.SignedTreeHead;
import org.ctmon.parser.treehead.TreeHead;

/**
 * An RFC 6962 log through {@link Rfc6962Client}: get-sth, get-entries (one request per call: the
 * catch-up asks again for what a short page left out), get-sth-consistency between heads, and the audit path of the leaf before the start
 * ({@code get-entry-and-proof}, else {@code get-entries} + {@code get-proof-by-hash}) to start at
 * the end or at an entry index.
 */
final class Rfc6962Source implements LogSource {
  private final Rfc6962Client client;

  Rfc6962Source(Rfc6962Client client) {
    this.client = client;
  }

  @Override
  public String protocolName() {
    return "rfc6962";
  }

  @Override
  public String url() {
    return client.url().toString();
  }

  @Override
  public HeadPoll pollHead() {
    SignedTreeHead sth = client.getSthUnverified();
    byte[] evidence = sth.signature().encode();
    try {
      sth.verify(client.key());
      return new HeadPoll.Verified(sth.treeHead(), evidence);
    } catch (InvalidTreeHeadSignatureException e) {
      return new HeadPoll.BadSignature(sth.treeHead(), evidence, e.getMessage());
    }
  }

  @Override
  public FetchUnit plan(long from, long size, int unitSize) {
    EntryRange r = EntryRange.plan(from, size, unitSize, 1).get(0);
    return new FetchUnit(r.first(), r.last() + 1);
  }

  @Override
  public List<EntryDecoding> fetch(FetchUnit unit) {
    return client.getEntries(unit.first(), unit.end() - 1).entries();
  }

  @Override
  public boolean splittable() {
    return true;
  }

  @Override
  public CompactRange seedAt(TreeHead head, long size) {
    LogSource.checkSeedSize(head, size);
    long last = size - 1;
    Sha256 leafHash;
    List<Sha256> path;
    try {
      EntryAndProof eap = client.getEntryAndProof(last, head.treeSize());
      leafHash = leafHash(eap.entry());
      path = eap.auditPath();
    } catch (LogHttpException e) {
      if (e.status() != 400 && e.status() != 404 && e.status() != 501) {
        throw e;
      }
      // Not every log serves get-entry-and-proof; certspotter falls back the same way.
      leafHash = leafHash(client.getEntries(last, last).entries().get(0));
      ProofByHash proof = client.getProofByHash(leafHash, head.treeSize());
      if (proof.leafIndex() != last) {
        // The same leaf logged twice: the log proved the other copy, which places nothing here.
        throw new LogResponseException(client.url(), "proof of entry " + last, "get-proof-by-hash returned"
            + " leaf_index " + proof.leafIndex() + " for the leaf of entry " + last, null);
      }
      path = proof.auditPath();
    }
    try {
      return CompactRange.fromInclusionProof(last, head.treeSize(), leafHash, path, head.rootHash());
    } catch (InvalidProofException e) {
      throw new LogMisbehaviourException(LogIncident.ROOT_MISMATCH, "error starting at entry " + size + " of "
          + url() + ": the audit path of entry " + last + " does not lead to the root of " + head + " ("
          + e.getMessage() + ")", null, head);
    }
  }

  @Override
  public void checkConsistency(TreeHead older, TreeHead newer) {
    if (older.treeSize() == 0 || older.treeSize() == newer.treeSize()) {
      return;
    }
    List<Sha256> proof = client.getSthConsistency(older.treeSize(), newer.treeSize());
    try {
      ConsistencyProof.verify(older.treeSize(), newer.treeSize(), older.rootHash(), newer.rootHash(), proof);
    } catch (InvalidProofException e) {
      throw new LogMisbehaviourException(LogIncident.INCONSISTENT, "log " + url() + " served heads that cannot"
          + " both be true: " + older + " and " + newer + " (" + e.getMessage() + ")", older, newer);
    }
  }

  private static Sha256 leafHash(EntryDecoding d) {
    if (d instanceof Decoded ok) {
      return ok.entry().leafHash();
    }
    if (d instanceof Malformed m) {
      return m.leafHash().orElseThrow(() -> new UnframedEntryException(m.index(), m.reason()));
    }
    throw new AssertionError("unknown entry decoding " + d.getClass());
  }
}
