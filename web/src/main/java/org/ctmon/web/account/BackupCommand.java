package org.ctmon.web.account;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ctmon.store.Store;
import org.ctmon.store.Vendor;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ctmon backup FILE.zip}: an online, transactionally consistent copy of the embedded H2
 * database (H2's {@code BACKUP TO}), taken while the monitor runs (the command is then run by the
 * monitor, which holds the file: see {@link LocalCommands}) or while it is
 * stopped. PostgreSQL is backed up with its own tools (docs/operations.md).
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
        "Write a consistent copy of the embedded H2 database (database.url) to FILE (a zip), while ctmon runs or not.",
        "Restore: stop ctmon, unzip FILE in place of the database file. PostgreSQL: use pg_dump (docs/operations.md)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:written", "1:not written (FILE exists, PostgreSQL, the database cannot be opened)",
        "2:invalid configuration"})
public final class BackupCommand implements Callable<Integer> {
  private static final String NAME = "ctmon backup";

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Parameters(index = "0", paramLabel = "FILE", description = "The zip file to write; must not exist.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<Config> loaded = config.load(err, NAME);
    if (loaded.isEmpty()) {
      return 2;
    }
    if (Vendor.of(loaded.get().database().url()) != Vendor.H2) {
      err.println(NAME + ": " + loaded.get().database().displayUrl()
          + " is PostgreSQL: back it up with pg_dump or your PostgreSQL backups (docs/operations.md)");
      return 1;
    }
    Path target = file.toAbsolutePath();
    if (Files.exists(target)) {
      err.println(NAME + ": " + target + " exists already; give a new file name");
      return 1;
    }
    Optional<Store> opened = CommandStore.open(loaded.get(), err, NAME, false);
    if (opened.isEmpty()) {
      return 1;
    }
    long t0 = System.nanoTime();
    try (Store store = opened.get()) {
      // BACKUP TO takes a literal, not a parameter: the path is quoted as an SQL string.
      store.jdbi().useHandle(h -> h.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'"));
      spec.commandLine().getOut().printf(Locale.ROOT, "%s: %s (%.1f MB) in %.1f s%n", NAME, target,
          Files.size(target) / 1e6, (System.nanoTime() - t0) / 1e9);
      return 0;
    } catch (RuntimeException | IOException e) {
      err.println(NAME + ": error writing " + target + ": " + e.getMessage());
      return 1;
    }
  }
}
