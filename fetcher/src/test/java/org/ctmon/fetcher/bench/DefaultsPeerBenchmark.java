package org.ctmon.fetcher.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.fetcher.harness.Certspotter;
import org.ctmon.fetcher.harness.MeasuredProcess;
import org.ctmon.parser.Eventually;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user gets: ctmon started as the README says ({@code ./ctmon}, its default JVM flags and
 * fetch limits, only the environment variables needed to follow a local log from its start) next
 * to certspotter with its defaults, one after the other on the same test log (run with {@code
 * -Pbench}). {@link CatchUpBenchmark} measures the follower's own ceiling with tuned limits; this
 * one measures the product out of the box, which is what a comparison with certspotter is about.
 *
 * <p>ctmon is caught up when {@code /api/v1/logs} shows {@code position == tree_size ==
 * verified_tree_size} at the log's size; its wall time runs from the process start (JVM start
 * included, as certspotter's) and is printed also from its first API answer. certspotter is done
 * when its state shows the log verified to the size.
 *
 * <p>System properties: {@code ctmon.bench.scenarios} (default {@code pages1000,pages32-20ms,faults};
 * also {@code million}), {@code ctmon.bench.scale} (entry-count factor, default 1.0), {@code
 * ctmon.bench.cache} (the test log's entry cache), {@code ctmon.bench.ctmonJavaOpts} (when set, a
 * second ctmon run with it as {@code CTMON_JAVA_OPTS}), {@code ctmon.bench.millionCertspotter}
 * (false), {@code ctmon.bench.limitMinutes} (15 per run), {@code ctmon.bench.testlogXmx} (none),
 * {@code ctmon.bench.watchItems} (when above 0, ctmon runs again with that many watch items imported
 * beforehand through its own commands, in lists of 10,000 of one account each, the two runs
 * alternated {@code ctmon.bench.watchRepeats} times: what a large watch-list load costs catch-up).
 */
@Tag("bench")
final class DefaultsPeerBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  /** A few domains of the seeded name mix, as in {@link CatchUpBenchmark}: certspotter needs a watch list. */
  private static final List<String> WATCH = List.of(".kalo.de", ".vintra.com", ".merso.org", ".zenbo.jp");
  private static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("ctmon");
  private static final Duration LIMIT = Duration.ofMinutes(Long.getLong("ctmon.bench.limitMinutes", 15));

  /** A test log set-up: entries before scaling, its page cap, its faults. */
  private record Scenario(String name, long entries, int batch, List<String> faults, boolean certspotter) {}

  /** One monitor's figures on one scenario; {@code failure} is null when it finished. */
  /** One run; {@code secondHalf} is the time from the position passing half the log to caught up. */
  private record Run(String scenario, String monitor, long entries, double wall, double cpu, double rssMb,
      double fromFirstAnswer, double secondHalf, String failure) {}

  @TempDir
  Path dir;

  @Test
  void printsCatchUpOfCtmonAndCertspotterAsUsersStartThem() throws Exception {
    Path certspotter = Certspotter.require();
    assertTrue(MeasuredProcess.available(), "GNU time is needed for CPU and peak RSS: apt-get install -y time");
    double scale = Double.parseDouble(System.getProperty("ctmon.bench.scale", "1.0"));
    String javaOpts = System.getProperty("ctmon.bench.ctmonJavaOpts", "").trim();
    List<Run> runs = new ArrayList<>();
    for (String name : System.getProperty("ctmon.bench.scenarios", "pages1000,pages32-20ms,faults").split(",")) {
      Scenario s = scenario(name.trim());
      long entries = Math.max(1, Math.round(s.entries() * scale));
      Path work = Files.createDirectories(dir.resolve(s.name()));
      try (Served log = Served.start(s, entries, work)) {
        int watchItems = Integer.getInteger("ctmon.bench.watchItems", 0);
        if (watchItems > 0) {
          // The test log's first catch-up runs its own JIT: 30% more of its CPU than later ones,
          // on the same cores. An untimed first run keeps that off the first timed side.
          ctmon(s.name(), "ctmon (warming the test log, not counted)", "", log, work, 0);
          for (int rep = 0; rep < Integer.getInteger("ctmon.bench.watchRepeats", 3); rep++) {
            // Alternated, so a drift of the shared machine's load falls on both sides.
            boolean watchedFirst = rep % 2 == 1;
            for (int side = 0; side < 2; side++) {
              int items = (side == 0) == watchedFirst ? watchItems : 0;
              runs.add(ctmon(s.name(), items == 0 ? "ctmon" : String.format("ctmon, %,d watch items", items), "", log,
                  work, items));
            }
          }
        } else {
          runs.add(ctmon(s.name(), "ctmon", "", log, work, 0));
        }
        if (!javaOpts.isEmpty()) {
          runs.add(ctmon(s.name(), "ctmon " + javaOpts, javaOpts, log, work, 0));
        }
        if (s.certspotter()) {
          runs.add(certspotter(s.name(), certspotter, log, work));
        }
      }
    }
    System.out.println("bench: ---- ctmon and certspotter with their defaults, on "
        + Runtime.getRuntime().availableProcessors() + " cores (load average at the end: "
        + Files.readString(Path.of("/proc/loadavg")).trim() + ")");
    System.out.println("bench: | scenario | monitor | entries | wall s | entries/s | CPU s | peak RSS MB | ctmon/certspotter |");
    System.out.println("bench: |---|---|---|---|---|---|---|---|");
    for (Run r : runs) {
      System.out.printf("bench: | %s | %s | %d | %s | %s | %.1f | %.0f | %s |%n", r.scenario(), r.monitor(), r.entries(),
          r.failure() == null ? String.format("%.1f", r.wall()) : String.format("> %.0f (did not finish)", r.wall()),
          r.failure() == null ? String.format("%.0f", r.entries() / r.wall()) : "-", r.cpu(), r.rssMb(), ratio(r, runs));
    }
    printWatchCost(runs);
    List<String> failed = runs.stream().map(Run::failure).filter(f -> f != null).toList();
    assertTrue(failed.isEmpty(), () -> String.join("\n\n", failed));
  }

  /**
   * With {@code ctmon.bench.watchItems}: per scenario, the medians of the plain and the watched
   * runs, and what the watch items cost in wall time from the start, in catch-up time from the
   * first API answer (the watch lists are loaded before the API answers) and in CPU.
   */
  private static void printWatchCost(List<Run> runs) {
    for (String scenario : runs.stream().map(Run::scenario).distinct().toList()) {
      List<Run> plain = runs.stream().filter(r -> r.scenario().equals(scenario) && r.monitor().equals("ctmon")).toList();
      List<Run> watched = runs.stream()
          .filter(r -> r.scenario().equals(scenario) && r.monitor().contains("watch items")).toList();
      if (plain.isEmpty() || watched.isEmpty()) {
        continue;
      }
      System.out.printf(Locale.ROOT, "bench: %s, medians of %d plain and %d watched runs (%s): wall %.1f s -> %.1f s"
              + " (%+.1f%%), from the first API answer %.1f s -> %.1f s (%+.1f%%), CPU %.1f s -> %.1f s (%+.1f%%),"
              + " second half of the log (the catch-up rate once started and compiled) %.1f s -> %.1f s (%+.1f%%)%n",
          scenario, plain.size(), watched.size(), watched.get(0).monitor(), median(plain, Run::wall),
          median(watched, Run::wall), cost(plain, watched, Run::wall), median(plain, Run::fromFirstAnswer),
          median(watched, Run::fromFirstAnswer), cost(plain, watched, Run::fromFirstAnswer), median(plain, Run::cpu),
          median(watched, Run::cpu), cost(plain, watched, Run::cpu), median(plain, Run::secondHalf),
          median(watched, Run::secondHalf), cost(plain, watched, Run::secondHalf));
    }
  }

  private static double cost(List<Run> plain, List<Run> watched, ToDoubleFunction<Run> figure) {
    return 100 * (median(watched, figure) / median(plain, figure) - 1);
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
    double[] v = runs.stream().mapToDouble(figure).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static Scenario scenario(String name) {
    List<Scenario> all = List.of(new Scenario("pages1000", 100_000, 1000, List.of(), true),
        new Scenario("pages32-20ms", 100_000, 32, List.of("slow/20ms"), true),
        new Scenario("faults", 20_000, 1000, List.of("429/10/1s", "500/20", "slow/20ms"), true),
        new Scenario("million", 1_000_000, 1000, List.of(), Boolean.getBoolean("ctmon.bench.millionCertspotter")));
    return all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "unknown scenario '" + name + "' in ctmon.bench.scenarios; known: " + all.stream().map(Scenario::name).toList()));
  }

  /** ctmon/certspotter for a ctmon row: how many times certspotter's wall time, CPU and peak RSS. */
  private static String ratio(Run r, List<Run> runs) {
    if (!r.monitor().startsWith("ctmon")) {
      return "1";
    }
    return runs.stream().filter(c -> c.scenario().equals(r.scenario()) && c.monitor().startsWith("certspotter"))
        .findFirst().map(c -> String.format("wall %s%.2f×, CPU %.2f×, RSS %.1f×", r.failure() == null ? "" : "> ",
            r.wall() / c.wall(), r.cpu() / c.cpu(), r.rssMb() / c.rssMb())).orElse("-");
  }

  /**
   * ctmon as the README starts it, with only the variables a local log from its start needs: the
   * list is a file (so no signature is looked for) and the test log's entries are {@code usable}
   * (so {@code logs.includeTestLogs} is not needed). Inherited {@code CTMON_*} variables are unset.
   */
  private static Run ctmon(String scenario, String label, String javaOpts, Served log, Path work, int watchItems)
      throws Exception {
    prebuild();
    Path run = work.resolve(label.replaceAll("[^A-Za-z0-9.-]+", "_"));
    for (int n = 2; Files.exists(run); n++) {
      run = work.resolve(label.replaceAll("[^A-Za-z0-9.-]+", "_") + "-" + n); // a repeat starts from an empty database
    }
    Files.createDirectories(run);
    int port = freePort();
    // env -C: the launcher runs in the run's folder, so no ./ctmon.yaml or ./data of the checkout is used.
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "-C", run.toString()));
    System.getenv().keySet().stream().filter(k -> k.startsWith("CTMON_")).sorted().forEach(k -> cmd.addAll(List.of("-u", k)));
    cmd.addAll(List.of("CTMON_LOGS_LIST=" + log.list(), "CTMON_LOGS_START_AT=beginning",
        "CTMON_DATABASE_URL=jdbc:h2:file:" + run.resolve("ctmon"), "CTMON_HTTP_PORT=" + port, "CTMON_HTTP_BIND=127.0.0.1"));
    if (!javaOpts.isEmpty()) {
      cmd.add("CTMON_JAVA_OPTS=" + javaOpts);
    }
    if (watchItems > 0) {
      BenchWatchLists.importInto(new ArrayList<>(cmd), LAUNCHER, run, watchItems);
    }
    cmd.add(LAUNCHER.toString());
    Duration logCpu = log.cpu();
    MeasuredProcess p = MeasuredProcess.start(cmd, run.resolve("time"), run.resolve("out"), run.resolve("err"));
    URI api = URI.create("http://127.0.0.1:" + port + "/api/v1/logs");
    Progress seen = new Progress(p.startNanos + TimeUnit.SECONDS.toNanos(30));
    Eventually.holds(LIMIT.minusNanos(System.nanoTime() - p.startNanos), Duration.ofMillis(100), () -> {
      Optional<JsonNode> body = get(api);
      if (body.isPresent()) {
        seen.firstAnswer = seen.firstAnswer < 0 ? System.nanoTime() : seen.firstAnswer;
        for (JsonNode l : body.get().path("logs")) {
          seen.last = l.path("url").asText().contains("/rfc6962-0/") ? l : seen.last;
        }
        JsonNode last = seen.last;
        if (seen.halfway < 0 && last != null && last.path("position").asLong(-1) >= log.size() / 2) {
          seen.halfway = System.nanoTime();
        }
        seen.done = last != null && last.path("position").asLong(-1) == log.size()
            && last.path("tree_size").asLong(-1) == log.size() && last.path("verified_tree_size").asLong(-1) == log.size();
      }
      if (!seen.done && System.nanoTime() > seen.nextReport) {
        seen.nextReport += TimeUnit.SECONDS.toNanos(30);
        System.out.printf("bench: %s %s: %.0f s, %s%n", scenario, label, (System.nanoTime() - p.startNanos) / 1e9,
            seen.last == null ? "no log in /api/v1/logs yet" : "position " + seen.last.path("position") + " of "
                + log.size() + ", status " + seen.last.path("status") + ", last_error " + seen.last.path("last_error"));
      }
      return seen.done || !p.process.isAlive();
    });
    long end = System.nanoTime();
    long firstAnswer = seen.firstAnswer;
    long halfway = seen.halfway;
    JsonNode last = seen.last;
    boolean done = seen.done;
    boolean exited = !p.process.isAlive();
    p.terminate();
    double wall = (end - p.startNanos) / 1e9;
    String err = Files.readString(run.resolve("err"));
    if (err.contains("ctmon: building")) {
      System.out.println("bench: WARNING: " + label + " at " + scenario + " built the jar inside its timed run"
          + " (sources changed since the build before it): its wall time includes the build");
    }
    double secondHalf = halfway < 0 ? Double.NaN : (end - halfway) / 1e9;
    System.out.printf("bench: %s %s: %s in %.1f s from the start, %.1f s from its first /api/v1/logs answer,"
        + " second half of the log in %.1f s; the test log served it with %.1f CPU s%n", scenario, label,
        done ? "caught up" : "NOT caught up", wall, firstAnswer < 0 ? Double.NaN : (end - firstAnswer) / 1e9,
        secondHalf, log.cpu().minus(logCpu).toNanos() / 1e9);
    System.out.println("bench: " + scenario + " " + label + " last /api/v1/logs entry: " + last);
    if (last != null) {
      System.out.println("bench: " + scenario + " " + label + ": status " + last.path("status") + ", consecutive_failures "
          + last.path("consecutive_failures") + ", last_error " + last.path("last_error") + ", fetch " + last.path("fetch"));
    }
    if (watchItems > 0) {
      System.out.println("bench: " + scenario + " " + label + ": " + BenchWatchLists.matchesIn(run.resolve("ctmon")));
    }
    double[] f = p.figures();
    String failure = done ? null : label + " at " + scenario + " did not catch up " + log.size() + " entries within "
        + LIMIT + (exited ? " (it exited)" : "") + "; last /api/v1/logs entry: " + last + "; its stderr ends:\n" + tail(err);
    return new Run(scenario, label, log.size(), wall, f[0] + f[1], f[2] / 1024,
        firstAnswer < 0 ? Double.NaN : (end - firstAnswer) / 1e9, secondHalf, failure);
  }

  /** certspotter with its defaults (a watch list is required: a few names of the seeded mix). */
  private static Run certspotter(String scenario, Path binary, Served log, Path work) throws Exception {
    Path state = work.resolve("certspotter-state");
    Path watch = Files.writeString(work.resolve("watchlist"), String.join("\n", WATCH) + "\n");
    List<String> cmd = List.of(binary.toString(), "-logs", log.list().toString(), "-watchlist", watch.toString(),
        "-state_dir", state.toString(), "-start_at_end=false", "-stdout");
    Duration logCpu = log.cpu();
    MeasuredProcess p = MeasuredProcess.start(cmd, work.resolve("certspotter.time"), work.resolve("certspotter.out"),
        work.resolve("certspotter.err"));
    boolean[] verified = {false};
    Eventually.holds(LIMIT.minusNanos(System.nanoTime() - p.startNanos), Duration.ofMillis(100), () -> {
      verified[0] = Certspotter.verifiedPositions(state).values().stream().anyMatch(v -> v >= log.size());
      return verified[0] || !p.process.isAlive();
    });
    boolean done = verified[0];
    double wall = (System.nanoTime() - p.startNanos) / 1e9;
    p.terminate();
    System.out.printf("bench: %s certspotter: %s in %.1f s, %d certificates saved; the test log served it with %.1f CPU s%n",
        scenario, done ? "verified" : "NOT verified", wall, Certspotter.found(state).size(),
        log.cpu().minus(logCpu).toNanos() / 1e9);
    double[] f = p.figures();
    String failure = done ? null : "certspotter at " + scenario + " did not verify " + log.size() + " entries within "
        + LIMIT + "; its stderr ends:\n" + tail(Files.readString(work.resolve("certspotter.err")));
    return new Run(scenario, "certspotter 0.16", log.size(), wall, f[0] + f[1], f[2] / 1024, wall, Double.NaN, failure);
  }

  /** {@code ./ctmon --version}, untimed: the launcher builds the jar here when it is missing or stale. */
  private static void prebuild() throws Exception {
    Path out = Files.createTempFile("ctmon-version", ".out");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(LAUNCHER.toString(), "--version").redirectErrorStream(true).redirectOutput(out.toFile())
        .start();
    boolean exited = p.waitFor(20, TimeUnit.MINUTES);
    String text = Files.readString(out);
    Files.delete(out);
    assertTrue(exited && p.exitValue() == 0, () -> "error building or running " + LAUNCHER + " --version:\n" + tail(text));
    System.out.printf("bench: %s --version in %.1f s: %s%n", LAUNCHER, (System.nanoTime() - t0) / 1e9, tail(text).trim());
  }

  private static Optional<JsonNode> get(URI uri) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String tail(String text) {
    List<String> l = text.lines().toList();
    return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
  }

  /**
   * One RFC 6962 test log in its own JVM ({@code TestLogMain}, entries cached across runs), and a
   * log list file with only it. Closing stops it.
   */
  /** What ctmon's /api/v1/logs said of the benchmark's log so far. */
  private static final class Progress {
    long firstAnswer = -1;
    long halfway = -1;
    long nextReport;
    JsonNode last;
    boolean done;

    Progress(long firstReport) {
      this.nextReport = firstReport;
    }
  }

  private record Served(Process process, Path list, long size) implements AutoCloseable {
    static Served start(Scenario s, long entries, Path work) throws Exception {
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      String xmx = System.getProperty("ctmon.bench.testlogXmx", "");
      if (!xmx.isEmpty()) {
        cmd.add("-Xmx" + xmx);
      }
      Path cache = Files.createDirectories(Path.of(System.getProperty("ctmon.bench.cache", "/tmp/ctmon-bench-cache")));
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.ctmon.testlog.TestLogMain", "--entries",
          Long.toString(entries), "--logs", "rfc6962", "--batch", Integer.toString(s.batch()), "--cache", cache.toString()));
      s.faults().forEach(f -> cmd.addAll(List.of("--fault", f)));
      Path err = work.resolve("testlog.err");
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long size = -1;
        String listUrl = null;
        for (String line = out.readLine(); line != null; line = listUrl == null ? out.readLine() : null) {
          System.out.println("bench: " + s.name() + " " + line);
          Matcher m = Pattern.compile("rfc6962-0 \\((\\d+) entries\\)").matcher(line);
          size = m.find() ? Long.parseLong(m.group(1)) : size;
          listUrl = line.startsWith("testlog: log list ") ? line.substring("testlog: log list ".length()).trim() : null;
        }
        String why = Files.readString(err);
        assertTrue(listUrl != null && size > 0, () -> "the test log did not start: " + why);
        System.out.printf("bench: %s: %d entries, pages of at most %d, faults %s%n", s.name(), size, s.batch(), s.faults());
        JsonNode root = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(listUrl)).build(),
            HttpResponse.BodyHandlers.ofString()).body());
        root.path("operators").forEach(op -> ((ObjectNode) op).remove("tiled_logs"));
        Path list = Files.writeString(work.resolve("log_list.json"), root.toPrettyString());
        return new Served(p, list, size);
      } catch (Exception | AssertionError e) {
        p.destroy();
        throw e;
      }
    }

    /** The CPU the test log has used so far: on 2 cores it competes with the monitor. */
    Duration cpu() {
      return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor();
    }
  }
}
