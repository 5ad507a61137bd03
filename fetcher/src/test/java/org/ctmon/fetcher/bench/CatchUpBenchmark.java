package org.ctmon.fetcher.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.harness.Certspotter;
import org.ctmon.fetcher.harness.FollowerProcess;
import org.ctmon.fetcher.harness.MeasuredProcess;
import org.ctmon.fetcher.harness.PostgresSchema;
import org.ctmon.parser.Eventually;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catch-up speed of ctmon against certspotter on the same large test log (run with {@code -Pbench}).
 *
 * <p>The test log runs in its own JVM ({@code TestLogMain}, entries from the on-disk cache under
 * {@code ctmon.bench.cache}, default {@code /tmp/ctmon-bench-cache}, so only the first run pays for
 * generation). Then, one after the other, each under GNU {@code time -v}: ctmon's {@link
 * FollowerProcess} catching up the RFC 6962 log into an H2 file (every issuance's metadata and names
 * stored), certspotter catching up the same log with a narrow watch list (until its state shows the
 * log verified to its size), and ctmon catching up the static-ct-api log. Prints wall time,
 * entries/s, CPU seconds per 1,000 entries, peak RSS, and ctmon's heap after a full GC at 25, 50, 75
 * and 100% of the catch-up.
 *
 * <p>System properties: {@code ctmon.bench.entries} (default 1,000,000 per log), {@code
 * ctmon.bench.testlogXmx} (default 6g), {@code ctmon.bench.ctmonXmx} (default: none, the launcher's heap), {@code
 * ctmon.bench.batch} (the test log's get-entries cap, default 1000), {@code
 * ctmon.bench.parallelism} (none: ctmon's defaults; when set, ctmon asks for pages of the cap with this ceiling), {@code ctmon.bench.commit} (the product's, 1,024), {@code ctmon.bench.static}
 * (true), {@code ctmon.bench.certspotter} (true), {@code ctmon.bench.ctmonJvmArgs} (extra flags for
 * ctmon's JVMs, e.g. {@code -XX:StartFlightRecording=filename=/tmp/ctmon.jfr} to profile; one that
 * picks a collector replaces the launcher's), {@code ctmon.bench.ctmonDb} ({@code h2}, or {@code
 * postgresql}: a fresh schema on the store tests' server, {@code CTMON_TEST_PG_URL} and the others,
 * whose CPU is printed too), {@code ctmon.bench.h2Settings} (appended to the H2 URL, e.g. {@code
 * ;CACHE_SIZE=65536}). ctmon's JVMs get the flags of the {@code ./ctmon}
 * launcher, so the figures are those of ctmon as users start it.
 */
@Tag("bench")
final class CatchUpBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A few domains of the seeded name mix: certspotter matches every entry but saves only a handful. */
  private static final List<String> WATCH = List.of(".kalo.de", ".vintra.com", ".merso.org", ".zenbo.jp");

  @TempDir
  Path dir;

  @Test
  void printsCatchUpSpeedOfCtmonAndCertspotterOnTheSameLog() throws Exception {
    long entries = Long.getLong("ctmon.bench.entries", 1_000_000);
    int batch = Integer.getInteger("ctmon.bench.batch", 1000);
    Path certspotter = Certspotter.require();
    assertTrue(MeasuredProcess.available(), "GNU time is needed for CPU and peak RSS: apt-get install -y time");
    Path cache = Path.of(System.getProperty("ctmon.bench.cache", "/tmp/ctmon-bench-cache"));
    Files.createDirectories(cache);

    List<String> testlog = java(System.getProperty("ctmon.bench.testlogXmx", "6g"), List.of(),
        "org.ctmon.testlog.TestLogMain", List.of("--entries", Long.toString(entries), "--logs", "rfc6962,static",
            "--batch", Integer.toString(batch), "--cache", cache.toString()));
    Process server = new ProcessBuilder(testlog).redirectError(dir.resolve("testlog.err").toFile()).start();
    try {
      long t0 = System.nanoTime();
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      Map<String, Long> sizes = new LinkedHashMap<>();
      String listUrl = null;
      while (listUrl == null) {
        String line = out.readLine();
        if (line == null) {
          break;
        }
        System.out.println("bench: " + line);
        Matcher m = Pattern.compile("([a-z0-9-]+) \\((\\d+) entries\\)").matcher(line);
        while (m.find()) {
          sizes.put(m.group(1), Long.parseLong(m.group(2)));
        }
        if (line.startsWith("testlog: log list ")) {
          listUrl = line.substring("testlog: log list ".length()).trim();
        }
      }
      assertTrue(listUrl != null, "the test log did not start: " + Files.readString(dir.resolve("testlog.err")));
      System.out.printf("bench: test log ready in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, sizes);
      String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(listUrl)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      Path rfcList = list(json, "logs", dir.resolve("rfc6962.json"));
      Path staticList = list(json, "tiled_logs", dir.resolve("static.json"));
      long rfcSize = sizes.get("rfc6962-0");
      long staticSize = sizes.get("static-1");

      List<String> rows = new ArrayList<>();
      ProcessHandle log = server.toHandle();
      rows.add(servedBy(log, rfcSize, () -> ctmon("ctmon rfc6962", rfcList, rfcSize, batch)));
      if (Boolean.parseBoolean(System.getProperty("ctmon.bench.certspotter", "true"))) {
        rows.add(servedBy(log, rfcSize, () -> certspotter(certspotter, rfcList, rfcSize)));
      }
      if (Boolean.parseBoolean(System.getProperty("ctmon.bench.static", "true"))) {
        rows.add(servedBy(log, staticSize, () -> ctmon("ctmon static", staticList, staticSize, batch)));
      }
      System.out.println("bench: ---- catch-up of " + entries + "-entry test logs on "
          + Runtime.getRuntime().availableProcessors() + " cores (load average at the end: "
          + Files.readString(Path.of("/proc/loadavg")).trim() + ")");
      System.out.println("bench: | run | entries | wall s | entries/s | CPU s | CPU s/1000 entries | peak RSS MB | notes |");
      rows.forEach(r -> System.out.println("bench: " + r));
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  /**
   * The run's row with the CPU the test log spent serving it: on a 2-core machine the log and the
   * monitor share the cores, so this bounds what any monitor can reach here.
   */
  private static String servedBy(ProcessHandle log, long size, Callable<String> run) throws Exception {
    Duration before = log.info().totalCpuDuration().orElseThrow();
    String row = run.call();
    double served = log.info().totalCpuDuration().orElseThrow().minus(before).toNanos() / 1e9;
    System.out.printf("bench: the test log served it with %.1f CPU s (%.3f per 1,000 entries)%n", served,
        served * 1000 / size);
    return row.substring(0, row.length() - 2) + String.format("; test log %.3f CPU s/1000 |", served * 1000 / size);
  }

  private String ctmon(String name, Path list, long size, int batch) throws Exception {
    if ("postgresql".equals(System.getProperty("ctmon.bench.ctmonDb", "h2"))) {
      try (PostgresSchema pg = new PostgresSchema()) {
        double before = pg.serverCpuSeconds();
        String row = ctmon(name + " (postgresql)", list, size, batch, pg.url, pg.childProperties());
        double server = pg.serverCpuSeconds() - before;
        System.out.printf("bench: %s: the PostgreSQL server used %.1f CPU s (%.3f per 1,000 entries)%n", name,
            server, server * 1000 / size);
        return row.replace(" | heap after GC", String.format(" | server %.1f CPU s; heap after GC", server));
      }
    }
    return ctmon(name, list, size, batch, "jdbc:h2:file:" + dir.resolve(name.replace(' ', '-'))
        + System.getProperty("ctmon.bench.h2Settings", ""), List.of());
  }

  private String ctmon(String name, Path list, long size, int batch, String jdbcUrl, List<String> dbProps)
      throws Exception {
    Path stdout = dir.resolve(name.replace(' ', '-') + ".out");
    List<String> props = new ArrayList<>(List.of("-Dctmon.follow.heapEvery=" + Math.max(1, size / 4)));
    props.addAll(dbProps);
    String extra = System.getProperty("ctmon.bench.ctmonJvmArgs", "").trim();
    List<String> extraFlags = extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    // The launcher's flags, less those the benchmark's own flags replace (as the launcher does).
    String xmx = System.getProperty("ctmon.bench.ctmonXmx", "");
    boolean picksCollector = extraFlags.stream().anyMatch(f -> f.matches("-XX:\\+Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC"));
    boolean sizesHeap = !xmx.isEmpty()
        || extraFlags.stream().anyMatch(f -> f.matches("-Xmx.*|-XX:(MaxHeapSize|MaxRAM|MaxRAMPercentage|MaxRAMFraction)=.*"));
    for (String f : launcherJavaOpts()) {
      boolean collector = f.matches("-XX:\\+Use\\w+GC");
      boolean heap = f.startsWith("-XX:MaxRAM=");
      if (!(collector && picksCollector) && !(heap && sizesHeap)) {
        props.add(f);
      }
    }
    props.addAll(extraFlags);
    // The product's fetch defaults unless the run names its own (a second line, not the headline).
    List<String> args = new ArrayList<>(List.of(list.toString(), jdbcUrl,
        System.getProperty("ctmon.bench.commit", Integer.toString(FollowerConfig.DEFAULT.commitEntries()))));
    if (System.getProperty("ctmon.bench.parallelism") != null) {
      args.add(Integer.toString(batch));
      args.add(System.getProperty("ctmon.bench.parallelism"));
    }
    List<String> cmd = java(xmx, props, FollowerProcess.class.getName(), args);
    MeasuredProcess p = MeasuredProcess.start(cmd, dir.resolve(name.replace(' ', '-') + ".time"), stdout,
        dir.resolve(name.replace(' ', '-') + ".err"));
    int rc = p.process.waitFor();
    double wall = (System.nanoTime() - p.startNanos) / 1e9;
    List<String> lines = Files.readAllLines(stdout);
    assertTrue(rc == 0 && lines.stream().anyMatch(l -> l.startsWith("DONE ")),
        () -> name + " failed (" + rc + "): " + tail(dir.resolve(name.replace(' ', '-') + ".err")));
    List<String> heap = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("HEAP ")) {
        String[] f = l.split(" ");
        heap.add(String.format("%.0f%%: %.0f MB", 100.0 * Long.parseLong(f[1]) / size, Long.parseLong(f[2]) / 1e6));
      }
    }
    System.out.println("bench: " + name + " heap after GC: " + heap);
    return row(name, size, wall, p.figures(), "heap after GC " + heap);
  }

  private String certspotter(Path binary, Path list, long size) throws Exception {
    Path state = dir.resolve("certspotter-state");
    Path watch = Files.writeString(dir.resolve("watchlist"), String.join("\n", WATCH) + "\n");
    List<String> cmd = List.of(binary.toString(), "-logs", list.toString(), "-watchlist", watch.toString(),
        "-state_dir", state.toString(), "-start_at_end=false", "-stdout");
    MeasuredProcess p = MeasuredProcess.start(cmd, dir.resolve("certspotter.time"), dir.resolve("certspotter.out"),
        dir.resolve("certspotter.err"));
    boolean[] verified = {false};
    Eventually.holds(Duration.ofDays(1), Duration.ofMillis(100), () -> {
      Map<String, Long> v = Certspotter.verifiedPositions(state);
      verified[0] = v.size() == 1 && v.values().iterator().next() >= size;
      return verified[0] || !p.process.isAlive();
    });
    boolean done = verified[0];
    double wall = (System.nanoTime() - p.startNanos) / 1e9;
    p.terminate();
    assertTrue(done, () -> "certspotter did not verify the log: " + tail(dir.resolve("certspotter.err")));
    int found = Certspotter.found(state).size();
    return row("certspotter 0.16 rfc6962", size, wall, p.figures(), "watch list " + WATCH + ": " + found
        + " certificates saved");
  }

  private static String row(String name, long size, double wall, double[] f, String notes) {
    double cpu = f[0] + f[1];
    String row = String.format("| %s | %d | %.1f | %.0f | %.1f | %.3f | %.0f | %s |", name, size, wall, size / wall, cpu,
        cpu * 1000 / size, f[2] / 1024, notes);
    System.out.println("bench: done " + row);
    return row;
  }

  /** The log list with only the operators' {@code keep} array ({@code logs} or {@code tiled_logs}). */
  private static Path list(String json, String keep, Path file) throws Exception {
    JsonNode root = JSON.readTree(json);
    for (JsonNode op : root.path("operators")) {
      ((ObjectNode) op).remove(keep.equals("logs") ? "tiled_logs" : "logs");
      if (!keep.equals("logs")) {
        ((ObjectNode) op).putArray("logs");
      }
    }
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    return file;
  }

  /**
   * The JVM flags the {@code ./ctmon} launcher gives every run ({@code CTMON_DEFAULT_JAVA_OPTS}), so
   * that the figures are those of ctmon as users start it.
   */
  private static List<String> launcherJavaOpts() throws Exception {
    Path launcher = Path.of("").toAbsolutePath().getParent().resolve("ctmon");
    Matcher m = Pattern.compile("(?m)^CTMON_DEFAULT_JAVA_OPTS=\"([^\"]*)\"$").matcher(Files.readString(launcher));
    assertTrue(m.find(), "no CTMON_DEFAULT_JAVA_OPTS line in " + launcher);
    String opts = m.group(1).trim();
    return opts.isEmpty() ? List.of() : List.of(opts.split("\\s+"));
  }

  private static List<String> java(String xmx, List<String> props, String main, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!xmx.isEmpty()) {
      cmd.add("-Xmx" + xmx);
    }
    cmd.addAll(props);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main);
    cmd.addAll(args);
    return cmd;
  }

  private static String tail(Path f) {
    try {
      List<String> l = Files.readAllLines(f);
      return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
    } catch (java.io.IOException e) {
      return "(none)";
    }
  }
}
