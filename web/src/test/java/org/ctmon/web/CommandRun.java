package org.ctmon.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of a ctmon command: its exit status and what it printed. */
public record CommandRun(int exit, String out, String err) {
  /** Runs ctmon with {@code args} as given on a command line. */
  public static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Ctmon.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int exit = cmd.execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }

  /**
   * Runs {@code command} with a configuration file in {@code dir} whose database is
   * {@code databaseUrl}, then {@code args}.
   */
  public static CommandRun withDatabase(Path dir, String databaseUrl, String command, String... args) throws IOException {
    Path config = dir.resolve("ctmon.yaml");
    Files.writeString(config, "database:\n  url: \"" + databaseUrl + "\"\n");
    List<String> all = new ArrayList<>(List.of(command, "--config", config.toString()));
    all.addAll(List.of(args));
    return of(all.toArray(new String[0]));
  }
}
