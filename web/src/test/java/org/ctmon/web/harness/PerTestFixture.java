package org.ctmon.web.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test fixture that registers itself ({@code @RegisterExtension}): started afresh before each
 * test in a temporary folder of its own, closed after the test and the folder deleted. It replaces
 * the {@code @TempDir}, {@code @BeforeEach} and {@code @AfterEach} every test class wrote around its
 * fixture; a test's own {@code @BeforeEach} runs after the fixture started.
 */
public abstract class PerTestFixture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {
  private Path dir;

  /** Starts the fixture with its files (a database, say) in {@code dir}. */
  protected abstract void start(Path dir);

  @Override
  public final void beforeEach(ExtensionContext context) throws IOException {
    dir = Files.createTempDirectory("ctmon-test");
    start(dir);
  }

  @Override
  public final void afterEach(ExtensionContext context) throws Exception {
    close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
