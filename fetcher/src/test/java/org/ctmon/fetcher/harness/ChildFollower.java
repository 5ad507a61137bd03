package org.ctmon.fetcher.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ctmon.parser.CtmonException;

/**
 * One run of {@link FollowerProcess} in its own JVM (same java, same class path), with its output
 * lines delivered to the test as they come and its standard error kept in a file.
 */
public final class ChildFollower implements AutoCloseable {
  /** Marks the end of the child's output in {@link #next(long)}. */
  public static final String EOF = "<eof>";

  public final Process process;
  public final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  /** Every line read so far, in order. */
  public final List<String> seen = new ArrayList<>();

  private ChildFollower(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::pump, "child-follower-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code FollowerProcess} with {@code jvmOptions} and {@code args}; stderr goes to {@code stderr}. */
  public static ChildFollower start(List<String> jvmOptions, List<String> args, Path stderr) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(FollowerProcess.class.getName());
    cmd.addAll(args);
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
      p.getOutputStream().close();
      return new ChildFollower(p, stderr);
    } catch (IOException e) {
      throw new CtmonException("error starting " + cmd, e);
    }
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("READ-ERROR " + e);
    } finally {
      lines.add(EOF);
    }
  }

  /** The next output line, {@link #EOF} after the last, or null after {@code timeoutMs}. */
  public String next(long timeoutMs) throws InterruptedException {
    String line = lines.poll(timeoutMs, TimeUnit.MILLISECONDS);
    if (line != null && !line.equals(EOF)) {
      seen.add(line);
    }
    return line;
  }

  /** Reads until the output ends (the process exited) or {@code timeoutMs} passed. */
  public void drain(long timeoutMs) throws InterruptedException {
    long end = System.nanoTime() + timeoutMs * 1_000_000;
    while (System.nanoTime() < end) {
      String line = next(Math.max(1, (end - System.nanoTime()) / 1_000_000));
      if (line == null || line.equals(EOF)) {
        return;
      }
    }
  }

  /** The last BEGIN or END line seen, or "" when none. */
  public String lastMarker() {
    for (int i = seen.size() - 1; i >= 0; i--) {
      String l = seen.get(i);
      if (l.startsWith("BEGIN ") || l.startsWith("END ")) {
        return l;
      }
    }
    return "";
  }

  public String stderrTail() {
    try {
      List<String> all = Files.readAllLines(stderr);
      return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }

  /** SIGKILL on Linux: no shutdown hooks, no finally blocks, no flush. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** {@link #kill()} after {@code millis}, while the child goes on: the pause places the crash. */
  public void killAfter(long millis) throws InterruptedException {
    Thread.sleep(millis); // the behaviour under test: a crash at a moment the child does not choose
    kill();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
