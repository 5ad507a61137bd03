package org.ctmon.testlog.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.parser.Der;

/**
 * Reads ../shared/corpus (the {@code ctmon.corpus} system property the build sets); testlog cannot see
 * parser's test fixture {@code Corpus}, so this is its few-line twin.
 */
final class RealCorpus {
  private static final Pattern PEM = Pattern.compile("-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

  private RealCorpus() {}

  static Path path(String relative) {
    String root = System.getProperty("ctmon.corpus");
    if (root == null) {
      throw new AssertionError("system property ctmon.corpus is not set; run through maven");
    }
    return Path.of(root).resolve(relative);
  }

  static byte[] bytes(String relative) throws IOException {
    return Files.readAllBytes(path(relative));
  }

  static List<Der> pems(String relative) throws IOException {
    Matcher m = PEM.matcher(Files.readString(path(relative), StandardCharsets.US_ASCII));
    List<Der> out = new ArrayList<>();
    while (m.find()) {
      out.add(Der.fromBase64(m.group(1)));
    }
    return out;
  }
}
