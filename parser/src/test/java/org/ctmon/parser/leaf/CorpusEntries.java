package org.ctmon.parser.leaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ctmon.parser.Corpus;

/**
 * The real RFC 6962 entries of the corpus: every {@code get-entries*.json} and
 * {@code get-entry-and-proof*.json} under {@code rfc6962/}, base64-decoded. The index is taken
 * from the file name where it states one ({@code get-entries_10000_10000},
 * {@code get-entry-and-proof_120000000_...}), else the position in the file.
 */
final class CorpusEntries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern START = Pattern.compile("^get-entr(?:ies|y-and-proof)_(\\d+)_\\d+\\.json$");

  record Entry(String file, long index, byte[] leafInput, byte[] extraData) {}

  private CorpusEntries() {}

  static List<Entry> all() {
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Corpus.path("rfc6962"))) {
      for (Path p : files.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("get-entries") && name.endsWith(".json")) {
          JsonNode entries = JSON.readTree(p.toFile()).get("entries");
          long start = start(name);
          for (int i = 0; i < entries.size(); i++) {
            out.add(entry(p, start + i, entries.get(i)));
          }
        } else if (name.startsWith("get-entry-and-proof") && name.endsWith(".json")) {
          out.add(entry(p, start(name), JSON.readTree(p.toFile())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static JsonNode json(String relative) {
    try {
      return JSON.readTree(Corpus.bytes(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Entry entry(Path p, long index, JsonNode e) {
    Base64.Decoder b64 = Base64.getDecoder();
    String file = Corpus.root().relativize(p).toString();
    return new Entry(file, index, b64.decode(e.get("leaf_input").asText()), b64.decode(e.get("extra_data").asText()));
  }

  private static long start(String name) {
    Matcher m = START.matcher(name);
    return m.matches() ? Long.parseLong(m.group(1)) : 0;
  }
}
