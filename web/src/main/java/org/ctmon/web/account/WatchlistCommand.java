package org.ctmon.web.account;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.WatchItem;
import org.ctmon.alerts.watch.WatchListFile;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.store.account.Account;
import org.ctmon.store.account.Accounts;
import org.ctmon.web.config.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ctmon watchlist import|export EMAIL ...}: certspotter watch-list files in and out of an
 * account. An import is all or nothing: one bad line and nothing is stored.
 */
@Command(name = "watchlist", mixinStandardHelpOptions = true,
    description = "Import or export an account's watch list as a certspotter watch-list file.",
    subcommands = {WatchlistCommand.Import.class, WatchlistCommand.Export.class})
public final class WatchlistCommand {
  /** Largest file read: 10,000 items of 253 characters and their comments fit. */
  static final long MAX_FILE_BYTES = 4_000_000;

  private WatchlistCommand() {}

  /** {@code ctmon watchlist import EMAIL [FILE|-] [--name NAME]}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Read a certspotter watch-list file (one item per line, # comments) into an account's watch list.",
          "The list NAME is created, or its items replaced (its issuance policy is kept).",
          "Every bad line is reported with its number, and then nothing is stored."},
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {"0:imported", "1:bad lines, unreadable file, no such account, or the database cannot be opened",
          "2:invalid configuration"})
  static final class Import implements Callable<Integer> {
    private static final String NAME = "ctmon watchlist import";
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The account.")
    String email;

    @Parameters(index = "1", paramLabel = "FILE", arity = "0..1", defaultValue = "-",
        description = "The watch-list file; - (the default) reads standard input.")
    String file;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = WatchlistImport.DEFAULT_NAME,
        description = "The watch list to import into (default: ${DEFAULT-VALUE}).")
    String listName;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      if (listName.isBlank() || listName.length() > 200) {
        err.println(NAME + ": a watch list name has 1..200 characters");
        return 1;
      }
      String text;
      try {
        text = read(file);
      } catch (IOException e) {
        err.println(NAME + ": cannot read " + file + ": " + e.getMessage());
        return 1;
      }
      WatchListFile.Parsed parsed = WatchListFile.parse(text);
      if (!parsed.errors().isEmpty()) {
        String where = file.equals("-") ? "<stdin>" : file;
        for (WatchListFile.LineError e : parsed.errors()) {
          err.println(where + ":" + e.line() + ": " + e.message());
        }
        err.println(NAME + ": " + parsed.errors().size() + " bad line(s) in " + where + "; nothing imported");
        return 1;
      }
      if (parsed.items().size() > WatchlistLimits.MAX_ITEMS) {
        err.println(NAME + ": " + parsed.items().size() + " items; a watch list holds at most "
            + WatchlistLimits.MAX_ITEMS);
        return 1;
      }
      return CommandStore.withStore(config, err, NAME, false, store -> {
        Optional<Account> account = AccountArgument.find(
            new Accounts(store.jdbi(), Clock.systemUTC(), new SecureRandom()), email, err, NAME);
        if (account.isEmpty()) {
          return 1;
        }
        WatchlistImport.Outcome o = WatchlistImport.store(new Watchlists(store.jdbi(), Clock.systemUTC()),
            account.get().id(), listName, parsed.items());
        spec.commandLine().getOut().println(NAME + ": " + parsed.items().size() + " item(s) into watch list \""
            + listName + "\" (id " + o.list().id() + ", " + (o.created() ? "created" : "items replaced") + ") of "
            + account.get().email());
        return 0;
      });
    }

    private String read(String name) throws IOException {
      byte[] bytes;
      if (name.equals("-")) {
        bytes = System.in.readNBytes((int) MAX_FILE_BYTES + 1);
      } else {
        Path p = Path.of(name);
        if (Files.size(p) > MAX_FILE_BYTES) {
          throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
        }
        bytes = Files.readAllBytes(p);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
      }
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw new IOException("not UTF-8 text");
      }
    }
  }

  /** {@code ctmon watchlist export EMAIL [--name NAME] [FILE]}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Write an account's watch list as a certspotter watch-list file.",
          "Without --name the account's only list is written."},
      exitCodeListHeading = "%nExit status:%n",
      exitCodeList = {"0:written", "1:no such account or list, unwritable file, or the database cannot be opened",
          "2:invalid configuration"})
  static final class Export implements Callable<Integer> {
    private static final String NAME = "ctmon watchlist export";
    @Spec CommandSpec spec;
    @Mixin ConfigOption config;

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The account.")
    String email;

    @Parameters(index = "1", paramLabel = "FILE", arity = "0..1", defaultValue = "-",
        description = "Where to write; - (the default) is standard output.")
    String file;

    @Option(names = "--name", paramLabel = "NAME", description = "The watch list (default: the account's only one).")
    String listName;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      return CommandStore.withStore(config, err, NAME, false, store -> {
        Optional<Account> account = AccountArgument.find(
            new Accounts(store.jdbi(), Clock.systemUTC(), new SecureRandom()), email, err, NAME);
        if (account.isEmpty()) {
          return 1;
        }
        List<Watchlist> lists = new Watchlists(store.jdbi(), Clock.systemUTC()).list(account.get().id());
        List<Watchlist> chosen = listName == null ? lists
            : lists.stream().filter(w -> w.spec().name().equals(listName)).toList();
        if (chosen.size() != 1) {
          List<String> names = lists.stream().map(w -> w.spec().name()).toList();
          err.println(NAME + ": " + (listName != null ? "no watch list \"" + listName + "\""
              : lists.isEmpty() ? "no watch list" : "several watch lists; choose one with --name")
              + " for " + account.get().email() + (names.isEmpty() ? "" : "; it has " + names));
          return 1;
        }
        return write(WatchListFile.write(chosen.get(0).spec().items().stream().map(WatchItem::parse).toList()), err);
      });
    }

    private int write(String text, PrintWriter err) {
      if (file.equals("-")) {
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return 0;
      }
      try {
        Files.writeString(Path.of(file), text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println(NAME + ": cannot write " + file + ": " + e.getMessage());
        return 1;
      }
      return 0;
    }
  }
}
