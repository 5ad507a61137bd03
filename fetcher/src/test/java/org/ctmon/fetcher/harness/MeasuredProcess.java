package org.ctmon.fetcher.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.parser.CtmonException;

/**
 * A child process run under GNU {@code /usr/bin/time -v}, so its CPU seconds (user + system) and
 * peak RSS are the kernel's own figures (getrusage of the waited-for child), also when the child is
 * stopped with SIGTERM: the signal goes to the measured command, never to {@code time}.
 */
public final class MeasuredProcess {
  public static final Path TIME = Path.of("/usr/bin/time");

  public final Process process;
  public final Path report;
  public final long startNanos = System.nanoTime();

  private MeasuredProcess(Process process, Path report) {
    this.process = process;
    this.report = report;
  }

  /** Whether GNU time is installed ({@code apt-get install -y time}). */
  public static boolean available() {
    return Files.isExecutable(TIME);
  }

  /** Starts {@code command} under {@code time -v -o report}; stdout and stderr go to the given files (or a pipe for stdout when null). */
  public static MeasuredProcess start(List<String> command, Path report, Path stdout, Path stderr) {
    List<String> cmd = new ArrayList<>(List.of(TIME.toString(), "-v", "-o", report.toString()));
    cmd.addAll(command);
    ProcessBuilder b = new ProcessBuilder(cmd).redirectError(stderr.toFile());
    if (stdout != null) {
      b.redirectOutput(stdout.toFile());
    }
    try {
      return new MeasuredProcess(b.start(), report);
    } catch (IOException e) {
      throw new CtmonException("error starting " + cmd, e);
    }
  }

  /** The measured command (the child of {@code time}). */
  public Optional<ProcessHandle> command() {
    return process.toHandle().children().findFirst();
  }

  /** Peak RSS so far of the measured command (VmHWM), in kB, or -1. */
  public long peakRssKb() {
    return command().map(h -> status(h.pid(), "VmHWM")).orElse(-1L);
  }

  /** SIGTERM to the measured command, then waits for {@code time} to write its report. */
  public void terminate() throws InterruptedException {
    command().ifPresent(ProcessHandle::destroy);
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      command().ifPresent(ProcessHandle::destroyForcibly);
      process.waitFor();
    }
  }

  /** The figures of GNU time's report: user s, system s, peak RSS kB. */
  public double[] figures() throws IOException {
    String r = Files.readString(report);
    return new double[] {number(r, "User time \\(seconds\\): ([0-9.]+)"), number(r, "System time \\(seconds\\): ([0-9.]+)"),
        number(r, "Maximum resident set size \\(kbytes\\): ([0-9]+)")};
  }

  private static double number(String report, String regex) {
    Matcher m = Pattern.compile(regex).matcher(report);
    if (!m.find()) {
      throw new CtmonException("no " + regex + " in the time report:\n" + report);
    }
    return Double.parseDouble(m.group(1));
  }

  private static long status(long pid, String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process is gone.
    }
    return -1;
  }
}
