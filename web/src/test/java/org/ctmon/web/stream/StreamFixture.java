package org.ctmon.web.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.ctmon.parser.Der;
import org.ctmon.parser.Eventually;
import org.ctmon.parser.Sha256;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.web.serve.WebServer;

/** Test fixture: a real ctmon web server with a hub's routes, batches, and a recording client. */
final class StreamFixture implements AutoCloseable {
  static final LogSource SOURCE = new LogSource("Test 'Argon' log", "https://ct.example/logs/argon/", false);

  final CertstreamHub hub;
  final WebServer server;

  StreamFixture(CertstreamHub hub) {
    this.hub = hub;
    this.server = new WebServer(hub::register).start("127.0.0.1", 0);
  }

  static StreamFixture withDefaults() {
    return new StreamFixture(new CertstreamHub(Clock.systemUTC()));
  }

  URI ws(String path) {
    return URI.create("ws://127.0.0.1:" + server.port() + path);
  }

  URI http(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  @Override
  public void close() {
    server.close();
    hub.close();
  }

  static Sha256 sha(String s) {
    return Sha256.of(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A certificate or precertificate for {@code names}, with a DER of recognizable bytes. */
  static Issuance issuance(String seed, boolean precert, List<String> names) {
    byte[] der = ((precert ? "precert der " : "cert der ") + seed).getBytes(StandardCharsets.UTF_8);
    return new Issuance(sha("tbs " + seed), Sha256.of(der), "CN=R11,O=Let's Encrypt,C=US", "R11", "Let's Encrypt",
        "CN=" + names.get(0), "04a1b2c3d4e5f6", Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-04-01T00:00:00Z"), sha("spki " + seed), "EC-P256", false, precert, names, List.of(),
        Der.of(der));
  }

  /** A batch of {@code issuances} at consecutive indexes from {@code from}. */
  static IngestBatch batch(long from, List<Issuance> issuances) {
    return TestIssuances.batch(sha("log"), from, issuances);
  }

  /** Waits for {@code condition}, failing after {@code timeout}. */
  static void await(BooleanSupplier condition, Duration timeout, String what) throws Exception {
    Eventually.await(timeout, Duration.ofMillis(10), condition::getAsBoolean,
        () -> "timed out after " + timeout + " waiting for " + what);
  }

  /** A JDK WebSocket client that reads eagerly and keeps every text message with its arrival time. */
  static final class Recorder implements WebSocket.Listener {
    record Received(String text, long nanos) {}

    final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    volatile Integer closeCode;
    WebSocket socket;

    static Recorder connect(URI uri) {
      Recorder r = new Recorder();
      r.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, r).join();
      return r;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(new Received(partial.toString(), System.nanoTime()));
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closeCode = statusCode;
      return null;
    }

    /** The next message that is not a heartbeat. */
    Received next(Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        Received r = messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (r == null) {
          throw new AssertionError("no message within " + timeout);
        }
        if (!r.text().contains("\"heartbeat\"")) {
          return r;
        }
      }
    }

    void close() {
      socket.abort();
    }
  }
}
