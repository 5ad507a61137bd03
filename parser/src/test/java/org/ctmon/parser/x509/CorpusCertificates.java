package org.ctmon.parser.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ctmon.parser.Corpus;

/**
 * Every certificate of the corpus' {@code certs/} and {@code precerts/} folders: each
 * certificate of each PEM file (chains included) and each DER file, plus the rows of the two
 * {@code index.csv} files, which describe the first certificate of each file.
 */
final class CorpusCertificates {
  private CorpusCertificates() {}

  /** One certificate: the corpus-relative file, its position in the file, its DER. */
  record CorpusCert(String file, int index, byte[] der) {
    @Override
    public String toString() {
      return index == 0 ? file : file + "#" + index;
    }
  }

  private static final Pattern PEM = Pattern.compile(
      "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

  /** Files that are not certificates at all: TBSCertificates kept as golden outputs. */
  static boolean isGoldenTbs(String file) {
    return file.endsWith(".golden.der");
  }

  static List<CorpusCert> all() {
    List<CorpusCert> out = new ArrayList<>();
    for (String dir : List.of("certs", "precerts")) {
      Path root = Corpus.root();
      try (Stream<Path> files = Files.walk(Corpus.path(dir))) {
        for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          String rel = root.relativize(p).toString().replace('\\', '/');
          if (isGoldenTbs(rel)) {
            continue;
          }
          out.addAll(read(rel));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The certificates in one corpus file (PEM: each block; DER: the file). */
  static List<CorpusCert> read(String rel) {
    byte[] b = Corpus.bytes(rel);
    List<CorpusCert> out = new ArrayList<>();
    if (rel.endsWith(".der")) {
      out.add(new CorpusCert(rel, 0, b));
    } else if (rel.endsWith(".pem")) {
      Matcher m = PEM.matcher(new String(b, StandardCharsets.ISO_8859_1));
      int i = 0;
      while (m.find()) {
        out.add(new CorpusCert(rel, i++, Base64.getMimeDecoder().decode(m.group(1))));
      }
    }
    return out;
  }

  /** index.csv rows of certs/ and precerts/ by corpus-relative file, column name to value. */
  static Map<String, Map<String, String>> index() {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (String dir : List.of("certs", "precerts")) {
      List<List<String>> rows = csv(Corpus.text(dir + "/index.csv"));
      List<String> header = rows.get(0);
      for (List<String> row : rows.subList(1, rows.size())) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
          m.put(header.get(i), row.get(i));
        }
        out.put(dir + "/" + row.get(0), m);
      }
    }
    return out;
  }

  private static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}
