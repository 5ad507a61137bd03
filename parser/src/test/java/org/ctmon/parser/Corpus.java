package org.ctmon.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The shared corpus of real CT data ({@code ../shared/corpus}), located through the
 * {@code ctmon.corpus} system property that the build sets. A missing corpus fails loudly: a test
 * that silently skips real data is a test that cannot fail.
 */
public final class Corpus {
  private Corpus() {}

  /** The corpus root folder. */
  public static Path root() {
    String prop = System.getProperty("ctmon.corpus");
    Path root = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared", "corpus");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("corpus not found at " + root.toAbsolutePath()
          + " (set CTMON_CORPUS=/path/to/shared/corpus, or -Dctmon.corpus=...)");
    }
    return root.normalize();
  }

  /** A file or folder of the corpus, which must exist. */
  public static Path path(String relative) {
    Path p = root().resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("corpus file missing: " + p);
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

  /** The text (UTF-8) of a corpus file. */
  public static String text(String relative) {
    return new String(bytes(relative), StandardCharsets.UTF_8);
  }
}
