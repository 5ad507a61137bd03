package org.ctmon.web.account;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands a running monitor runs for a command line on its machine ({@link LocalCommands}):
 * those that open the database, which the monitor's embedded H2 file lets one process hold. Named
 * {@code ctmon} like the whole command line, so their usage and messages read the same here.
 */
@Command(name = "ctmon", subcommands = {UserCommand.class, TokenCommand.class, WatchlistCommand.class,
    BackupCommand.class})
final class InMonitorCommands {
  /** The names of the commands, as the first argument gives them. */
  static final Set<String> NAMES = Set.copyOf(commandLine().getSubcommands().keySet());

  private InMonitorCommands() {}

  /** A new command line (one per run: a command's fields hold its arguments). */
  static CommandLine commandLine() {
    return new CommandLine(new InMonitorCommands()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
