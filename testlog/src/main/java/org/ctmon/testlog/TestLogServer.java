package org.ctmon.testlog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.SignedCheckpoint;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.fault.LaterFault;
import org.ctmon.testlog.http.Reply;
import org.ctmon.testlog.http.Request;
import org.ctmon.testlog.log.EntryCache;
import org.ctmon.testlog.log.IssuanceFeed;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.loglist.LogListJson;
import org.ctmon.testlog.pki.CertificateAuthority;
import org.ctmon.testlog.pki.IssuanceStream;
import org.ctmon.testlog.pki.TestIssuance;
import org.ctmon.testlog.pki.TestLogKey;
import org.ctmon.testlog.pki.TestPki;
import org.ctmon.testlog.rfc6962.Rfc6962Api;
import org.ctmon.testlog.tiles.StaticApi;

/**
 * Test CT logs served over real HTTP on 127.0.0.1, each under its own prefix {@code
 * http://127.0.0.1:PORT/<name>/}, and their Chrome v3 log list at {@code /log_list.json}.
 *
 * <pre>
 *   IssuanceStream ─> IssuanceFeed ─> TestLog (entries, MerkleTree, signed heads, Faults)
 *                                        │
 *   HTTP ─> transport faults (delay, 429, 5xx) ─┬─ ct/v1/*          Rfc6962Api
 *                                               └─ checkpoint, tile/*, issuer/*   StaticApi
 * </pre>
 *
 * <p>{@link #start} fills every log to {@link TestLogOptions#entries()}, publishes, and starts
 * answering; with a grow rate, a scheduler appends and publishes every second. Tests that need
 * determinism leave the rate at 0 and call {@link #grow(int)} and {@link #publish()}. A static log's
 * checkpoint origin is its prefix without the scheme: {@code 127.0.0.1:PORT/<name>}. Thread-safe;
 * {@link #close()} stops the server and the scheduler.
 */
public final class TestLogServer implements AutoCloseable {
  private final TestLogOptions options;
  private final TestPki pki;
  private final Clock clock;
  private final Map<String, TestLog> logs = new LinkedHashMap<>();
  /** Requests served, by log name and path without query ("rfc6962-0 ct/v1/get-entries"). */
  private final Map<String, LongAdder> served = new ConcurrentHashMap<>();
  private final IssuanceFeed feed;
  private final Rfc6962Api rfc6962;
  private final StaticApi staticApi;
  private final HttpServer http;
  private final ExecutorService workers;
  /**
   * How far behind the clock grown issuances are stamped: their final certificates are logged 2 s
   * after the request (the feed's final delay), and every entry must be older than the head that
   * covers it.
   */
  private static final Duration LIVE_LAG = Duration.ofSeconds(3);
  private final ScheduledExecutorService grower;
  private final String baseUrl;

  private TestLogServer(TestLogOptions options, TestPki pki, Clock clock) throws IOException {
    this.options = options;
    this.pki = pki;
    this.clock = clock;
    Map<Sha256, Der> issuers = new LinkedHashMap<>();
    for (CertificateAuthority ca : pki.all()) {
      issuers.put(ca.certificate().sha256(), ca.certificate());
    }
    List<Der> roots = pki.roots().stream().map(CertificateAuthority::certificate).toList();
    List<TestLogKey> keys = new ArrayList<>();
    for (int i = 0; i < options.protocols().size(); i++) {
      LogProtocol p = options.protocols().get(i);
      String name = (p == LogProtocol.RFC6962 ? "rfc6962-" : "static-") + i;
      TestLogKey key = TestLogKey.fromSeed(options.seed(), name);
      keys.add(key);
      TestLog log = new TestLog(name, key, p, clock, roots, issuers);
      options.faults().forEach(log.faults()::add);
      logs.put(name, log);
    }
    // Certificates issued over the past (about 1.5 s apart), so the initial ones look recent.
    Instant start = clock.instant().truncatedTo(ChronoUnit.DAYS).minusSeconds(options.entries() * 3 / 2 + 86400);
    IssuanceStream stream = new IssuanceStream(pki, keys, options.seed(), start, options.caWeights());
    this.feed = new IssuanceFeed(pki, stream, List.copyOf(logs.values()));
    fill(options, stream);
    publish();
    this.rfc6962 = new Rfc6962Api(options.batchCap());
    this.staticApi = new StaticApi(options.gzip(), options.deletePartialTiles());
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "testlog-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
    http.createContext("/", this::exchange);
    http.setExecutor(workers);
    http.start();
    this.baseUrl = "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    this.grower = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "testlog-grow");
      t.setDaemon(true);
      return t;
    });
    if (options.growRate() > 0) {
      // Grown entries are logged now, not on from where the generated history stopped.
      stream.keepUpWith(clock, LIVE_LAG);
      grower.scheduleAtFixedRate(new Growth(options.growRate()), 1, 1, TimeUnit.SECONDS);
    }
    for (LaterFault later : options.laterFaults()) {
      grower.schedule(() -> logs.values().forEach(l -> l.faults().add(later.fault())), later.after().toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  private void fill(TestLogOptions options, IssuanceStream stream) {
    if (options.cacheDir().isEmpty() || options.entries() == 0) {
      feed.fillTo(options.entries());
      return;
    }
    Path file = options.cacheDir().get().resolve(cacheName(options));
    List<TestLog> all = List.copyOf(logs.values());
    if (Files.isRegularFile(file)) {
      feed.skip(EntryCache.read(file, all));
      feed.fillTo(options.entries());
    } else {
      feed.fillTo(options.entries());
      EntryCache.write(file, all, feed.issued());
    }
  }

  /** The cache file name: a hash of everything that determines the initial entries. */
  private static String cacheName(TestLogOptions o) {
    String key = "v2|" + o.seed() + "|" + o.entries() + "|" + o.protocols() + "|" + new TreeMap<>(o.caWeights())
        + "|" + o.faults().stream().filter(f -> f instanceof Fault.DamagedEntries).toList();
    return "testlog-" + o.entries() + "-" + Sha256.of(key.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16) + ".bin";
  }

  /** Starts logs and server with a fresh PKI (a few seconds of RSA key generation) and the UTC system clock. */
  public static TestLogServer start(TestLogOptions options) {
    return start(options, TestPki.create(options.seed()), Clock.systemUTC());
  }

  /** Starts logs and server issuing from {@code pki} (whose seed should be the options') with {@code clock}. */
  public static TestLogServer start(TestLogOptions options, TestPki pki, Clock clock) {
    try {
      return new TestLogServer(options, pki, clock);
    } catch (IOException e) {
      throw new CtmonException("error starting the test log server on 127.0.0.1:" + options.port(), e);
    }
  }

  /** The options started with. */
  public TestLogOptions options() {
    return options;
  }

  /** The PKI issuing the entries. */
  public TestPki pki() {
    return pki;
  }

  /** The port listened on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT/}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The logs, in the order of {@link TestLogOptions#protocols()}. */
  public List<TestLog> logs() {
    return List.copyOf(logs.values());
  }

  /** The log called {@code name}. */
  public TestLog log(String name) {
    TestLog log = logs.get(name);
    if (log == null) {
      throw new IllegalArgumentException("no test log named " + name + "; known: " + logs.keySet());
    }
    return log;
  }

  /** The log's URL prefix, {@code http://127.0.0.1:PORT/<name>/} (RFC 6962 url; static submission and monitoring url). */
  public String prefix(TestLog log) {
    return baseUrl + log.name() + "/";
  }

  /** A static log's checkpoint origin: {@code 127.0.0.1:PORT/<name>}. */
  public String origin(TestLog log) {
    return SignedCheckpoint.originOf(prefix(log));
  }

  /**
   * How many requests for {@code path} (without its query, e.g. {@code ct/v1/get-entries}) the
   * log named {@code logName} has received, faults included: lets a test see how a client fetched.
   */
  public long requests(String logName, String path) {
    var n = served.get(logName + " " + path);
    return n == null ? 0 : n.sum();
  }

  /** {@code http://127.0.0.1:PORT/log_list.json}. */
  public String logListUrl() {
    return baseUrl + "log_list.json";
  }

  /** The Chrome v3 log list of the running logs. */
  public String logListJson() {
    List<LogListJson.Listed> listed = logs.values().stream().map(l -> new LogListJson.Listed(l, prefix(l))).toList();
    return LogListJson.of(listed, clock.instant());
  }

  /**
   * Writes {@link #logListJson()} to {@code file} and returns it: certspotter's {@code -logs} reads
   * a file, or fetches only {@code https://} URLs, so it cannot take {@link #logListUrl()}.
   */
  public Path writeLogList(Path file) {
    try {
      Files.writeString(file, logListJson());
      return file;
    } catch (IOException e) {
      throw new CtmonException("error writing the log list to " + file, e);
    }
  }

  /** The feed that logs issuances into the logs (for hand-made issuances: {@link IssuanceFeed#log}). */
  public IssuanceFeed feed() {
    return feed;
  }

  /** Issues {@code issuances} more issuances into the logs; visible after {@link #publish()}. */
  public List<TestIssuance> grow(int issuances) {
    return feed.issue(issuances);
  }

  /** Publishes a new head on every log, covering everything appended. */
  public void publish() {
    logs.values().forEach(TestLog::publish);
  }

  @Override
  public void close() {
    grower.shutdownNow();
    http.stop(0);
    workers.shutdownNow();
  }

  private void exchange(HttpExchange ex) {
    try (ex) {
      Reply reply;
      try {
        reply = route(ex);
      } catch (RuntimeException e) {
        reply = Reply.text(500, "internal error serving " + ex.getRequestURI() + ": " + e + "\n");
      }
      send(ex, reply);
    } catch (IOException e) {
      // The client went away; nothing to answer.
    }
  }

  private Reply route(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    if (path.equals("/log_list.json")) {
      return Reply.json(logListJson());
    }
    int slash = path.indexOf('/', 1);
    TestLog log = slash < 0 ? null : logs.get(path.substring(1, slash));
    if (log == null) {
      return Reply.text(404, "no test log at " + path + "; logs: " + logs.keySet() + "\n");
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    Request request = new Request(ex.getRequestMethod(), path.substring(slash + 1), ex.getRequestURI().getRawQuery(), body);
    served.computeIfAbsent(log.name() + " " + request.path(), k -> new LongAdder()).increment();
    Duration delay = log.faults().delay();
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Optional<Reply> fault = log.faults().onRequest(clock.instant());
    if (fault.isPresent()) {
      return fault.get();
    }
    if (request.path().startsWith("ct/v1/")) {
      return rfc6962.handle(log, request);
    }
    if (log.protocol() == LogProtocol.STATIC) {
      return staticApi.handle(log, origin(log), request);
    }
    return Reply.text(404, "no resource " + request.path() + " in rfc 6962 log " + log.name() + "\n");
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    ex.getResponseHeaders().set("Content-Type", reply.contentType());
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    byte[] body = reply.body();
    ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** One growth tick per run: issue until every log has grown by the rate per tick since the start, then publish. */
  final class Growth implements Runnable {
    private final double perTick;
    private double target = logs.values().stream().mapToLong(TestLog::appendedSize).min().orElse(0);

    Growth(double perTick) {
      this.perTick = perTick;
    }

    @Override
    public void run() {
      try {
        target += perTick;
        feed.fillTo((long) target, 1);
        publish();
      } catch (RuntimeException e) {
        // A scheduled task that throws is never run again; report and keep growing.
        System.err.println("testlog: error growing the logs: " + e);
      }
    }
  }
}
