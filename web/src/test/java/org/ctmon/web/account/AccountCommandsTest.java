package org.ctmon.web.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Account;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.web.CommandRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ctmon user add}, {@code token add} and {@code watchlist import|export} on a real H2 file. */
final class AccountCommandsTest {
  @TempDir Path dir;
  private String url;
  private Path config;

  @BeforeEach
  void aConfigurationWithAnH2File() throws Exception {
    url = "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath();
    config = dir.resolve("ctmon.yaml");
    Files.writeString(config, "database:\n  url: \"" + url + "\"\n");
  }

  private CommandRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    int at = args[0].equals("user") || args[0].equals("token") || args[0].equals("watchlist") ? 2 : 1;
    all.addAll(at, List.of("--config", config.toString()));
    return CommandRun.of(all.toArray(new String[0]));
  }

  private Store store() {
    return Store.open(StoreConfig.defaults().withDatabase(url, "", ""));
  }

  private List<Watchlist> lists(String email) {
    try (Store s = store()) {
      Account a = new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom()).byEmail(email).orElseThrow();
      return new Watchlists(s.jdbi(), Clock.systemUTC()).list(a.id());
    }
  }

  @Test
  void aDatabaseThatFailsMidCommandIsOneLineAndExitOne() throws Exception {
    try (Store s = store()) {
      s.jdbi().useHandle(h -> h.execute("DROP TABLE watch_items CASCADE"));
    }
    Path file = Files.writeString(dir.resolve("watch.txt"), ".bank.example\n");
    CommandRun added = run("user", "add", "mei@bank.example");
    assertEquals(0, added.exit(), added.err());
    CommandRun imported = run("watchlist", "import", "mei@bank.example", file.toString());
    assertEquals(1, imported.exit(), imported.err());
    assertTrue(imported.err().startsWith("ctmon watchlist import: "), imported.err());
    assertFalse(imported.err().contains("\tat "), "no stack trace: " + imported.err());
    assertEquals(1, imported.err().strip().lines().count(), imported.err());
  }

  @Test
  void userAddCreatesTheAccountAndPrintsAPasswordThatSignsIn() {
    CommandRun r = run("user", "add", "Alice@Example.com", "--admin");

    assertEquals(0, r.exit(), r.err());
    String password = r.out().strip();
    assertEquals(24, password.length(), r.out());
    assertTrue(r.err().contains("created administrator alice@example.com"), r.err());
    assertTrue(r.err().contains("not shown again"), r.err());
    try (Store s = store()) {
      Account a = new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom())
          .authenticate("alice@example.com", password).orElseThrow();
      assertTrue(a.admin());
    }
  }

  @Test
  void aDuplicateUserOrABadEmailIsAnErrorNamingIt() {
    assertEquals(0, run("user", "add", "bob@example.com").exit());

    CommandRun again = run("user", "add", "BOB@example.com");
    CommandRun bad = run("user", "add", "not an address");
    CommandRun injected = run("user", "add", "eve@example.com\r\nBcc: x@example.com");

    assertEquals(1, again.exit());
    assertEquals("ctmon user add: an account bob@example.com exists already\n", again.err());
    assertEquals("", again.out());
    assertEquals(1, bad.exit());
    assertTrue(bad.err().startsWith("ctmon user add: \"not an address\" is not an email address"), bad.err());
    assertEquals(1, injected.exit());
    assertTrue(injected.err().contains("contains a control character"), injected.err());
  }

  @Test
  void tokenAddPrintsATokenOnceThatAuthenticatesTheAccount() {
    run("user", "add", "carol@example.com");

    CommandRun r = run("token", "add", "carol@example.com", "--label", "ci");

    assertEquals(0, r.exit(), r.err());
    String token = r.out().strip();
    assertTrue(token.startsWith("ctmon_"), token);
    assertTrue(r.err().contains("(\"ci\") for carol@example.com; it is shown once"), r.err());
    try (Store s = store()) {
      ApiTokens tokens = new ApiTokens(s.jdbi(), Clock.systemUTC(), new SecureRandom());
      assertEquals("carol@example.com", tokens.authenticate(token).orElseThrow().email());
      assertEquals("ci", tokens.list(tokens.authenticate(token).orElseThrow().id()).get(0).label());
    }
  }

  @Test
  void tokenAddForAnUnknownEmailSaysHowToCreateTheAccount() {
    run("user", "add", "carol@example.com");

    CommandRun r = run("token", "add", "dave@example.com");

    assertEquals(1, r.exit());
    assertEquals("ctmon token add: no account dave@example.com (create it with ctmon user add dave@example.com)\n",
        r.err());
    assertEquals("", r.out());
  }

  @Test
  void tokenAddOnAMissingDatabaseDoesNotCreateOne() {
    CommandRun r = run("token", "add", "carol@example.com");

    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("ctmon token add: cannot open "), r.err());
    assertFalse(Files.exists(dir.resolve("ctmon.mv.db")));
  }

  @Test
  void importStoresCanonicalItemsAndExportWritesThemBack() throws Exception {
    run("user", "add", "erin@example.com");
    Path file = dir.resolve("watch.txt");
    Files.writeString(file, "# my names\n\nExample.COM.\n.example.org valid_at:2025-01-01T00:00:00Z\n"
        + "bücher.example\n192.0.2.0/24\n");

    CommandRun r = run("watchlist", "import", "erin@example.com", file.toString());

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("4 item(s) into watch list \"imported\""), r.out());
    assertTrue(r.out().contains("created"), r.out());
    List<Watchlist> lists = lists("erin@example.com");
    assertEquals(1, lists.size());
    assertEquals(List.of("example.com", ".example.org", "xn--bcher-kva.example", "192.0.2.0/24"),
        lists.get(0).spec().items());

    CommandRun export = run("watchlist", "export", "erin@example.com");
    assertEquals(0, export.exit(), export.err());
    assertTrue(export.out().endsWith("example.com\n.example.org\nxn--bcher-kva.example\n192.0.2.0/24\n"), export.out());

    Path out = dir.resolve("out.txt");
    assertEquals(0, run("watchlist", "export", "erin@example.com", "--name", "imported", out.toString()).exit());
    assertEquals(export.out(), Files.readString(out));
  }

  @Test
  void everyBadLineIsReportedWithItsNumberAndNothingIsStored() throws Exception {
    run("user", "add", "frank@example.com");
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "example.com\n*\nexa mple.com\n# fine\n192.0.2.0/33\nok.example\n");

    CommandRun r = run("watchlist", "import", "frank@example.com", file.toString());

    assertEquals(1, r.exit());
    assertEquals("", r.out());
    String[] lines = r.err().split("\n");
    assertEquals(4, lines.length, r.err());
    assertTrue(lines[0].startsWith(file + ":2: "), lines[0]);
    assertTrue(lines[1].startsWith(file + ":3: "), lines[1]);
    assertTrue(lines[2].startsWith(file + ":5: "), lines[2]);
    assertEquals("ctmon watchlist import: 3 bad line(s) in " + file + "; nothing imported", lines[3]);
    assertTrue(lists("frank@example.com").isEmpty());
  }

  @Test
  void importReplacesTheItemsOfTheNamedListAndKeepsItsPolicy() throws Exception {
    run("user", "add", "grace@example.com");
    try (Store s = store()) {
      Account a = new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom()).byEmail("grace@example.com").orElseThrow();
      new Watchlists(s.jdbi(), Clock.systemUTC()).create(a.id(), new WatchlistSpec("prod", List.of("old.example"),
          List.of("letsencrypt.org"), List.of(), true));
    }
    InputStream stdin = System.in;
    CommandRun r;
    try {
      System.setIn(new ByteArrayInputStream("new.example\n".getBytes(StandardCharsets.UTF_8)));
      r = run("watchlist", "import", "grace@example.com", "-", "--name", "prod");
    } finally {
      System.setIn(stdin);
    }

    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("items replaced"), r.out());
    WatchlistSpec spec = lists("grace@example.com").get(0).spec();
    assertEquals(List.of("new.example"), spec.items());
    assertEquals(List.of("letsencrypt.org"), spec.expectedIssuers());
    assertTrue(spec.lookalikes());
  }

  @Test
  void exportWithoutANameWhenSeveralListsExistNamesThem() throws Exception {
    run("user", "add", "heidi@example.com");
    Path file = dir.resolve("w.txt");
    Files.writeString(file, "a.example\n");
    run("watchlist", "import", "heidi@example.com", file.toString(), "--name", "one");
    run("watchlist", "import", "heidi@example.com", file.toString(), "--name", "two");

    CommandRun r = run("watchlist", "export", "heidi@example.com");
    CommandRun missing = run("watchlist", "export", "heidi@example.com", "--name", "three");

    assertEquals(1, r.exit());
    assertEquals("ctmon watchlist export: several watch lists; choose one with --name for heidi@example.com;"
        + " it has [one, two]\n", r.err());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().startsWith("ctmon watchlist export: no watch list \"three\""), missing.err());
  }
}
