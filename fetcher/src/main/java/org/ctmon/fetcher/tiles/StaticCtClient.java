package org.ctmon.fetcher.tiles;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.http.LogEndpoint;
import org.ctmon.fetcher.http.LogHttpException;
import org.ctmon.fetcher.http.LogResponseException;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogProtocol;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.Malformed;
import org.ctmon.parser.merkle.Tile;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.MalformedNoteException;
import org.ctmon.parser.treehead.SignedCheckpoint;

/**
 * A client for one static-ct-api log's monitoring prefix (C2SP static-ct-api, tlog-tiles).
 *
 * <p>Every method makes one GET (two when a deleted partial tile falls back to the full one) and
 * returns what the log served, checked, or throws: a {@link org.ctmon.fetcher.http.LogFetchException}
 * for HTTP, transport and garbage-body failures, or the parser's checkpoint exceptions when a
 * well-formed checkpoint is not validly signed by the log (misbehaviour, not retryable). Issuers
 * are cached by fingerprint in a bounded LRU ({@link IssuerCache}, shareable between logs).
 * Thread-safe; share one per log between workers.
 */
public final class StaticCtClient {
  private final LogEndpoint endpoint;
  private final String origin;
  private final LogKey key;
  private final IssuerCache issuers;

  /** A client for {@code log} on the system clock with its own issuer cache. */
  public StaticCtClient(OkHttpClient http, CtLog log) {
    this(http, log, Clock.systemUTC(), new IssuerCache(IssuerCache.DEFAULT_CAPACITY));
  }

  /**
   * A client for {@code log}, which must speak static-ct-api: its monitoring prefix, its origin
   * (from the submission prefix) and its key.
   *
   * @param http a client from {@link org.ctmon.fetcher.http.HttpConfig#newClient()}
   * @param clock dates an HTTP-date {@code Retry-After} when a response has no {@code Date}
   * @param issuers the issuer cache, which may be shared with the clients of other logs
   */
  public StaticCtClient(OkHttpClient http, CtLog log, Clock clock, IssuerCache issuers) {
    this(http, staticCt(log).monitoringUrl(), staticCt(log).origin(), LogKey.fromDer(log.key()), clock, issuers);
  }

  /**
   * A client for the log whose monitoring prefix is {@code monitoringUrl} (ending in {@code '/'}),
   * whose checkpoints name {@code origin} and are signed by {@code key}.
   */
  public StaticCtClient(OkHttpClient http, URI monitoringUrl, String origin, LogKey key, Clock clock,
      IssuerCache issuers) {
    this.endpoint = new LogEndpoint(http, monitoringUrl, clock);
    this.origin = Objects.requireNonNull(origin, "origin");
    this.key = Objects.requireNonNull(key, "key");
    this.issuers = Objects.requireNonNull(issuers, "issuers");
  }

  private static LogProtocol.StaticCt staticCt(CtLog log) {
    if (!(log.protocol() instanceof LogProtocol.StaticCt s)) {
      throw new IllegalArgumentException("log \"" + log.description() + "\" does not speak static-ct-api but "
          + log.protocol());
    }
    return s;
  }

  /** The monitoring prefix. */
  public URI monitoringUrl() {
    return endpoint.baseUrl();
  }

  /** The checkpoint origin. */
  public String origin() {
    return origin;
  }

  /**
   * {@code GET checkpoint}, with the log's RFC 6962 note signature verified (witness cosignatures
   * and other lines are ignored).
   *
   * @throws LogResponseException if the body is not a signed note at all (an HTML page, a truncated
   *     note)
   * @throws org.ctmon.parser.treehead.InvalidTreeHeadSignatureException if the log's signature does
   *     not verify (keep {@link #checkpointNote()} as evidence)
   * @throws org.ctmon.parser.treehead.UnsignedCheckpointException if the origin is another log's or
   *     no line is signed by the log's key
   * @throws org.ctmon.parser.treehead.MalformedTreeHeadException if the note is not a checkpoint
   */
  public SignedCheckpoint checkpoint() {
    byte[] note = checkpointNote();
    try {
      return SignedCheckpoint.verify(note, key, origin);
    } catch (MalformedNoteException e) {
      throw new LogResponseException(monitoringUrl(), "checkpoint", e.getMessage(), note);
    }
  }

  /** {@code GET checkpoint} as served, unverified: for callers that keep a bad checkpoint as evidence. */
  public byte[] checkpointNote() {
    return endpoint.get("checkpoint", "checkpoint");
  }

  /**
   * The decoded entries of data tile {@code tileIndex} of {@code width} entries (256 for a full
   * tile), the first with index {@code tileIndex * 256}.
   *
   * <p>A partial tile ({@code tile/data/<N>.p/<W>}) that answers 404 is fetched as the full tile,
   * of which the first {@code width} entries are kept: logs may delete partial tiles once the full
   * one exists. A body that cannot be framed into {@code width} entries (fewer entries, an entry cut
   * short, corrupt or oversized gzip) is a {@link LogResponseException}: a short or broken file,
   * worth fetching again. An entry that frames but does not decode (a bad certificate, a wrong
   * leaf_index) is a {@link Malformed} in the list, with its leaf hash.
   */
  public List<EntryDecoding> dataTile(long tileIndex, int width) {
    DataTileRef ref = new DataTileRef(tileIndex, width);
    Fetched tile = fetchWithFallback("data", tileIndex, width);
    List<EntryDecoding> entries = DataTile.decode(ref.firstEntry(), tile.body(), width);
    EntryDecoding last = entries.get(entries.size() - 1);
    if (last instanceof Malformed m && isWholeTileProblem(m)) {
      throw new LogResponseException(monitoringUrl(), tile.path(), m.reason(), tile.body());
    }
    return entries;
  }

  /**
   * Whether the tile could not be framed into {@code width} entries: it is empty, corrupt gzip, ends
   * early, or an entry cannot be framed so the rest are unknown. Such a malformed result has no leaf
   * hash, so the entries behind it could never be checked against the tree; the file is more likely
   * short or damaged in transit than logged that way, so it is fetched again rather than recorded.
   */
  private static boolean isWholeTileProblem(Malformed m) {
    return m.leafHash().isEmpty();
  }

  /**
   * The {@code width} hashes of hash tile {@code index} at {@code level} ({@code tile/<L>/<N>[.p/<W>]}),
   * with the same fallback as {@link #dataTile}. Not verified: the caller checks them against a
   * checkpoint.
   *
   * @throws LogResponseException unless the body is exactly {@code width} (or for a fallback, 256)
   *     hashes of 32 bytes
   */
  public List<Sha256> hashTile(int level, long index, int width) {
    byte[] bytes = hashTileBytes(level, index, width);
    List<Sha256> hashes = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      hashes.add(Sha256.wrap(bytes, i * Sha256.LENGTH));
    }
    return hashes;
  }

  /**
   * The bytes of hash tile {@code index} at {@code level}: {@code width * 32} bytes, or 8,192 when a
   * deleted partial tile fell back to the full one (its prefix is the partial tile).
   */
  public byte[] hashTileBytes(int level, long index, int width) {
    if (level < 0 || level > 63) {
      throw new IllegalArgumentException("tile level " + level + " is not within 0..63");
    }
    new DataTileRef(index, width); // validates index and width
    Fetched tile = fetchWithFallback(Integer.toString(level), index, width);
    int expected = (tile.fellBack() ? DataTileRef.FULL_WIDTH : width) * Sha256.LENGTH;
    if (tile.body().length != expected) {
      throw new LogResponseException(monitoringUrl(), tile.path(), "hash tile has " + tile.body().length
          + " bytes, not " + expected + " (" + expected / Sha256.LENGTH + " hashes of 32 bytes)", tile.body());
    }
    return tile.body();
  }

  /**
   * The issuer certificate with this SHA-256 fingerprint ({@code GET issuer/<hex>}), from the cache
   * when it has been fetched before. The body must hash to the fingerprint; anything else is a
   * {@link LogResponseException} and is not cached.
   */
  public Der issuer(Sha256 fingerprint) {
    Optional<Der> cached = issuers.get(fingerprint);
    if (cached.isPresent()) {
      return cached.get();
    }
    String path = "issuer/" + fingerprint.hex();
    byte[] body = endpoint.get(path, path);
    Sha256 actual = Sha256.of(body);
    if (!actual.equals(fingerprint)) {
      throw new LogResponseException(monitoringUrl(), path, "the body's sha-256 is " + actual.hex()
          + ", not the fingerprint", body);
    }
    Der issuer = Der.of(body);
    issuers.put(fingerprint, issuer);
    return issuer;
  }

  private Fetched fetchWithFallback(String kind, long index, int width) {
    String path = tilePath(kind, index, width);
    try {
      return new Fetched(path, endpoint.get(path, path), false);
    } catch (LogHttpException e) {
      if (e.status() != 404 || width == DataTileRef.FULL_WIDTH) {
        throw e;
      }
    }
    // static-ct-api: logs MAY delete a partial tile once the full one exists.
    String full = tilePath(kind, index, DataTileRef.FULL_WIDTH);
    return new Fetched(full, endpoint.get(full, full), true);
  }

  /** {@code tile/data/<N>[.p/W]} for kind "data", else {@code tile/<L>/<N>[.p/W]} with kind the level. */
  static String tilePath(String kind, long index, int width) {
    return "data".equals(kind)
        ? new Tile(0, index, width).dataPath()
        : new Tile(Integer.parseInt(kind), index, width).path();
  }

  /** A tile's body and the path it came from (the full tile's when a deleted partial fell back). */
  private record Fetched(String path, byte[] body, boolean fellBack) {}

  @Override
  public String toString() {
    return "StaticCtClient[" + origin + " at " + monitoringUrl() + ", log id " + key.logId().base64() + "]";
  }
}
