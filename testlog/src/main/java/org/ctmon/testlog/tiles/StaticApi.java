package org.ctmon.testlog.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.MalformedTileException;
import org.ctmon.parser.merkle.Tile;
import org.ctmon.parser.merkle.TilePath;
import org.ctmon.testlog.http.Reply;
import org.ctmon.testlog.http.Request;
import org.ctmon.testlog.log.LoggedEntry;
import org.ctmon.testlog.log.TestLog;

/**
 * Answers the static-ct-api reads of one log (GET only): {@code checkpoint}, hash tiles, data tiles
 * and issuers, all limited to the published tree. A tile beyond the published size is 404, as is a
 * partial tile whose full tile exists when {@code deletePartialTiles} is set (the spec lets logs
 * delete them; clients must fall back to the full tile). Data tiles are gzip-compressed with
 * {@code Content-Encoding: gzip} when {@code gzip} is set. Thread-safe.
 */
public final class StaticApi {
  private final boolean gzip;
  private final boolean deletePartialTiles;

  /** An API serving data tiles gzip-compressed or not, and keeping or deleting superseded partial tiles. */
  public StaticApi(boolean gzip, boolean deletePartialTiles) {
    this.gzip = gzip;
    this.deletePartialTiles = deletePartialTiles;
  }

  /** The reply to a GET of {@code request.path()} below the monitoring prefix of {@code log}, whose origin is given. */
  public Reply handle(TestLog log, String origin, Request request) {
    if (!request.method().equals("GET")) {
      return Reply.text(405, "static-ct-api reads take GET, not " + request.method() + "\n");
    }
    String path = request.path();
    if (path.equals("checkpoint")) {
      return Reply.ok("text/plain; charset=utf-8",
          CheckpointNote.of(origin, log.logKey(), log.head()).getBytes(StandardCharsets.UTF_8));
    }
    if (path.startsWith("issuer/")) {
      return issuer(log, path.substring("issuer/".length()));
    }
    if (path.startsWith("tile/data/")) {
      return dataTile(log, path);
    }
    if (path.startsWith("tile/")) {
      return hashTile(log, path);
    }
    return Reply.text(404, "no static-ct-api resource " + path + "\n");
  }

  private static Reply issuer(TestLog log, String hex) {
    if (!hex.matches("[0-9a-f]{64}")) {
      return Reply.text(404, "issuer '" + hex + "' is not a lower-case hex sha-256\n");
    }
    Optional<Der> der = log.issuer(Sha256.fromHex(hex));
    return der.map(d -> Reply.ok("application/pkix-cert", d.bytes()))
        .orElseGet(() -> Reply.text(404, "no issuer " + hex + "\n"));
  }

  private Reply hashTile(TestLog log, String path) {
    Tile tile;
    try {
      tile = TilePath.parse(path);
    } catch (MalformedTileException e) {
      return Reply.text(404, e.getMessage() + "\n");
    }
    if (superseded(log, tile)) {
      return Reply.text(404, "partial tile " + path + " was deleted: its full tile exists\n");
    }
    try {
      return Reply.ok("application/octet-stream", log.hashTiles().read(tile));
    } catch (IllegalArgumentException e) {
      return Reply.text(404, e.getMessage() + "\n");
    }
  }

  private Reply dataTile(TestLog log, String path) {
    Tile tile;
    try {
      tile = TilePath.parseData(path);
    } catch (MalformedTileException e) {
      return Reply.text(404, e.getMessage() + "\n");
    }
    long first = tile.index() * Tile.FULL_WIDTH;
    long size = log.publishedSize();
    if (first + tile.width() > size) {
      return Reply.text(404, "data tile " + path + " is beyond the published tree of size " + size + "\n");
    }
    if (superseded(log, tile)) {
      return Reply.text(404, "partial tile " + path + " was deleted: its full tile exists\n");
    }
    Optional<Reply> garbage = log.faults().garbagePage();
    if (garbage.isPresent()) {
      return garbage.get();
    }
    List<LoggedEntry> entries = log.entries(first, first + tile.width() - 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(entries.size() * 3000);
    entries.forEach(e -> out.writeBytes(e.tileLeaf()));
    if (!gzip) {
      return Reply.ok("application/octet-stream", out.toByteArray());
    }
    return new Reply(200, "application/octet-stream", Map.of("Content-Encoding", "gzip"), gzip(out.toByteArray()));
  }

  private boolean superseded(TestLog log, Tile tile) {
    if (!deletePartialTiles || !tile.isPartial()) {
      return false;
    }
    int k = Tile.HEIGHT * tile.level();
    long available = k >= Long.SIZE ? 0 : log.publishedSize() >>> k;
    return (tile.index() + 1) * Tile.FULL_WIDTH <= available;
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException("error compressing a data tile", e);
    }
    return out.toByteArray();
  }
}
