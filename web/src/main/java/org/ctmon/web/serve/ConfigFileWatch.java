package org.ctmon.web.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigLoader;
import org.ctmon.web.config.InvalidConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when the configuration file changes and reads it again, so which logs are followed and
 * how fast each is fetched can change without a restart (certspotter users asked for exactly this:
 * a restart means a gap, and a log operator's new rate limit should not need one). A file that no
 * longer reads is reported and the running configuration kept.
 */
public final class ConfigFileWatch {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigFileWatch.class);

  private final Path file;
  private final Map<String, String> env;
  private final Duration every;
  private FileTime seen;

  /**
   * @param file the YAML file ctmon was started with
   * @param env the environment, which still wins over the file
   * @param every how often to look at the file's modification time
   */
  public ConfigFileWatch(Path file, Map<String, String> env, Duration every) {
    this.file = Objects.requireNonNull(file, "file");
    this.env = Map.copyOf(env);
    this.every = every;
    this.seen = modified();
  }

  /** How often to call {@link #changed()}. */
  Duration every() {
    return every;
  }

  /** The configuration as the file now gives it, if the file changed since the last look and reads. */
  synchronized Optional<Config> changed() {
    FileTime now = modified();
    if (Objects.equals(now, seen)) {
      return Optional.empty();
    }
    seen = now;
    try {
      return Optional.of(ConfigLoader.load(file, env));
    } catch (InvalidConfigException e) {
      LOG.error("{} changed but cannot be used, so the running configuration stays: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  private FileTime modified() {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return null; // gone for now (an editor replacing it): looked at again next time
    }
  }
}
