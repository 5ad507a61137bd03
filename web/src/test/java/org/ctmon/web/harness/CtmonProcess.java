package org.ctmon.web.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.ctmon.parser.Eventually;

/**
 * {@code ctmon serve} as a child process on the test's class path, its output in a file of its
 * own: for tests that stop it (SIGTERM), kill it and start it again on the same database.
 */
public final class CtmonProcess {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private CtmonProcess() {}

  /** Starts {@code ctmon serve --config yaml} in {@code dir}, its output in {@code name.log}. */
  public static Process serve(Path dir, Path yaml, String name) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.ctmon.web.Ctmon");
    cmd.add("serve");
    cmd.add("--config");
    cmd.add(yaml.toString());
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile()).start();
  }

  /** What the process {@code name} wrote so far, or why there is nothing to read. */
  public static String output(Path dir, String name) {
    try {
      return Files.readString(dir.resolve(name + ".log"));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /**
   * Waits until {@code done} holds, asking every 50 ms (the child runs on its own clock); fails
   * with {@code why} after 90 s.
   */
  public static void await(BooleanSupplier done, Supplier<String> why) throws Exception {
    Eventually.await(PATIENCE, Duration.ofMillis(50), done::getAsBoolean, () -> "timed out: " + why.get());
  }
}
