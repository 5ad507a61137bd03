package org.ctmon.alerts.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.ctmon.parser.Eventually;

/**
 * A real webhook receiver on 127.0.0.1 for tests: answers with a script of responses (the last
 * one repeats), records every request, and can stop accepting connections and come back.
 */
public final class TestReceiver implements AutoCloseable {
  /** A request as received. */
  public record Received(Map<String, List<String>> headers, byte[] body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  /** A scripted response. */
  public record Reply(int status, Map<String, String> headers, byte[] body) {
    public static Reply of(int status) {
      return new Reply(status, Map.of(), new byte[0]);
    }
  }

  private final Deque<Reply> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private int port;

  public TestReceiver(Reply... replies) {
    script.addAll(List.of(replies.length == 0 ? new Reply[] {Reply.of(200)} : replies));
    start(0);
  }

  private void start(int onPort) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the test receiver", e);
    }
    server.createContext("/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
      Reply r;
      synchronized (script) {
        r = script.size() > 1 ? script.poll() : script.peek();
      }
      r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      exchange.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(r.body());
      }
    });
    server.start();
    port = server.getAddress().getPort();
  }

  /** The URL of a path on this receiver, e.g. {@code /hook}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public int port() {
    return port;
  }

  public List<Received> received() {
    return received;
  }

  /** Stops listening: connections are refused until {@link #up()}. */
  public void down() {
    server.stop(0);
  }

  /** Listens again on the same port. */
  public void up() {
    start(port);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Waits (polling, at most 10 s) until the condition holds. */
  public static void await(String what, BooleanSupplier condition) throws Exception {
    Eventually.await(Duration.ofSeconds(10), Duration.ofMillis(2), condition::getAsBoolean,
        () -> "timed out waiting until " + what);
  }
}
