package org.ctmon.web;

import org.ctmon.web.decode.DecodeCommand;
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
    subcommands = {DecodeCommand.class, TestLogCommand.class, CommandLine.HelpCommand.class})
public final class Ctmon implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Ctmon() {}

  /** Without a command: {@code serve} once it lands; until then, the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs a command and exits with its status. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for tests that run commands in process. */
  public static CommandLine commandLine() {
    return new CommandLine(new Ctmon()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
