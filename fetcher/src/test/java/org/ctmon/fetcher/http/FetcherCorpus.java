package org.ctmon.fetcher.http;

import java.nio.file.Path;
import java.util.Base64;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.treehead.LogKey;

/**
 * Files of the shared corpus for the fetcher's client tests, found through the {@code ctmon.corpus}
 * property the build sets, through the parser's {@code Corpus} fixture, plus the fetcher's own
 * helpers (log keys, PEM bodies, a test HTTP config). Public because the rfc6962 and tiles tests use
 * it too. A missing file fails loudly.
 */
public final class FetcherCorpus {
  private FetcherCorpus() {}

  /** The path of {@code relative} below the corpus root (the parser's shared fixture). */
  public static Path path(String relative) {
    return Corpus.path(relative);
  }

  /** The bytes of a corpus file. */
  public static byte[] bytes(String relative) {
    return Corpus.bytes(relative);
  }

  /** The text of a corpus file. */
  public static String text(String relative) {
    return Corpus.text(relative);
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
