package org.ctmon.web;

import java.util.OptionalInt;
import org.ctmon.web.account.BackupCommand;
import org.ctmon.web.account.LocalCommandClient;
import org.ctmon.web.account.TokenCommand;
import org.ctmon.web.account.UserCommand;
import org.ctmon.web.account.WatchlistCommand;
import org.ctmon.web.decode.DecodeCommand;
import org.ctmon.web.demo.DemoCommand;
import org.ctmon.web.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ctmon} command line: the entry point of the runnable jar and of the {@code ./ctmon}
 * launcher. Each command is its own class; this one only lists them.
 */
@Command(
    name = "ctmon",
    mixinStandardHelpOptions = true,
    versionProvider = CtmonVersion.class,
    description = "Certificate Transparency monitor: follows CT logs, verifies them, finds certificates for your names.",
    subcommands = {ServeCommand.class, DemoCommand.class, DecodeCommand.class, TestLogCommand.class, CompactCommand.class,
        MigrateCommand.class, BackupCommand.class, ResumeCommand.class, UserCommand.class, TokenCommand.class,
        WatchlistCommand.class, CommandLine.HelpCommand.class})
public final class Ctmon implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Ctmon() {}

  /** Without a command: {@code serve} with the default configuration. */
  @Override
  public void run() {
    CommandLine serve = spec.commandLine().getSubcommands().get("serve");
    int status = serve.execute();
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs a command and exits with its status. */
  public static void main(String[] args) {
    OptionalInt inMonitor = LocalCommandClient.forward(args, System.in, System.out,
        System.err);
    System.exit(inMonitor.isPresent() ? inMonitor.getAsInt() : commandLine().execute(args));
  }

  /** The configured command line, for tests that run commands in process. */
  public static CommandLine commandLine() {
    return new CommandLine(new Ctmon()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
