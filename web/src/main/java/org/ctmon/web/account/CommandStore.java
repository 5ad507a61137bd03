package org.ctmon.web.account;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.StoreException;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigOption;
import org.jdbi.v3.core.JdbiException;

/**
 * How the commands that may run inside a running monitor ({@link LocalCommands}) open the
 * configured database, and what they say when it fails.
 */
public final class CommandStore {
  private CommandStore() {}

  /**
   * The store of {@code cfg}, or empty after telling {@code err} why not. Unless {@code mayCreate},
   * an H2 file that does not exist is an error rather than a new empty database (a mistyped path
   * must not look like an account-less ctmon).
   */
  public static Optional<Store> open(Config cfg, PrintWriter err, String command, boolean mayCreate) {
    return open(cfg, err, command, mayCreate, "stop the running ctmon first, or use PostgreSQL");
  }

  /** As {@link #open(Config, PrintWriter, String, boolean)}, with the advice when another process holds the file. */
  public static Optional<Store> open(Config cfg, PrintWriter err, String command, boolean mayCreate,
                                     String whenInUse) {
    Store running = IN_MONITOR.get();
    if (running != null) {
      return Optional.of(running.lent());
    }
    String url = cfg.database().url();
    if (!mayCreate && url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=")) {
      url += ";IFEXISTS=TRUE";
    }
    try {
      return Optional.of(Store.open(StoreConfig.defaults().withDatabase(url, cfg.database().user(),
          cfg.database().password())));
    } catch (RuntimeException e) {
      err.println(command + ": cannot open " + cfg.database().displayUrl() + ": " + rootMessage(e)
          + (inUse(e) ? " (" + whenInUse + ")" : ""));
      return Optional.empty();
    }
  }

  /**
   * Loads the configuration of {@code config}, opens its store and runs {@code work} with it, then
   * closes it: {@code work}'s status, 2 for an invalid configuration, 1 when the store cannot be
   * opened (each said on {@code err}).
   */
  static int withStore(ConfigOption config, PrintWriter err, String command, boolean mayCreate,
                       ToIntFunction<Store> work) {
    Optional<Config> cfg = config.load(err, command);
    if (cfg.isEmpty()) {
      return 2;
    }
    Optional<Store> opened = open(cfg.get(), err, command, mayCreate);
    if (opened.isEmpty()) {
      return 1;
    }
    try (Store store = opened.get()) {
      return work.applyAsInt(store);
    } catch (StoreException | JdbiException e) {
      // A database that fails mid-command (or a row another writer just made) is one line, not a trace.
      err.println(command + ": " + String.valueOf(e.getMessage()).strip().replace('\n', ' '));
      return 1;
    }
  }

  // Set only while LocalCommands runs a command inside the monitor, on that request's thread.
  private static final ThreadLocal<Store> IN_MONITOR = new ThreadLocal<>();

  /** Runs {@code command} with {@code store} as the store every command opens (on this thread). */
  static int inMonitor(Store store, IntSupplier command) {
    IN_MONITOR.set(store);
    try {
      return command.getAsInt();
    } finally {
      IN_MONITOR.remove();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage().lines().findFirst().orElse("");
  }

  private static boolean inUse(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020
          || t.getMessage() != null && t.getMessage().contains("The file is locked")) {
        return true;
      }
    }
    return false;
  }
}
