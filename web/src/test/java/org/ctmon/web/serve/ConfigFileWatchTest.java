package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.web.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileWatchTest {
  @Test
  void aChangeAppliesOnceItHoldsStillAndAnEmptyOrBrokenFileNeverDoes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ctmon.yaml");
    Files.writeString(file, "logs:\n  exclude: [Bogus]\n");
    ConfigFileWatch watch = new ConfigFileWatch(file, Map.of(), Duration.ofSeconds(10));
    assertEquals(Optional.empty(), watch.changed(), "nothing changed yet");

    Files.writeString(file, ""); // an editor truncating before it writes
    assertEquals(Optional.empty(), watch.changed(), "first look at a change: wait");
    Files.writeString(file, "logs:\n  exclude: [Bogus, TrustAsia]\n");
    assertEquals(Optional.empty(), watch.changed(), "changed again since: wait");
    Optional<Config> applied = watch.changed();

    assertTrue(applied.isPresent());
    assertEquals(List.of("Bogus", "TrustAsia"), applied.get().logs().exclude());
    assertEquals(Optional.empty(), watch.changed(), "applied once");

    Files.writeString(file, "");
    watch.changed();
    assertEquals(Optional.empty(), watch.changed(), "an empty file would mean every default: refused");
    Files.writeString(file, "http: [port: 1\n");
    watch.changed();
    assertEquals(Optional.empty(), watch.changed(), "broken YAML: refused");
    assertEquals(Optional.empty(), watch.changed(), "and reported once");
  }
}
