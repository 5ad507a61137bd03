package org.ctmon.web;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ctmon.store.Store;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.LogStatus;
import org.ctmon.store.log.Logs;
import org.ctmon.web.account.CommandStore;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ctmon resume LOG}: follows again a log that ctmon stopped for misbehaviour, once the
 * operator has looked at the evidence ({@code GET /api/v1/incidents}). Without it a stopped log
 * stays stopped for good, even when the cause was on ctmon's side. The evidence stays on record;
 * a log still lying is caught and stopped again at its next inconsistent head.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
        "Follow again a log ctmon stopped (root mismatch, split view, rollback), with ctmon stopped.",
        "LOG is the log id (base64, as /api/v1/logs gives it) or a unique part of the log's name."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:resumed, or not stopped", "1:no such log, several match, or the database cannot be opened",
        "2:invalid configuration"})
final class ResumeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config;

  @Parameters(index = "0", paramLabel = "LOG", description = "Log id (base64) or a unique part of the log's name.")
  String log;

  @Override
  public Integer call() {
    Optional<Config> loaded = config.load(spec.commandLine().getErr(), "ctmon resume");
    if (loaded.isEmpty()) {
      return 2;
    }
    Optional<Store> opened = CommandStore.open(loaded.get(), spec.commandLine().getErr(), "ctmon resume", false,
        "stop the running ctmon first");
    if (opened.isEmpty()) {
      return 1;
    }
    try (Store store = opened.get()) {
      Logs logs = new Logs(store.jdbi(), Clock.systemUTC());
      List<LogState> matching = logs.all().stream().filter(s -> names(s, log)).toList();
      if (matching.size() != 1) {
        spec.commandLine().getErr().println("ctmon resume: " + (matching.isEmpty() ? "no log is " + log
            : "several logs match " + log + ": " + matching.stream().map(s -> s.spec().description()).toList()
              + "; give its log id"));
        return 1;
      }
      LogState s = matching.get(0);
      String name = s.spec().description();
      if (s.status() != LogStatus.STOPPED) {
        spec.commandLine().getOut().println("ctmon resume: " + name + " is not stopped (" + s.status().sqlName()
            + "); nothing to do");
        return 0;
      }
      logs.setStatus(s.spec().logId(), LogStatus.OK, null);
      spec.commandLine().getOut().println("ctmon resume: " + name + " will be followed again from entry "
          + s.nextIndex() + ", the next time ctmon polls it. It was stopped because: " + s.lastError().orElse("(no reason recorded)")
          + ". Its " + logs.incidentCount(s.spec().logId()) + " incident(s) stay on record.");
      return 0;
    }
  }

  private static boolean names(LogState s, String text) {
    String t = text.strip();
    if (s.spec().logId().base64().equals(t.replace(' ', '+'))) {
      return true;
    }
    try {
      byte[] id = Base64.getDecoder().decode(t);
      if (id.length == 32) {
        return false; // a log id, just not this one
      }
    } catch (IllegalArgumentException notBase64) {
      // a name
    }
    return !t.isEmpty() && s.spec().description().toLowerCase(Locale.ROOT).contains(t.toLowerCase(Locale.ROOT));
  }
}
