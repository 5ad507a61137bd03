package org.ctmon.fetcher.follow;

import java.util.List;
import org.ctmon.fetcher.http.LogResponseException;
import org.ctmon.fetcher.tiles.DataTileRef;
import org.ctmon.fetcher.tiles.StaticCtClient;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.merkle.HashTileSource;
import org.ctmon.parser.merkle.InvalidProofException;
import org.ctmon.parser.merkle.TreeTiles;
import org.ctmon.parser.treehead.InvalidTreeHeadSignatureException;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.MalformedNoteException;
import org.ctmon.parser.treehead.SignedCheckpoint;
import org.ctmon.parser.treehead.TreeHead;

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
    try {
      // Below the head, read from the head's own tiles, each checked against its root: the
      // smaller tree's partial tiles could be a fork.
      return new TreeTiles(head.treeSize(), head.rootHash(), tiles()).compactRange(size);
    } catch (InvalidProofException e) {
      throw new LogMisbehaviourException(LogIncident.ROOT_MISMATCH, "error starting at entry " + size + " of "
          + url() + ": " + e.getMessage() + " (" + head + ")", null, head);
    }
  }

  /**
   * Checks that the older head is a prefix of the newer one from the newer tree's tiles alone
   * ({@link TreeTiles}: its right edge must give the newer root, every full tile below must hash
   * to its entry above), so a log cannot pass with a fork served for the older tree's own partial
   * tiles. Heads older than the verified one are not checked.
   */
  @Override
  public void checkConsistency(TreeHead older, TreeHead newer) {
    if (older.treeSize() == 0 || older.treeSize() >= newer.treeSize()) {
      return;
    }
    Sha256 oldRoot;
    try {
      oldRoot = new TreeTiles(newer.treeSize(), newer.rootHash(), tiles()).root(older.treeSize());
    } catch (InvalidProofException e) {
      throw new LogMisbehaviourException(LogIncident.ROOT_MISMATCH, "log " + url() + " serves hash tiles that do"
          + " not lead to " + newer + ": " + e.getMessage(), null, newer);
    }
    if (!oldRoot.equals(older.rootHash())) {
      throw new LogMisbehaviourException(LogIncident.INCONSISTENT, "log " + url() + " served heads that cannot"
          + " both be true: " + older + " and " + newer + " (the tiles of the newer give root " + oldRoot.base64()
          + " at size " + older.treeSize() + ")", older, newer);
    }
  }

  private HashTileSource tiles() {
    return tile -> client.hashTileBytes(tile.level(), tile.index(), tile.width());
  }
}
