package org.ctmon.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.OptionalInt;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.web.CommandRun;
import org.ctmon.web.serve.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctmon backup}: a zip that opens as the same database, taken with the monitor running or stopped. */
final class BackupCommandTest {
  @TempDir Path dir;

  @Test
  void aBackupTakenWhileTheMonitorHoldsTheFileRestoresItsData() throws Exception {
    Path db = dir.resolve("ctmon");
    String url = "jdbc:h2:file:" + db;
    try (Store store = Store.open(new StoreConfig(url, "", "", 2, StoreConfig.Retention.DEFAULT));
         LocalCommands local = new LocalCommands(store, db);
         WebServer web = new WebServer(local::register).start("127.0.0.1", 0)) {
      new Accounts(store.jdbi(), Clock.systemUTC(), new SecureRandom()).create("mei@bank.example", "a long password",
          false);
      Path yaml = dir.resolve("ctmon.yaml");
      Files.writeString(yaml, "http:\n  port: " + web.port() + "\ndatabase:\n  url: \"" + url + "\"\n");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Path zip = dir.resolve("backup.zip");
      OptionalInt status = LocalCommandClient.forward(new String[] {"backup", zip.toString(), "--config", yaml.toString()},
          new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(OptionalInt.of(0), status, err.toString(StandardCharsets.UTF_8));
      assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("ctmon backup: " + zip + " ("),
          out.toString(StandardCharsets.UTF_8));
      assertRestores(zip);
    }
  }

  @Test
  void aBackupWithTheMonitorStoppedRestoresAndAnExistingFileIsNotOverwritten() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("ctmon");
    try (Store store = Store.open(new StoreConfig(url, "", "", 2, StoreConfig.Retention.DEFAULT))) {
      new Accounts(store.jdbi(), Clock.systemUTC(), new SecureRandom()).create("mei@bank.example", "a long password",
          false);
    }
    Path zip = dir.resolve("backup.zip");
    CommandRun run = CommandRun.withDatabase(dir, url, "backup", zip.toString());
    assertEquals(0, run.exit(), run.err());
    assertRestores(zip);

    CommandRun again = CommandRun.withDatabase(dir, url, "backup", zip.toString());
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("exists already"), again.err());
  }

  @Test
  void postgresqlIsBackedUpWithItsOwnTools() throws Exception {
    CommandRun run = CommandRun.withDatabase(dir, "jdbc:postgresql://127.0.0.1:5432/ctmon", "backup",
        dir.resolve("b.zip").toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("pg_dump"), run.err());
  }

  /** Unzips {@code zip} into a new directory and opens it: the account is there. */
  private void assertRestores(Path zip) throws Exception {
    Path restored = Files.createDirectories(dir.resolve("restored"));
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        Files.copy(z, restored.resolve(Path.of(e.getName()).getFileName()));
      }
    }
    assertTrue(Files.exists(restored.resolve("ctmon.mv.db")));
    try (Store s = Store.open(new StoreConfig("jdbc:h2:file:" + restored.resolve("ctmon") + ";IFEXISTS=TRUE", "", "",
        2, StoreConfig.Retention.DEFAULT))) {
      assertTrue(new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom()).byEmail("mei@bank.example").isPresent());
    }
  }
}
