package org.ctmon.web.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.ctmon.parser.Der;
import org.ctmon.parser.Eventually;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.LogPosition;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.issuance.NameFilters;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;
import org.ctmon.web.api.SearchApi;
import org.ctmon.web.crtsh.CrtShJson;
import org.ctmon.web.serve.WebServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search under load (issue 16, "Speed"): a real server with {@code /api/v1/search} and crt.sh's
 * {@code /json} over an H2 file of {@code ctmon.bench.issuances} issuances (default 1,000,000),
 * and {@code ctmon.bench.clients} client threads (default 50) sending requests back to back for
 * {@code ctmon.bench.seconds} (default 60) after {@code ctmon.bench.warmup} (default 15). Prints
 * p50, p95, p99 and requests/s per kind of request; asserts nothing about speed.
 *
 * <p>Names: issuance {@code i} is for domain {@code i % (n/4)} (so every domain has 4 issuances),
 * with the names {@code D}, {@code www.D} and {@code h<i>.D}; 1% of issuances are instead under
 * {@code hot.example} (10,000 at a million) and 0.1% under {@code warm.example} (1,000). The
 * filled database is kept in {@code ctmon.bench.cache} (default
 * {@code /tmp/ctmon-bench-search-cache}) and reused when it holds the same number of issuances.
 */
@Tag("bench")
final class SearchLoadBenchmark {
  private static final int ISSUANCES = Integer.getInteger("ctmon.bench.issuances", 1_000_000);
  private static final int CLIENTS = Integer.getInteger("ctmon.bench.clients", 50);
  private static final int SECONDS = Integer.getInteger("ctmon.bench.seconds", 60);
  private static final int WARMUP = Integer.getInteger("ctmon.bench.warmup", 15);
  private static final Path CACHE = Path.of(System.getProperty("ctmon.bench.cache", "/tmp/ctmon-bench-search-cache"));
  private static final Sha256 LOG = Sha256.of("search load log".getBytes(StandardCharsets.UTF_8));
  private static final int BATCH = 1024;
  private static final String[] TLDS = {"com", "net", "org", "de", "io", "co.uk", "fr", "nl", "app", "dev"};

  /** The kinds of request, each a share of the mix. */
  private enum Kind {
    SEARCH_EXACT("search q=www.D (exact name, ~4 results)", 30),
    SEARCH_TREE_FEW("search q=.D (name and subdomains, ~4 results)", 25),
    SEARCH_TREE_MANY("search q=.hot.example (10,000 matching, first page of 100)", 10),
    CRTSH_FEW("/json?q=%.D (~4 rows)", 30),
    CRTSH_MANY("/json?q=%.warm.example (1,000 rows)", 5);

    final String label;
    final int weight;

    Kind(String label, int weight) {
      this.label = label;
      this.weight = weight;
    }
  }

  /** Latencies of one client thread, in nanoseconds, per kind. */
  private static final class Samples {
    final long[][] nanos = new long[Kind.values().length][1 << 12];
    final int[] count = new int[Kind.values().length];

    void add(Kind k, long n) {
      int i = k.ordinal();
      if (count[i] == nanos[i].length) {
        nanos[i] = Arrays.copyOf(nanos[i], count[i] * 2);
      }
      nanos[i][count[i]++] = n;
    }
  }

  @Test
  void fiftyClientsSearchAMillionIssuances() throws Exception {
    Path db = filledDatabase();
    int domains = ISSUANCES / 4;
    try (Store store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + db, "", ""))) {
      long t0 = System.nanoTime();
      NameFilters filters = NameFilters.of(store.jdbi()).orElseThrow();
      // As in a monitor running for more than a few seconds.
      Eventually.await(Duration.ofHours(1), Duration.ofMillis(50), filters::built, () -> "name filters never built");
      System.out.printf("bench search: name filters built %.1f s after the store opened%n", (System.nanoTime() - t0) / 1e9);
      Clock clock = Clock.systemUTC();
      SearchApi search = new SearchApi(new IssuanceSearch(store.jdbi()), clock);
      CrtShJson crtSh = new CrtShJson(new IssuanceSearch(store.jdbi()), clock);
      try (WebServer web = new WebServer(routes -> {
        search.register(routes);
        crtSh.register(routes);
      }).start("127.0.0.1", 0)) {
        String base = "http://127.0.0.1:" + web.port();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        System.out.printf("bench search: %,d issuances, %d clients, %d s warm-up, %d s measured, %d cores, %s%n",
            ISSUANCES, CLIENTS, WARMUP, SECONDS, Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        run(http, base, domains, WARMUP, new ArrayList<>());
        List<Samples> samples = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        long failures = run(http, base, domains, SECONDS, samples);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = os.getProcessCpuTime() - cpu0;
        report(samples, elapsed, failures);
        long requests = samples.stream().mapToLong(x -> Arrays.stream(x.count).sum()).sum();
        // CPU per request (server and load generator, one JVM): what the figures above cost, whatever
        // else shares the machine; on a busy machine the latencies also wait for other processes.
        System.out.printf(Locale.ROOT, "bench search: %.2f CPU ms per request (server and clients), %.2f cores busy;"
                + " load average %s%n", cpu / 1e6 / Math.max(1, requests), cpu / 1e9 / elapsed,
            Files.readString(Path.of("/proc/loadavg")).trim());
      }
    }
  }

  /** Runs the clients for {@code seconds}; adds each client's samples; returns the non-200 answers. */
  private static long run(HttpClient http, String base, int domains, int seconds, List<Samples> out)
      throws InterruptedException {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong failures = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(CLIENTS);
    List<Samples> all = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      Samples s = new Samples();
      all.add(s);
      Random random = new Random(c * 7919L + seconds);
      Thread t = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            Kind kind = pick(random);
            URI uri = URI.create(base + path(kind, random, domains));
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
              failures.incrementAndGet();
              firstFailure.compareAndSet(null, uri + " -> " + r.statusCode() + " "
                  + new String(r.body(), StandardCharsets.UTF_8));
            } else {
              s.add(kind, took);
            }
          }
        } catch (IOException | InterruptedException e) {
          failures.incrementAndGet();
          firstFailure.compareAndSet(null, e.toString());
        } finally {
          done.countDown();
        }
      }, "bench-client-" + c);
      t.setDaemon(true);
      t.start();
    }
    done.await();
    out.addAll(all);
    if (firstFailure.get() != null) {
      System.out.println("bench search: first failure: " + firstFailure.get());
    }
    return failures.get();
  }

  private static Kind pick(Random random) {
    int r = random.nextInt(100);
    for (Kind k : Kind.values()) {
      if (r < k.weight) {
        return k;
      }
      r -= k.weight;
    }
    throw new AssertionError("weights add up to 100");
  }

  private static String path(Kind kind, Random random, int domains) {
    String d = domain(random.nextInt(domains));
    switch (kind) {
      case SEARCH_EXACT:
        return "/api/v1/search?q=" + enc("www." + d);
      case SEARCH_TREE_FEW:
        return "/api/v1/search?q=" + enc("." + d);
      case SEARCH_TREE_MANY:
        return "/api/v1/search?q=.hot.example";
      case CRTSH_FEW:
        return "/json?q=" + enc("%." + d);
      case CRTSH_MANY:
        return "/json?q=" + enc("%.warm.example");
      default:
        throw new AssertionError("unknown kind " + kind);
    }
  }

  private static void report(List<Samples> samples, double elapsed, long failures) {
    System.out.printf("bench search: %.1f s measured, %d failed requests%n", elapsed, failures);
    System.out.printf("%-62s %9s %9s %9s %9s %9s%n", "request", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms");
    long total = 0;
    long[] everything = new long[0];
    for (Kind k : Kind.values()) {
      long[] n = merged(samples, k);
      total += n.length;
      everything = concat(everything, n);
      print(k.label, n, elapsed);
    }
    Arrays.sort(everything);
    print("all", everything, elapsed);
    System.out.printf("bench search: %,d requests in %.1f s%n", total, elapsed);
  }

  private static void print(String label, long[] sorted, double elapsed) {
    if (sorted.length == 0) {
      System.out.printf("%-62s %9d%n", label, 0);
      return;
    }
    System.out.printf("%-62s %9d %9.1f %9.1f %9.1f %9.1f%n", label, sorted.length, sorted.length / elapsed,
        pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
  }

  private static long[] merged(List<Samples> samples, Kind k) {
    long[] out = new long[0];
    for (Samples s : samples) {
      out = concat(out, Arrays.copyOf(s.nanos[k.ordinal()], s.count[k.ordinal()]));
    }
    Arrays.sort(out);
    return out;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static double pct(long[] sorted, int p) {
    int i = (int) Math.min(sorted.length - 1, Math.ceil(sorted.length * p / 100.0) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Domain {@code k}: a stable, varied registrable name. */
  static String domain(int k) {
    long h = (k * 0x9E3779B97F4A7C15L) >>> 20;
    return "s" + Long.toString(h % 1_000_000_007L, 36) + "-" + Integer.toString(k, 36) + "." + TLDS[k % TLDS.length];
  }

  /** The cached database, filled first when missing or of another size. */
  private static Path filledDatabase() throws IOException {
    Path db = CACHE.resolve("search");
    Path marker = CACHE.resolve("complete-" + ISSUANCES);
    if (Files.exists(marker)) {
      System.out.printf("bench search: reusing %s (%,d issuances)%n", CACHE, ISSUANCES);
      return db;
    }
    if (Files.exists(CACHE)) {
      try (var files = Files.walk(CACHE)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(CACHE);
    long start = System.nanoTime();
    try (Store store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + db, "", ""))) {
      Clock clock = Clock.systemUTC();
      new Logs(store.jdbi(), clock).register(new LogSpec(LOG, Der.of(new byte[] {0x30, 0x00}), "Search Load Log",
          "Bench Operator", LogKind.RFC6962, "https://search-load.example/", null, "usable", 86400));
      Ingest ingest = new Ingest(store.jdbi(), clock, false);
      Instant t0 = clock.instant().minus(Duration.ofDays(80));
      int domains = ISSUANCES / 4;
      for (int from = 0; from < ISSUANCES; from += BATCH) {
        int n = Math.min(BATCH, ISSUANCES - from);
        List<Issuance> batch = new ArrayList<>(n);
        List<LogEntryRecord> entries = new ArrayList<>(n);
        for (int i = from; i < from + n; i++) {
          Issuance is = issuance(i, domains, t0);
          batch.add(is);
          entries.add(new LogEntryRecord(i, is.precert() ? EntryType.PRECERT : EntryType.X509,
              t0.toEpochMilli() + i * 6L, is.tbsSha256()));
        }
        LogPosition position = new LogPosition(from + n,
            OpaqueBytes.of(("range " + (from + n)).getBytes(StandardCharsets.UTF_8)),
            Sha256.of(("root " + (from + n)).getBytes(StandardCharsets.UTF_8)));
        ingest.commit(new IngestBatch(LOG, from, batch, entries, List.of(), position, Optional.empty()));
        if ((from / BATCH) % 100 == 0) {
          System.out.printf("bench search: %,d issuances stored, %.0f s%n", from + n,
              (System.nanoTime() - start) / 1e9);
        }
      }
    }
    double took = (System.nanoTime() - start) / 1e9;
    System.out.printf("bench search: filled %s with %,d issuances in %.0f s (%.0f/s)%n", CACHE, ISSUANCES, took,
        ISSUANCES / took);
    Files.writeString(marker, "filled in " + Math.round(took) + " s\n");
    return db;
  }

  private static Issuance issuance(int i, int domains, Instant t0) {
    String domain;
    if (i % 100 == 17) {
      domain = "hot.example";
    } else if (i % 1000 == 3) {
      domain = "warm.example";
    } else {
      domain = domain(i % domains);
    }
    List<String> names = List.of(domain, "www." + domain, "h" + Integer.toString(i, 36) + "." + domain);
    Sha256 tbs = Sha256.of(("search load " + i).getBytes(StandardCharsets.UTF_8));
    // Logged every 6 ms over the last 80 days with 90 days of validity: about one in nine expired.
    Instant notBefore = t0.plusMillis(i * 6L).minus(Duration.ofDays(15));
    boolean precert = i % 2 == 0;
    return new Issuance(tbs, Sha256.of(tbs.bytes()), "CN=R11,O=Let's Encrypt,C=US", "R11", "Let's Encrypt",
        "CN=" + names.get(0), Long.toHexString(i * 0x9E3779B97F4A7C15L), notBefore, notBefore.plus(Duration.ofDays(90)),
        Sha256.of(("spki " + i).getBytes(StandardCharsets.UTF_8)), i % 3 == 0 ? "EC-P256" : "RSA-2048", false, precert,
        names, List.of(), null);
  }
}
