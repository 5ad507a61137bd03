package org.ctmon.web;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.StoreException;
import org.ctmon.store.Vendor;
import org.ctmon.store.copy.CopyProof;
import org.ctmon.store.copy.StoreCopy;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ctmon migrate --to URL}: moves ctmon's data from the configured database (the embedded
 * H2 file) to another (PostgreSQL), with the monitor stopped, and proves the copy: every table's
 * rows counted on both sides and every log's compact-range root recomputed on both sides.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
        "Copy all data from the configured database (database.url, normally the H2 file) to the database at --to",
        "(normally PostgreSQL), then prove the copy: rows per table and every log's compact-range root on both sides.",
        "Stop ctmon first. The target's password is read from CTMON_MIGRATE_TO_PASSWORD.",
        "Afterwards point database.url (CTMON_DATABASE_URL) at the target and start ctmon."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:copied and proven", "1:not copied (a database cannot be opened, the target holds data)",
        "2:invalid configuration", "3:copied, but the proof failed (the target differs: do not use it)"})
final class MigrateCommand implements Callable<Integer> {
  private static final String NAME = "ctmon migrate";
  /** Where the target's password comes from: never the command line, which other users can read. */
  static final String PASSWORD_VARIABLE = "CTMON_MIGRATE_TO_PASSWORD";

  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Option(names = "--to", required = true, paramLabel = "URL",
      description = "JDBC URL of the target database, e.g. jdbc:postgresql://127.0.0.1/ctmon")
  String to;

  @Option(names = "--to-user", paramLabel = "USER", description = "User of the target database.")
  String toUser = "";

  @Option(names = "--replace", description = "Delete the data the target holds before copying (refused otherwise).")
  boolean replace;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Config> loaded = config.load(err, NAME);
    if (loaded.isEmpty()) {
      return 2;
    }
    Config.Database from = loaded.get().database();
    if (to.equals(from.url())) {
      err.println(NAME + ": --to is the configured database itself");
      return 1;
    }
    String fromUrl = from.url();
    if (Vendor.of(fromUrl) == Vendor.H2 && !fromUrl.toUpperCase(Locale.ROOT).contains(";IFEXISTS=")) {
      fromUrl += ";IFEXISTS=TRUE"; // a mistyped path must not copy an empty new database
    }
    String password = System.getenv().getOrDefault(PASSWORD_VARIABLE, "");
    out.println(NAME + ": from " + from.displayUrl() + " to " + StoreConfig.maskedUrl(to));
    out.flush();
    try (Store source = open(new StoreConfig(fromUrl, from.user(), from.password(), 2, StoreConfig.Retention.DEFAULT),
             "source", err);
         Store target = open(new StoreConfig(to, toUser, password, 2, StoreConfig.Retention.DEFAULT), "target", err)) {
      if (source == null || target == null) {
        return 1;
      }
      long t0 = System.nanoTime();
      new StoreCopy(source, target).copy(replace, line -> {
        out.println("  " + line);
        out.flush();
      });
      out.printf(Locale.ROOT, "%s: copied in %.1f s; proving the copy%n", NAME, (System.nanoTime() - t0) / 1e9);
      CopyProof proof = CopyProof.of(source, target);
      print(out, proof);
      if (!proof.holds()) {
        err.println(NAME + ": the copy differs from the source (lines marked DIFFERS): do not use the target;"
            + " run again with --replace");
        return 3;
      }
      out.println(NAME + ": proven: every table has as many rows and every log the same compact-range root on both"
          + " sides. Point database.url (CTMON_DATABASE_URL) at " + StoreConfig.maskedUrl(to) + " and start ctmon.");
      return 0;
    } catch (StoreException e) {
      err.println(NAME + ": " + e.getMessage());
      return 1;
    }
  }

  private static void print(PrintWriter out, CopyProof proof) {
    for (CopyProof.TableCount t : proof.tables()) {
      out.printf(Locale.ROOT, "  rows  %-18s %,12d %,12d  %s%n", t.table(), t.source(), t.target(),
          t.equal() ? "equal" : "DIFFERS");
    }
    for (CopyProof.LogRange l : proof.logs()) {
      out.printf(Locale.ROOT, "  log   %s (%s)%n        source %s%n        target %s  %s%n", l.description(), l.logId(),
          l.source(), l.target(), l.equal() ? "equal" : "DIFFERS");
    }
  }

  /** The store, or null after saying why it cannot be opened. */
  private static Store open(StoreConfig config, String role, PrintWriter err) {
    try {
      return Store.open(config);
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String why = root.getMessage() == null ? root.toString() : root.getMessage().lines().findFirst().orElse("");
      err.println(NAME + ": cannot open the " + role + " database " + StoreConfig.maskedUrl(config.url()) + ": " + why
          + (why.contains("locked") ? " (stop ctmon first)" : ""));
      return null;
    }
  }
}
