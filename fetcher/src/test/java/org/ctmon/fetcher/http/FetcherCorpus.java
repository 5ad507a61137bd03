package org.ctmon.fetcher.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import org.ctmon.parser.treehead.LogKey;

/**
 * Files of the shared corpus for the fetcher's client tests, found through the {@code ctmon.corpus}
 * property the build sets (the parser's {@code Corpus} fixture is test scope there). Public because
 * the rfc6962 and tiles tests use it too. A missing file fails loudly.
 */
public final class FetcherCorpus {
  private FetcherCorpus() {}

  /** The path of {@code relative} below the corpus root. */
  public static Path path(String relative) {
    String prop = System.getProperty("ctmon.corpus");
    Path root = prop != null && !prop.isBlank() ? Paths.get(prop) : Paths.get("..", "..", "shared", "corpus");
    Path p = root.resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("corpus file missing: " + p.toAbsolutePath()
          + " (set -Dctmon.corpus=/path/to/shared/corpus)");
    }
    return p;
  }

  /** The bytes of a corpus file. */
  public static byte[] bytes(String relative) {
    try {
      return Files.readAllBytes(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a corpus file. */
  public static String text(String relative) {
    return new String(bytes(relative), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** An RFC 6962 log's key from {@code rfc6962/keys/<name>.pem}. */
  public static LogKey key(String name) {
    return LogKey.fromPem(text("rfc6962/keys/" + name + ".pem"));
  }

  /** The DER inside the first PEM block of a corpus file. */
  public static byte[] pemDer(String relative) {
    String pem = text(relative);
    int b = pem.indexOf("-----BEGIN");
    int bodyStart = pem.indexOf('\n', b) + 1;
    int e = pem.indexOf("-----END", bodyStart);
    return Base64.getMimeDecoder().decode(pem.substring(bodyStart, e));
  }

  /** The client every test uses: defaults with a test contact. */
  public static HttpConfig testConfig() {
    return HttpConfig.withContact("ct-tests@ctmon.example");
  }
}
