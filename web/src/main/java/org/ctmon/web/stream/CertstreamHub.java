package org.ctmon.web.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ctmon.store.ingest.IngestBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certstream-compatible live stream: committed batches in, certstream messages out to every
 * connected WebSocket client.
 *
 * <pre>
 * follower thread ──published()──> bounded queue ──dispatcher thread──> per-client bounded sends
 *   (returns at once;               (full: batch dropped, counted)       (full: client closed 1008)
 *    never blocks ingest)                 └──> last 25 messages: /latest.json, /example.json
 * </pre>
 *
 * <p>Every 30 s each client gets {@code {"message_type":"heartbeat","timestamp":<seconds>}} and
 * WebSocket pings every 15 s; clients need not ping. Thread-safe; {@link #close} stops the
 * threads and disconnects no one (the web server does that when it stops).
 */
public final class CertstreamHub implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CertstreamHub.class);
  /** How many messages {@code /latest.json} holds, as certstream's. */
  static final int LATEST = 25;

  private record Pending(IngestBatch batch, LogSource source, double seenSeconds) {}

  private final Clock clock;
  private final int clientLimit;
  private final CertificateUpdates updates = new CertificateUpdates(new ObjectMapper());
  private final BlockingQueue<Pending> incoming;
  private final Map<String, StreamClient> clients = new ConcurrentHashMap<>();
  private final ArrayDeque<String> latest = new ArrayDeque<>(LATEST);
  private final AtomicLong droppedBatches = new AtomicLong();
  private final AtomicLong droppedClients = new AtomicLong();
  private final AtomicLong messages = new AtomicLong();
  private final ScheduledExecutorService timer;
  private final Thread dispatcher;

  /** A hub with certstream's defaults: 1,024 batches queued, 500 messages in flight per client. */
  public CertstreamHub(Clock clock) {
    this(clock, 1024, 500, 30_000);
  }

  CertstreamHub(Clock clock, int queuedBatches, int clientLimit, long heartbeatMillis) {
    this.clock = clock;
    this.clientLimit = clientLimit;
    this.incoming = new ArrayBlockingQueue<>(queuedBatches);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "certstream-timer"));
    this.timer.scheduleAtFixedRate(this::heartbeat, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
    this.dispatcher = daemon(this::dispatch, "certstream-dispatcher");
    this.dispatcher.start();
  }

  /**
   * Streams the entries of a committed batch. Call it after the commit, for new entries only (not
   * on replay). Returns at once: when the hub is too far behind the batch is dropped and counted
   * in {@link #droppedBatches()}, so the stream may miss entries but ingest never waits.
   */
  public void published(IngestBatch batch, LogSource source) {
    if (batch.entries().isEmpty()) {
      return;
    }
    if (!incoming.offer(new Pending(batch, source, clock.millis() / 1000.0))) {
      droppedBatches.incrementAndGet();
    }
  }

  /**
   * Registers the WebSockets {@code /certstream}, {@code /certstream/full-stream},
   * {@code /certstream/domains-only} and the plain {@code GET /latest.json} (the last 25 lite
   * updates, newest first, as {@code {"messages": [...]}}) and {@code GET /example.json} (the
   * newest one; 404 before the first).
   */
  public void register(RoutesConfig routes) {
    for (StreamKind kind : StreamKind.values()) {
      routes.ws(kind.path(), ws -> socket(ws, kind));
    }
    routes.get("/latest.json", this::latestJson);
    routes.get("/example.json", this::exampleJson);
  }

  /** Batches dropped because the hub's queue was full. */
  public long droppedBatches() {
    return droppedBatches.get();
  }

  /** Clients disconnected for falling behind. */
  public long droppedClients() {
    return droppedClients.get();
  }

  /** Certificate updates streamed (one per log entry), whatever the number of clients. */
  public long messages() {
    return messages.get();
  }

  /** Clients connected now. */
  public int clients() {
    return clients.size();
  }

  @Override
  public void close() {
    dispatcher.interrupt();
    timer.shutdownNow();
  }

  private void socket(WsConfig ws, StreamKind kind) {
    ws.onConnect(ctx -> {
      clients.put(ctx.sessionId(), new StreamClient(ctx.session, kind, clientLimit));
      ctx.enableAutomaticPings(15, TimeUnit.SECONDS);
    });
    ws.onClose(ctx -> clients.remove(ctx.sessionId()));
    ws.onError(ctx -> clients.remove(ctx.sessionId()));
  }

  private void dispatch() {
    while (!Thread.currentThread().isInterrupted()) {
      Pending p;
      try {
        p = incoming.take();
      } catch (InterruptedException e) {
        return;
      }
      try {
        // With nobody connected only /latest.json needs messages: encoding every entry three ways
        // (JSON, SHA-1, base64 DER) took CPU from ingest on a busy catch-up.
        int wanted = clients.isEmpty() ? LATEST : Integer.MAX_VALUE;
        messages.addAndGet(p.batch().entries().size());
        for (CertificateUpdates.Encoded e : updates.encode(p.batch(), p.source(), p.seenSeconds(), wanted)) {
          remember(e.lite());
          clients.forEach((id, c) -> send(id, c, switch (c.kind()) {
            case LITE -> e.lite();
            case FULL -> e.full();
            case DOMAINS_ONLY -> e.domainsOnly();
          }));
        }
      } catch (RuntimeException e) {
        LOG.error("error streaming entries {}-{} of {}", p.batch().fromIndex(),
            p.batch().position().nextIndex() - 1, p.source().url(), e);
      }
    }
  }

  private void heartbeat() {
    String beat = "{\"message_type\":\"heartbeat\",\"timestamp\":" + clock.millis() / 1000.0 + "}";
    clients.forEach((id, c) -> send(id, c, beat));
  }

  private void send(String id, StreamClient c, String text) {
    try {
      if (!c.offer(text, timer)) {
        if (clients.remove(id, c)) {
          droppedClients.incrementAndGet();
          LOG.info("certstream client {} on {} dropped: too slow", id, c.kind().path());
        }
      }
    } catch (RuntimeException e) {
      clients.remove(id, c);
      LOG.debug("certstream client {} gone", id, e);
    }
  }

  private void remember(String lite) {
    synchronized (latest) {
      if (latest.size() == LATEST) {
        latest.removeLast();
      }
      latest.addFirst(lite);
    }
  }

  private void latestJson(Context ctx) {
    List<String> copy;
    synchronized (latest) {
      copy = List.copyOf(latest);
    }
    ctx.contentType("application/json").result("{\"messages\":[" + String.join(",", copy) + "]}");
  }

  private void exampleJson(Context ctx) {
    String first;
    synchronized (latest) {
      first = latest.peekFirst();
    }
    if (first == null) {
      ctx.status(404).contentType("application/json").result("{\"error\":\"no certificate streamed yet\"}");
    } else {
      ctx.contentType("application/json").result(first);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
