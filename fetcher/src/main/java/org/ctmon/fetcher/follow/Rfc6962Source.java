package org.ctmon.fetcher.follow;

import java.util.ArrayList;
import java.util.List;
import org.ctmon.fetcher.http.LogHttpException;
import org.ctmon.fetcher.http.LogResponseException;
import org.ctmon.fetcher.rfc6962.EntriesPage;
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
import org.ctmon.store.log.IncidentKind;

/**
 * An RFC 6962 log through {@link Rfc6962Client}: get-sth, get-entries with follow-up requests for
 * short pages (and smaller requests for pages over the body cap), get-sth-consistency between heads, and the audit path of the leaf before the start
 * ({@code get-entry-and-proof}, else {@code get-entries} + {@code get-proof-by-hash}) to start at
 * the end or at an entry index.
 */
final class Rfc6962Source implements LogSource {
  private final Rfc6962Client client;
  private final int batchSize;

  Rfc6962Source(Rfc6962Client client, int batchSize) {
    this.client = client;
    this.batchSize = batchSize;
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
  public List<FetchUnit> plan(long from, long size, int max) {
    List<FetchUnit> out = new ArrayList<>();
    for (EntryRange r : EntryRange.plan(from, size, batchSize, max)) {
      out.add(new FetchUnit(r.first(), r.last() + 1));
    }
    return out;
  }

  @Override
  public List<EntryDecoding> fetch(FetchUnit unit, Runnable beforeFollowUp) {
    List<EntryDecoding> out = new ArrayList<>((int) (unit.end() - unit.first()));
    long next = unit.first();
    long ask = unit.end() - next;
    boolean first = true;
    while (next < unit.end()) {
      if (!first) {
        // Logs answer with fewer entries than asked (RFC 6962 §4.6): ask again for the rest.
        beforeFollowUp.run();
      }
      first = false;
      EntriesPage page;
      try {
        page = client.getEntries(next, next + Math.min(ask, unit.end() - next) - 1);
      } catch (LogResponseException e) {
        ask = Math.min(ask, unit.end() - next); // what was asked for, not more
        if (!e.overCap() || ask == 1) {
          throw e; // one entry over the cap: nothing smaller to ask for; the follower backs off
        }
        // Entries too big for one page under the body cap: ask for half as many, down to one,
        // rather than fail on the same page for ever.
        ask = (ask + 1) / 2;
        continue;
      }
      out.addAll(page.entries());
      next = page.next();
      ask = Math.min(ask * 2, unit.end() - unit.first()); // past the big entries, pages grow again
    }
    return out;
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
      path = proof.auditPath();
    }
    try {
      return CompactRange.fromInclusionProof(last, head.treeSize(), leafHash, path, head.rootHash());
    } catch (InvalidProofException e) {
      throw new LogMisbehaviourException(IncidentKind.ROOT_MISMATCH, "error starting at entry " + size + " of "
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
      throw new LogMisbehaviourException(IncidentKind.INCONSISTENT, "log " + url() + " served heads that cannot"
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
