package org.ctmon.parser.merkle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Sha256;

/** Reads the corpus' RFC 6962 JSON responses: tree heads, proofs, entries. */
final class CorpusJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CorpusJson() {}

  static JsonNode read(String relative) {
    try {
      return JSON.readTree(Corpus.bytes(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Sha256 base64Hash(String base64) {
    return Sha256.wrap(Base64.getDecoder().decode(base64));
  }

  /** The sha256_root_hash of a get-sth response. */
  static Sha256 sthRoot(String relative) {
    return base64Hash(read(relative).get("sha256_root_hash").asText());
  }

  static long sthSize(String relative) {
    return read(relative).get("tree_size").asLong();
  }

  /** An array of base64 hashes (audit_path, consistency). */
  static List<Sha256> hashes(JsonNode array) {
    List<Sha256> out = new ArrayList<>();
    array.forEach(h -> out.add(base64Hash(h.asText())));
    return out;
  }

  /** The leaf hash of a leaf_input, computed here: decoding the leaf is another package's work. */
  static Sha256 leafHashOf(String leafInputBase64) {
    return NaiveMerkle.leaf(Base64.getDecoder().decode(leafInputBase64));
  }
}
