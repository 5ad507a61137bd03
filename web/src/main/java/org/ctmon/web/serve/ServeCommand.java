package org.ctmon.web.serve;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ctmon.parser.CtmonException;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigOption;
import org.ctmon.web.config.InvalidConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code ctmon serve [--config FILE]} (and {@code ctmon} alone): runs the monitor until SIGTERM or
 * Ctrl-C, then stops cleanly (the batch in hand is committed).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Run the monitor: follow every log of the log list, verify it, store what it logs, and serve the web UI and API.",
        "Configuration: --config FILE or ./ctmon.yaml, overridden by CTMON_* environment variables (docs/config.md)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:stopped cleanly", "1:could not start (database, port, log list)", "2:invalid configuration"})
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Override
  public Integer call() throws InterruptedException {
    Optional<Config> loaded = config.load(spec.commandLine().getErr(), "ctmon");
    if (loaded.isEmpty()) {
      return 2;
    }
    Config cfg = loaded.get();
    Path file = config.file();
    Monitor monitor;
    try {
      // Which logs are followed and their fetch limits follow the file's changes while running.
      monitor = Monitor.start(cfg, Clock.systemUTC(), Optional.ofNullable(file)
          .map(f -> new ConfigFileWatch(f, System.getenv(), Duration.ofSeconds(10))));
    } catch (InvalidConfigException e) {
      spec.commandLine().getErr().println("ctmon: " + e.getMessage());
      return 2;
    } catch (CtmonException e) {
      spec.commandLine().getErr().println("ctmon: cannot start: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("ctmon: cannot start: " + e);
      return 1;
    }
    String host = cfg.http().bind().equals("0.0.0.0") ? "127.0.0.1" : cfg.http().bind();
    spec.commandLine().getOut().printf("ctmon: serving http://%s:%d/ (database %s, following %d logs)%n",
        host, monitor.port(), cfg.database().displayUrl(), monitor.statuses().size());
    spec.commandLine().getOut().flush();
    StopSignals signals = StopSignals.install();
    AtomicBoolean closed = new AtomicBoolean();
    Runnable stop = () -> {
      if (closed.compareAndSet(false, true)) {
        monitor.close();
      }
    };
    // Any other way out (System.exit, a signal the JVM keeps) still stops the monitor.
    Runtime.getRuntime().addShutdownHook(new Thread(stop, "ctmon-shutdown"));
    signals.await();
    stop.run();
    return 0;
  }
}
