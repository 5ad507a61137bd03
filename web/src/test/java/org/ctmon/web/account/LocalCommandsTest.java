package org.ctmon.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.web.serve.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ctmon user add` and friends typed while the monitor holds the H2 file: the running monitor
 * runs them, files are read and written on the caller's side, and nobody without the secret (or
 * off this machine) can.
 */
final class LocalCommandsTest {
  private record Run(OptionalInt status, String out, String err) {}

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    OptionalInt status = LocalCommandClient.forward(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void commandsTypedWhileTheMonitorRunsAreRunByIt(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("ctmon");
    try (Store store = Store.open(new StoreConfig("jdbc:h2:file:" + db, "", "", 2, StoreConfig.Retention.DEFAULT));
         LocalCommands local = new LocalCommands(store, db);
         WebServer web = new WebServer(local::register).start("127.0.0.1", 0)) {
      Path yaml = dir.resolve("ctmon.yaml");
      Files.writeString(yaml, "http:\n  port: " + web.port() + "\ndatabase:\n  url: \"jdbc:h2:file:" + db + "\"\n");
      String config = "--config=" + yaml;

      Run user = run("", "user", "add", "mei@bank.example", config);
      assertEquals(OptionalInt.of(0), user.status(), user.err());
      assertTrue(new Accounts(store.jdbi(), Clock.systemUTC(), new SecureRandom())
          .authenticate("mei@bank.example", user.out().trim()).isPresent(), "the printed password signs in");

      Path file = dir.resolve("watchlist.txt");
      Files.writeString(file, "# certspotter\n.mybank.example\nwww.mybank.example\n");
      Run imported = run("", "watchlist", "import", "mei@bank.example", file.toString(), "--name", "bank", config);
      assertEquals(OptionalInt.of(0), imported.status(), imported.err());
      long account = new Accounts(store.jdbi(), Clock.systemUTC(), new SecureRandom()).byEmail("mei@bank.example")
          .orElseThrow().id();
      assertEquals(List.of(".mybank.example", "www.mybank.example"),
          new Watchlists(store.jdbi(), Clock.systemUTC()).list(account).get(0).spec().items());

      Run fromStdin = run("legacy.example\n", "watchlist", "import", "mei@bank.example", "--name", "legacy", config);
      assertEquals(OptionalInt.of(0), fromStdin.status(), fromStdin.err());

      Path exported = dir.resolve("export.txt");
      Run export = run("", "watchlist", "export", "mei@bank.example", "--name", "bank", exported.toString(), config);
      assertEquals(OptionalInt.of(0), export.status(), export.err());
      assertTrue(Files.readString(exported).contains(".mybank.example"), Files.readString(exported));

      Run token = run("", "token", "add", "mei@bank.example", config);
      assertEquals(OptionalInt.of(0), token.status(), token.err());
      assertFalse(token.out().isBlank());
    }
  }

  @Test
  void aWrongSecretIsRefusedAndNoSecretRunsTheCommandHere(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("ctmon");
    try (Store store = Store.open(new StoreConfig("jdbc:h2:file:" + db, "", "", 2, StoreConfig.Retention.DEFAULT));
         LocalCommands local = new LocalCommands(store, db);
         WebServer web = new WebServer(local::register).start("127.0.0.1", 0)) {
      Path yaml = dir.resolve("ctmon.yaml");
      Files.writeString(yaml, "http:\n  port: " + web.port() + "\ndatabase:\n  url: \"jdbc:h2:file:" + db + "\"\n");
      Path secret = LocalCommands.secretFileOf(db);
      Files.writeString(secret, "guessed");

      Run refused = run("", "user", "add", "eve@evil.example", "--config=" + yaml);
      assertEquals(OptionalInt.of(1), refused.status());
      assertTrue(refused.err().contains("refused"), refused.err());
      assertTrue(new Accounts(store.jdbi(), Clock.systemUTC(), new SecureRandom()).byEmail("eve@evil.example").isEmpty());

      Files.delete(secret);
      assertEquals(OptionalInt.empty(), run("", "user", "add", "eve@evil.example", "--config=" + yaml).status());
    }
  }
}
