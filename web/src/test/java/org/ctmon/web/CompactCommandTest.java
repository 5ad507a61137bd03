package org.ctmon.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactCommandTest {
  @TempDir Path dir;

  private CommandRun compact(String databaseUrl) throws Exception {
    return CommandRun.withDatabase(dir, databaseUrl, "compact");
  }

  @Test
  void compactsTheConfiguredH2DatabaseAndSaysHowBigItWasAndIs() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath();
    Store.open(new StoreConfig(url, "", "", 2, StoreConfig.Retention.DEFAULT)).close();

    CommandRun run = compact(url);

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().matches("(?s).*ctmon compact: " + java.util.regex.Pattern.quote(
        dir.resolve("ctmon.mv.db").toAbsolutePath().toString()) + ": [0-9.]+ MB -> [0-9.]+ MB in [0-9.]+ s\\R"), run.out());
    Store.open(new StoreConfig(url, "", "", 2, StoreConfig.Retention.DEFAULT)).close();
  }

  @Test
  void aPostgresqlDatabaseIsNotCompactedAndTheOperatorIsToldWhy() throws Exception {
    CommandRun run = compact("jdbc:postgresql://127.0.0.1:5432/ctmon");

    assertEquals(1, run.exit());
    assertTrue(run.err().contains("autovacuum"), run.err());
  }

  @Test
  void aMissingDatabaseIsAnErrorNotANewEmptyOne() throws Exception {
    CommandRun run = compact("jdbc:h2:file:" + dir.resolve("typo").toAbsolutePath());

    assertEquals(1, run.exit());
    assertTrue(run.err().startsWith("ctmon compact: no H2 database at "), run.err());
    assertTrue(Files.notExists(dir.resolve("typo.mv.db")));
  }
}
