package org.ctmon.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.follow.FetchBudget;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ConfigLoaderTest {
  @Test
  void withoutFileOrEnvironmentEveryDefaultApplies() {
    Config c = ConfigLoader.load(null, Map.of());
    assertEquals(new Config.Http("127.0.0.1", 8080), c.http());
    assertEquals("jdbc:h2:file:./data/ctmon", c.database().url());
    assertEquals("https://www.gstatic.com/ct/log_list/v3/all_logs_list.json", c.logs().list());
    assertEquals(List.of("usable", "qualified", "readonly"), c.logs().states());
    assertEquals(StartPosition.END, c.logs().startAt());
    assertEquals(Duration.ofSeconds(10), c.logs().pollInterval());
    // The product's fetch defaults are the follower's own, so a benchmark of either measures both.
    assertEquals(FollowerConfig.DEFAULT.batchSize(), c.fetch().batchSize());
    assertEquals(FollowerConfig.DEFAULT.parallelism(), c.fetch().parallelism());
    assertEquals(FollowerConfig.DEFAULT.requestsPerSecond(), c.fetch().requestsPerSecond());
    assertEquals(1000, c.fetch().batchSize());
    assertEquals(FetchBudget.DEFAULT_BYTES, c.fetch().memoryBudget());
    assertEquals(64, c.fetch().totalParallelism());
  }

  @Test
  void aClusterNeedsPostgresqlAndIsOffByDefault() {
    assertEquals(Config.Cluster.SINGLE, ConfigLoader.load(null, Map.of()).cluster());
    Config pg = ConfigLoader.load(null, Map.of("CTMON_CLUSTER_MODE", "PostgreSQL", "CTMON_DATABASE_URL",
        "jdbc:postgresql://db/ctmon", "CTMON_CLUSTER_CHECKIN_INTERVAL", "2s"));
    assertTrue(pg.cluster().clustered());
    assertEquals(java.time.Duration.ofSeconds(2), pg.cluster().checkinInterval());
    assertEquals(0, pg.cluster().maxLogsPerNode());
    assertEquals(3, ConfigLoader.load(null, Map.of("CTMON_CLUSTER_MAX_LOGS_PER_NODE", "3")).cluster().maxLogsPerNode());
    InvalidConfigException h2 = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(null, Map.of("CTMON_CLUSTER_MODE", "postgresql")));
    assertEquals("invalid configuration: cluster.mode = 'postgresql' needs database.url to be a PostgreSQL database"
        + " (jdbc:postgresql://...), not jdbc:h2:file:./data/ctmon", h2.getMessage());
    InvalidConfigException other = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(null, Map.of("CTMON_CLUSTER_MODE", "raft")));
    assertTrue(other.getMessage().endsWith("must be single or postgresql"), other.getMessage());
  }

  @Test
  void theMemoryBudgetReadsSizesAndABadOneNamesTheKey() {
    assertEquals(32L << 20, ConfigLoader.load(null, Map.of("CTMON_FETCH_MEMORY_BUDGET", "32MB")).fetch().memoryBudget());
    assertEquals(1L << 30, ConfigLoader.load(null, Map.of("CTMON_FETCH_MEMORY_BUDGET", "1g")).fetch().memoryBudget());
    InvalidConfigException lots = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(null, Map.of("CTMON_FETCH_MEMORY_BUDGET", "lots")));
    assertEquals("invalid configuration: fetch.memoryBudget = 'lots' (from environment variable"
        + " CTMON_FETCH_MEMORY_BUDGET): not a size such as 64MB, 512KB or 1GB", lots.getMessage());
    InvalidConfigException tiny = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(null, Map.of("CTMON_FETCH_MEMORY_BUDGET", "512KB")));
    assertTrue(tiny.getMessage().endsWith("must be at least 1MB"), tiny.getMessage());
    InvalidConfigException negative = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(null, Map.of("CTMON_FETCH_REQUESTS_PER_SECOND", "-1")));
    assertTrue(negative.getMessage().endsWith("must be a number, 0 or more"), negative.getMessage());
  }

  @Test
  void theEnvironmentOverridesTheFileWhichOverridesDefaults(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ctmon.yaml");
    Files.writeString(file, "http:\n  port: 9000\n  bind: 0.0.0.0\nlogs:\n  pollInterval: 5m\n  exclude: [Bogus, \"Test*\"]\n");
    Config c = ConfigLoader.load(file, Map.of("CTMON_HTTP_PORT", "9100", "CTMON_LOGS_START_AT", "beginning"));
    assertEquals(9100, c.http().port());
    assertEquals("0.0.0.0", c.http().bind());
    assertEquals(Duration.ofMinutes(5), c.logs().pollInterval());
    assertEquals(List.of("Bogus", "Test*"), c.logs().exclude());
    assertEquals(StartPosition.BEGINNING, c.logs().startAt());
  }

  @Test
  void aBadValueNamesTheKeyTheValueAndWhereItCameFrom(@TempDir Path dir) throws IOException {
    InvalidConfigException env = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(null, Map.of("CTMON_HTTP_PORT", "eighty")));
    assertEquals("invalid configuration: http.port = 'eighty' (from environment variable CTMON_HTTP_PORT): not a whole number",
        env.getMessage());
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "logs:\n  pollInterval: -3s\n");
    InvalidConfigException yaml = assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(file, Map.of()));
    assertEquals("invalid configuration: logs.pollInterval = '-3s' (from " + file + "): not a duration (e.g. 10s, 5m, 1h, PT10S)",
        yaml.getMessage());
  }

  @Test
  void aTypoInTheFileIsAnErrorNotASilentDefault(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "http:\n  prot: 9000\n");
    InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(file, Map.of()));
    assertTrue(e.getMessage().startsWith("unknown configuration key 'http.prot' in " + file), e.getMessage());
  }

  @Test
  void unknownStatesAndBadStartPositionsAreRefused() {
    assertTrue(assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(null, Map.of("CTMON_LOGS_STATES", "usable,happy"))).getMessage()
        .endsWith("unknown log state 'happy' (known: pending, qualified, usable, readonly, retired, rejected)"));
    for (String bad : List.of("middle", "-1", "12e3", "99999999999999999999")) {
      assertEquals("invalid configuration: logs.startAt = '" + bad + "' (from environment variable CTMON_LOGS_START_AT):"
          + " must be `end`, `beginning` or an entry index (0 or more)",
          assertThrows(InvalidConfigException.class,
              () -> ConfigLoader.load(null, Map.of("CTMON_LOGS_START_AT", bad))).getMessage());
    }
  }

  @Test
  void anEntryIndexIsAStartPositionAndZeroIsTheBeginning(@TempDir Path dir) throws IOException {
    assertEquals(new StartPosition.Index(12345),
        ConfigLoader.load(null, Map.of("CTMON_LOGS_START_AT", "12345")).logs().startAt());
    assertEquals(StartPosition.BEGINNING, ConfigLoader.load(null, Map.of("CTMON_LOGS_START_AT", "0")).logs().startAt());
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "logs:\n  startAt: 120000000\n");
    assertEquals(new StartPosition.Index(120000000), ConfigLoader.load(file, Map.of()).logs().startAt());
  }

  @Test
  void brokenYamlAndAMissingFileAreClearErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "http: [port: 1\n");
    assertTrue(assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(file, Map.of()))
        .getMessage().startsWith("configuration file " + file + " is not valid YAML"));
    assertEquals("configuration file " + dir.resolve("none.yaml") + " does not exist",
        assertThrows(InvalidConfigException.class, () -> ConfigLoader.load(dir.resolve("none.yaml"), Map.of())).getMessage());
  }

  @Test
  void durationsAcceptTheDocumentedForms() {
    assertEquals(Duration.ofMillis(500), ValueParsers.duration("500ms"));
    assertEquals(Duration.ofSeconds(45), ValueParsers.duration("45"));
    assertEquals(Duration.ofHours(2), ValueParsers.duration("2h"));
    assertEquals(Duration.ofDays(7), ValueParsers.duration("7d"));
    assertEquals(Duration.ofSeconds(10), ValueParsers.duration("PT10S"));
    assertThrows(IllegalArgumentException.class, () -> ValueParsers.duration("0s"));
  }

  @Test
  void docsConfigListsEveryKeyWithItsEnvironmentVariableAndDefault() throws IOException {
    Path docs = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "config.md");
    if (!Files.exists(docs)) {
      docs = Path.of("..", "docs", "config.md");
    }
    String text = Files.readString(docs);
    for (Setting<?> s : Settings.ALL) {
      String def = s.defaultText().isEmpty() ? "(empty)" : "`" + s.defaultText() + "`";
      String row = "| `" + s.key() + "` | `" + s.envName() + "` | " + def + " |";
      assertTrue(text.contains(row), "docs/config.md lacks the row starting " + row);
    }
  }

  @Test
  void perLogFetchLimitsComeFromTheFileOrTheEnvironmentAndABadOneNamesTheKey(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("c.yaml");
    Files.writeString(file, "fetch:\n  perLog:\n    - \"DigiCert: requestsPerSecond=10 batchSize=256\"\n"
        + "    - \"TrustAsia: parallelism=1\"\n");
    assertEquals(List.of("DigiCert: batchSize=256 requestsPerSecond=10", "TrustAsia: parallelism=1"),
        ConfigLoader.load(file, Map.of()).fetch().perLog().stream().map(Object::toString).toList());
    assertEquals(List.of("Google: batchSize=32", "*Argon2026h2*: parallelism=1"),
        ConfigLoader.load(file, Map.of("CTMON_FETCH_PER_LOG", "Google: batchSize=32, *Argon2026h2*: parallelism=1"))
            .fetch().perLog().stream().map(Object::toString).toList());
    assertEquals(List.of(), ConfigLoader.load(null, Map.of()).fetch().perLog());

    InvalidConfigException e = assertThrows(InvalidConfigException.class,
        () -> ConfigLoader.load(null, Map.of("CTMON_FETCH_PER_LOG", "DigiCert: rps=10")));
    assertEquals("invalid configuration: fetch.perLog = 'DigiCert: rps=10' (from environment variable CTMON_FETCH_PER_LOG):"
        + " 'DigiCert': unknown key 'rps' (known: batchSize, parallelism, requestsPerSecond)", e.getMessage());
  }

  @Test
  void aPasswordInTheDatabaseUrlOrSettingsIsNeverShown() {
    Config.Database pg = new Config.Database("jdbc:postgresql://db/ctmon?user=ct&password=s3cret&ssl=true", "ct", "pw", 8);
    Config.Database h2 = new Config.Database("jdbc:h2:file:./data/ctmon;PASSWORD=s3cret;MODE=PostgreSQL", "", "", 8);

    assertEquals("jdbc:postgresql://db/ctmon?user=ct&password=***&ssl=true", pg.displayUrl());
    assertEquals("jdbc:h2:file:./data/ctmon;PASSWORD=***;MODE=PostgreSQL", h2.displayUrl());
    assertTrue(!pg.toString().contains("s3cret") && !pg.toString().contains("pw,"), pg.toString());
  }
}
