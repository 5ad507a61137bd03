package org.ctmon.fetcher.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Eventually;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * certspotter (the Debian package, 0.16) run as a peer: it is a daemon, so it runs until every log
 * in its state directory is verified up to a given size, then it is killed. What it found is read
 * from the {@code certs/XX/*.v1.json} files it saves (their {@code tbs_sha256} is, like ctmon's,
 * the hash of the TBS without poison or SCT list).
 */
public final class Certspotter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Certspotter() {}

  /** The certspotter on the PATH; fails under CI=true when missing, otherwise skips the test loudly. */
  public static Path require() {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      String why = "certspotter is not installed (apt-get install certspotter; .ci/services.d/certspotter.sh does"
          + " it on CI): the certspotter peer comparison cannot run";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(why);
      }
      System.out.println("SKIPPED: " + why);
      Assumptions.abort(why);
    }
    return found.get();
  }

  public static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "certspotter");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Starts certspotter on {@code logList} from the beginning of every log with {@code watchlist};
   * its stdout goes to {@code stateDir/../certspotter.out}, its stderr to {@code .err}.
   */
  public static Process start(Path binary, Path logList, Path watchlist, Path stateDir, List<String> wrapper) {
    List<String> cmd = new ArrayList<>(wrapper);
    cmd.addAll(List.of(binary.toString(), "-logs", logList.toString(), "-watchlist", watchlist.toString(),
        "-state_dir", stateDir.toString(), "-start_at_end=false", "-stdout", "-verbose"));
    Path parent = stateDir.toAbsolutePath().getParent();
    try {
      return new ProcessBuilder(cmd)
          .redirectOutput(parent.resolve("certspotter.out").toFile())
          .redirectError(parent.resolve("certspotter.err").toFile())
          .start();
    } catch (IOException e) {
      throw new CtmonException("error starting " + cmd, e);
    }
  }

  /** The verified position of each log (by state directory name) that has a state yet. */
  public static Map<String, Long> verifiedPositions(Path stateDir) {
    Map<String, Long> out = new HashMap<>();
    Path logs = stateDir.resolve("logs");
    if (!Files.isDirectory(logs)) {
      return out;
    }
    try (Stream<Path> dirs = Files.list(logs)) {
      for (Path d : dirs.toList()) {
        Path state = d.resolve("state.json");
        if (!Files.isRegularFile(state)) {
          continue;
        }
        try {
          JsonNode n = JSON.readTree(state.toFile());
          out.put(d.getFileName().toString(), n.path("verified_position").path("size").asLong(-1));
        } catch (IOException e) {
          // Being rewritten right now: read it next time.
        }
      }
    } catch (IOException e) {
      throw new CtmonException("error listing " + logs, e);
    }
    return out;
  }

  /**
   * Waits until every one of {@code logCount} logs is verified up to {@code size}, or {@code
   * timeoutMs}; then kills certspotter. Returns whether it got there.
   */
  public static boolean runUntilVerified(Process p, Path stateDir, int logCount, long size, long timeoutMs)
      throws Exception {
    boolean[] verified = {false};
    try {
      Eventually.holds(Duration.ofMillis(timeoutMs), Duration.ofMillis(50), () -> {
        Map<String, Long> v = verifiedPositions(stateDir);
        verified[0] = p.isAlive() && v.size() == logCount && v.values().stream().allMatch(s -> s >= size);
        return verified[0] || !p.isAlive();
      });
      return verified[0];
    } finally {
      p.destroy();
      if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  /** The tbs_sha256 and DNS names of every certificate certspotter saved. */
  public static Map<Sha256, List<String>> found(Path stateDir) throws IOException {
    Map<Sha256, List<String>> out = new HashMap<>();
    Path certs = stateDir.resolve("certs");
    if (!Files.isDirectory(certs)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(certs)) {
      for (Path f : files.filter(x -> x.getFileName().toString().endsWith(".v1.json")).toList()) {
        JsonNode n = JSON.readTree(f.toFile());
        List<String> names = new ArrayList<>();
        n.path("dns_names").forEach(x -> names.add(x.asText()));
        n.path("ip_addresses").forEach(x -> names.add(x.asText()));
        out.put(Sha256.fromHex(n.path("tbs_sha256").asText()), names);
      }
    }
    return out;
  }
}
