package org.ctmon.web.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import org.ctmon.alerts.webhook.WebhookSignature;

/**
 * The demo's webhook receiver on 127.0.0.1: the demo account's webhook points here, so its alerts
 * are delivered, signed, as they would be to a real endpoint. It checks each signature the way a
 * receiver should and keeps the last {@link #KEPT} deliveries, newest first, for {@code GET /}:
 * what a newcomer reads to see what ctmon would send their system.
 */
final class DemoInbox implements AutoCloseable {
  static final int KEPT = 50;
  private static final int MOST_BODY_BYTES = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String secret;
  private final Clock clock;
  private final Deque<ObjectNode> deliveries = new ArrayDeque<>();
  private long received;
  private long valid;

  private DemoInbox(HttpServer server, String secret, Clock clock) {
    this.server = server;
    this.secret = secret;
    this.clock = clock;
  }

  /** Starts the receiver on a free port of 127.0.0.1 with a fresh signing secret. */
  static DemoInbox start(Clock clock, SecureRandom random) {
    byte[] key = new byte[24];
    random.nextBytes(key);
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      DemoInbox inbox = new DemoInbox(server, secret, clock);
      server.createContext("/", inbox::handle);
      server.start();
      return inbox;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo's webhook receiver: " + e.getMessage(), e);
    }
  }

  /** Where the webhook posts, and where the deliveries are shown. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  /** The signing secret the demo account's webhook is created with. */
  String secret() {
    return secret;
  }

  /** How many deliveries arrived. */
  synchronized long received() {
    return received;
  }

  /** How many deliveries carried a valid Standard Webhooks signature. */
  synchronized long validlySigned() {
    return valid;
  }

  /** The deliveries kept, newest first. */
  synchronized ArrayNode kept() {
    ArrayNode a = JSON.createArrayNode();
    deliveries.forEach(a::add);
    return a;
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      if ("POST".equals(x.getRequestMethod())) {
        byte[] body = readAtMost(x.getRequestBody());
        if (body == null) {
          x.sendResponseHeaders(413, -1);
          return;
        }
        record(x, body);
        x.sendResponseHeaders(204, -1);
      } else if ("GET".equals(x.getRequestMethod())) {
        ObjectNode page = JSON.createObjectNode();
        page.put("what", "alerts ctmon delivered to the demo account's webhook, newest first (the last " + KEPT + ")");
        page.put("received", received());
        page.put("validly_signed", validlySigned());
        page.set("deliveries", kept());
        byte[] out = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(page);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(200, out.length);
        x.getResponseBody().write(out);
      } else {
        x.sendResponseHeaders(405, -1);
      }
    }
  }

  private void record(HttpExchange x, byte[] body) {
    String id = x.getRequestHeaders().getFirst("webhook-id");
    boolean ok = WebhookSignature.verify(secret, id, x.getRequestHeaders().getFirst("webhook-timestamp"),
        x.getRequestHeaders().getFirst("webhook-signature"), body, clock.instant(), Duration.ofMinutes(5));
    ObjectNode d = JSON.createObjectNode();
    d.put("received_at", clock.instant().toString());
    d.put("webhook_id", id);
    d.put("signature_valid", ok);
    try {
      d.set("body", JSON.readTree(body));
    } catch (IOException notJson) {
      d.put("body", new String(body, StandardCharsets.UTF_8));
    }
    synchronized (this) {
      received++;
      valid += ok ? 1 : 0;
      deliveries.addFirst(d);
      while (deliveries.size() > KEPT) {
        deliveries.removeLast();
      }
    }
  }

  /** The body, or null when it is larger than {@link #MOST_BODY_BYTES}. */
  private static byte[] readAtMost(InputStream in) throws IOException {
    byte[] b = in.readNBytes(MOST_BODY_BYTES + 1);
    return b.length > MOST_BODY_BYTES ? null : b;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
