package org.ctmon.web;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ctmon.store.H2FileCompaction;
import org.ctmon.store.StoreException;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code ctmon compact [--config FILE]}: gives the embedded H2 database's dead pages back to the
 * disk, with the monitor stopped. H2 appends every commit and the file runs four to six times its
 * live data after a long catch-up (see {@link H2FileCompaction}); this is the operator's remedy.
 */
@Command(
    name = "compact",
    mixinStandardHelpOptions = true,
    description = {
        "Compact the embedded H2 database (database.url) so the file holds only live data. Stop ctmon first.",
        "Takes about 4 s per GB of file. PostgreSQL needs no compaction (autovacuum)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:compacted", "1:could not compact (database in use, not found, not an H2 file)",
        "2:invalid configuration"})
final class CompactCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Override
  public Integer call() {
    Optional<Config> loaded = config.load(spec.commandLine().getErr(), "ctmon compact");
    if (loaded.isEmpty()) {
      return 2;
    }
    Config cfg = loaded.get();
    spec.commandLine().getOut().println("ctmon compact: compacting " + cfg.database().displayUrl() + " ...");
    spec.commandLine().getOut().flush();
    H2FileCompaction.Outcome o;
    try {
      o = H2FileCompaction.compact(cfg.database().url(), cfg.database().user(), cfg.database().password());
    } catch (StoreException e) {
      spec.commandLine().getErr().println("ctmon compact: " + e.getMessage());
      return 1;
    }
    spec.commandLine().getOut().printf("ctmon compact: %s: %s -> %s in %.1f s%n", o.file(), megabytes(o.bytesBefore()),
        megabytes(o.bytesAfter()), o.took().toMillis() / 1000.0);
    return 0;
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
