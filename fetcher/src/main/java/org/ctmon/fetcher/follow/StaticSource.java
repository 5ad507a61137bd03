package org.ctmon.fetcher.follow;

import java.util.List;
import org.ctmon.fetcher.http.LogResponseException;
import org.ctmon.fetcher.tiles.DataTileRef;
import org.ctmon.fetcher.tiles.StaticCtClient;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.merkle.HashTileSource;
import org.ctmon.parser.merkle.TileTree;
import org.ctmon.parser.treehead.InvalidTreeHeadSignatureException;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.MalformedNoteException;
import org.ctmon.parser.treehead.SignedCheckpoint;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.log.IncidentKind;

/**
 * A static-ct-api log through {@link StaticCtClient}: checkpoints, whole data tiles, hash tiles for
 * starting at the end or at an entry index and for consistency between checkpoints.
 *
 * <p>Partial data tiles: the spec says monitors SHOULD avoid them and certspotter waits until one
 * is 5 minutes old. This follower fetches the partial tile at the right edge right away, so every
 * checkpoint is verified against entries as soon as it is seen; the cost is re-fetching that tile
 * as it grows (at most 255 entries per poll). Issuers are not fetched: the facts come from the
 * TileLeaf's certificate or precertificate.
 */
final class StaticSource implements LogSource {
  private final StaticCtClient client;
  private final LogKey key;

  StaticSource(StaticCtClient client, LogKey key) {
    this.client = client;
    this.key = key;
  }

  @Override
  public String protocolName() {
    return "static";
  }

  @Override
  public String url() {
    return client.monitoringUrl().toString();
  }

  @Override
  public HeadPoll pollHead() {
    byte[] note = client.checkpointNote();
    try {
      return new HeadPoll.Verified(SignedCheckpoint.verify(note, key, client.origin()).treeHead(), note);
    } catch (InvalidTreeHeadSignatureException e) {
      return new HeadPoll.BadSignature(e.treeHead(), note, e.getMessage());
    } catch (MalformedNoteException e) {
      throw new LogResponseException(client.monitoringUrl(), "checkpoint", e.getMessage(), note);
    }
  }

  @Override
  public FetchUnit plan(long from, long size, int unitSize) {
    DataTileRef t = DataTileRef.plan(from, size, true, 1).get(0);
    return new FetchUnit(Math.max(from, t.firstEntry()), t.firstEntry() + t.width());
  }

  @Override
  public List<EntryDecoding> fetch(FetchUnit unit) {
    long tile = unit.first() / DataTileRef.FULL_WIDTH;
    long tileStart = tile * DataTileRef.FULL_WIDTH;
    int width = (int) (unit.end() - tileStart);
    List<EntryDecoding> all = client.dataTile(tile, width);
    return all.subList((int) (unit.first() - tileStart), all.size());
  }

  @Override
  public boolean splittable() {
    return false;
  }

  @Override
  public CompactRange seedAt(TreeHead head, long size) {
    LogSource.checkSeedSize(head, size);
    HashTileSource tiles = tiles();
    CompactRange whole = TileTree.compactRange(head.treeSize(), tiles);
    if (!whole.root().equals(head.rootHash())) {
      throw new LogMisbehaviourException(IncidentKind.ROOT_MISMATCH, "error starting at entry " + size + " of "
          + url() + ": the hash tiles give root " + whole.root().base64() + ", not that of " + head, null, head);
    }
    // The tiles are immutable once published: those of the head's tree also hold its prefix.
    return size == head.treeSize() ? whole : TileTree.compactRange(size, tiles);
  }

  /**
   * Checks both heads against the same hash tiles (immutable once published): the tiles must give
   * the newer head's root at its size, and the older head's root at its size. Heads older than the
   * verified one are not checked (the tiles of the larger tree may not be served).
   */
  @Override
  public void checkConsistency(TreeHead older, TreeHead newer) {
    if (older.treeSize() == 0 || older.treeSize() >= newer.treeSize()) {
      return;
    }
    HashTileSource tiles = tiles();
    Sha256 newRoot = TileTree.root(newer.treeSize(), tiles);
    if (!newRoot.equals(newer.rootHash())) {
      throw new LogMisbehaviourException(IncidentKind.ROOT_MISMATCH, "log " + url() + " serves hash tiles"
          + " with root " + newRoot.base64() + " at size " + newer.treeSize() + ", not that of " + newer, null, newer);
    }
    Sha256 oldRoot = TileTree.root(older.treeSize(), tiles);
    if (!oldRoot.equals(older.rootHash())) {
      throw new LogMisbehaviourException(IncidentKind.INCONSISTENT, "log " + url() + " served heads that cannot"
          + " both be true: " + older + " and " + newer + " (the tiles of the newer give root " + oldRoot.base64()
          + " at size " + older.treeSize() + ")", older, newer);
    }
  }

  private HashTileSource tiles() {
    return tile -> client.hashTileBytes(tile.level(), tile.index(), tile.width());
  }
}
