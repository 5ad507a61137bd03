package org.ctmon.web.config;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option of every command that reads ctmon's configuration, and the one
 * way they load it, so {@code serve}, {@code compact} and {@code resume} read the same settings
 * the same way and report a bad file alike.
 */
public final class ConfigOption {
  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (default ./ctmon.yaml if present).")
  private Path config;

  /** The file the configuration comes from: the given one, else ./ctmon.yaml if present, else null. */
  public Path file() {
    return ConfigLoader.fileFor(config);
  }

  /**
   * The configuration from the file and the environment, or empty after telling {@code err} what
   * is wrong, prefixed with {@code command} (the command then exits with status 2).
   */
  public Optional<Config> load(PrintWriter err, String command) {
    try {
      return Optional.of(ConfigLoader.load(file(), System.getenv()));
    } catch (InvalidConfigException e) {
      err.println(command + ": " + e.getMessage());
      return Optional.empty();
    }
  }
}
