package org.ctmon.web.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
  /** No configuration file is this big; a larger one is not read. */
  private static final long MAX_BYTES = 1 << 20;

  private final Path file;
  private final Map<String, String> env;
  private final Duration every;
  private byte[] applied;
  private byte[] pending;

  /**
   * @param file the YAML file ctmon was started with
   * @param env the environment, which still wins over the file
   * @param every how often to look at the file
   */
  public ConfigFileWatch(Path file, Map<String, String> env, Duration every) {
    this.file = Objects.requireNonNull(file, "file");
    this.env = Map.copyOf(env);
    this.every = every;
    this.applied = read();
  }

  /** How often to call {@link #changed()}. */
  Duration every() {
    return every;
  }

  /**
   * The configuration as the file now gives it, once the file's content changed and then stayed the
   * same for one more look (an editor may write a file in several steps, and its modification time
   * can be too coarse to tell two versions apart). An empty or invalid file is reported once and
   * the running configuration stays.
   */
  synchronized Optional<Config> changed() {
    byte[] now = read();
    if (now == null || Arrays.equals(now, applied)) {
      pending = null;
      return Optional.empty();
    }
    if (!Arrays.equals(now, pending)) {
      pending = now; // changed since the last look: wait until it holds still
      return Optional.empty();
    }
    pending = null;
    applied = now;
    if (new String(now, StandardCharsets.UTF_8).isBlank()) {
      LOG.error("{} is now empty, so the running configuration stays (an empty file would mean every default)", file);
      return Optional.empty();
    }
    try {
      return Optional.of(ConfigLoader.load(file, env));
    } catch (InvalidConfigException e) {
      LOG.error("{} changed but cannot be used, so the running configuration stays: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  private byte[] read() {
    try {
      if (Files.size(file) > MAX_BYTES) {
        return null;
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return null; // gone for now (an editor replacing it): looked at again next time
    }
  }
}
