package org.ctmon.testlog;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.Malformed;
import org.ctmon.parser.leaf.Rfc6962Entries;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.merkle.HashTileSource;
import org.ctmon.parser.merkle.Tile;
import org.ctmon.parser.merkle.TileTree;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.SignedCheckpoint;
import org.ctmon.parser.treehead.SignedTreeHead;

/** Reads a log over HTTP the way a monitor does, with the parser's decoders and verifiers. */
final class WireReader {
  private WireReader() {}

  static SignedTreeHead sth(String prefix) {
    JsonNode j = Http.json(prefix + "ct/v1/get-sth");
    return SignedTreeHead.of(j.get("tree_size").asLong(), j.get("timestamp").asLong(),
        j.get("sha256_root_hash").asText(), j.get("tree_head_signature").asText());
  }

  static byte[] checkpointBytes(String prefix) {
    HttpResponse<byte[]> r = Http.get(prefix + "checkpoint");
    if (r.statusCode() != 200) {
      throw new AssertionError("checkpoint answered " + r.statusCode());
    }
    return r.body();
  }

  static SignedCheckpoint checkpoint(String prefix, LogKey key) {
    return SignedCheckpoint.verify(checkpointBytes(prefix), key, SignedCheckpoint.originOf(prefix));
  }

  /** Entries [0, size) by get-entries, following up on short pages. */
  static List<EntryDecoding> rfc6962Entries(String prefix, long size) {
    List<EntryDecoding> out = new ArrayList<>();
    while (out.size() < size) {
      long start = out.size();
      JsonNode entries = Http.json(prefix + "ct/v1/get-entries?start=" + start + "&end=" + (size - 1)).get("entries");
      if (entries.isEmpty()) {
        throw new AssertionError("get-entries from " + start + " returned no entries");
      }
      for (JsonNode e : entries) {
        out.add(Rfc6962Entries.decode(out.size(), Base64.getDecoder().decode(e.get("leaf_input").asText()),
            Base64.getDecoder().decode(e.get("extra_data").asText())));
      }
    }
    return out;
  }

  /** Entries [0, size) from data tiles (full ones, then the partial one). */
  static List<EntryDecoding> tileEntries(String prefix, long size) {
    List<EntryDecoding> out = new ArrayList<>();
    for (Tile t : TileTree.dataTiles(0, size)) {
      HttpResponse<byte[]> r = Http.get(prefix + t.dataPath());
      if (r.statusCode() != 200) {
        throw new AssertionError(t.dataPath() + " answered " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
      }
      out.addAll(DataTile.decode(t.index() * Tile.FULL_WIDTH, r.body(), t.width()));
    }
    return out;
  }

  static HashTileSource hashTiles(String prefix) {
    return tile -> {
      HttpResponse<byte[]> r = Http.get(prefix + tile.path());
      if (r.statusCode() != 200) {
        throw new AssertionError(tile.path() + " answered " + r.statusCode());
      }
      return r.body();
    };
  }

  static Sha256 leafHash(EntryDecoding d) {
    if (d instanceof Decoded ok) {
      return ok.entry().leafHash();
    }
    if (d instanceof Malformed bad) {
      return bad.leafHash().orElseThrow(() -> new AssertionError("entry " + bad.index() + " has no leaf hash: " + bad.reason()));
    }
    throw new AssertionError("unknown decoding " + d);
  }

  static Sha256 root(List<EntryDecoding> entries) {
    CompactRange range = new CompactRange();
    entries.forEach(e -> range.append(leafHash(e)));
    return range.root();
  }
}
