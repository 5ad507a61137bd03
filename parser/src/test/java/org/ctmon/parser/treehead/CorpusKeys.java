package org.ctmon.parser.treehead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.ctmon.parser.Corpus;

/** Log keys and log-list JSON of the shared corpus, for the tests of this package. */
final class CorpusKeys {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CorpusKeys() {}

  /** The key in {@code rfc6962/keys/<name>.pem}. */
  static LogKey pem(String name) {
    return LogKey.fromPem(Corpus.text("rfc6962/keys/" + name + ".pem"));
  }

  /** A corpus JSON file. */
  static JsonNode json(String relative) {
    try {
      return JSON.readTree(Corpus.bytes(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
