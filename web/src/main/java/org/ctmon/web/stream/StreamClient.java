package org.ctmon.web.stream;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One connected WebSocket client with a bounded number of messages in flight. Sends are
 * asynchronous; a client with {@code limit} messages not yet written to its socket is too slow
 * and is closed (1008, with a reason), then cut off if even the close frame cannot get through.
 * {@link #offer} never blocks. Thread-safe.
 */
final class StreamClient {
  /** The close code for a client that cannot keep up: policy violation, as certstream-server-go. */
  static final int TOO_SLOW = 1008;

  private final Session session;
  private final StreamKind kind;
  private final int limit;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicBoolean dropped = new AtomicBoolean();

  StreamClient(Session session, StreamKind kind, int limit) {
    this.session = session;
    this.kind = kind;
    this.limit = limit;
  }

  StreamKind kind() {
    return kind;
  }

  /**
   * Queues {@code text} for sending; returns {@code false} when the client was too far behind
   * (it is then being closed, and must be forgotten by the caller).
   */
  boolean offer(String text, ScheduledExecutorService timer) {
    if (dropped.get()) {
      return false;
    }
    if (inFlight.incrementAndGet() > limit) {
      drop(timer);
      return false;
    }
    session.sendText(text, Callback.from(inFlight::decrementAndGet, failure -> inFlight.decrementAndGet()));
    return true;
  }

  private void drop(ScheduledExecutorService timer) {
    if (!dropped.compareAndSet(false, true)) {
      return;
    }
    session.close(TOO_SLOW, "ctmon: client too slow, " + limit + " messages behind; reconnect", Callback.NOOP);
    // The close frame waits behind the unread ones: give it a moment, then cut the connection.
    timer.schedule(() -> {
      if (session.isOpen()) {
        session.disconnect();
      }
    }, 2, TimeUnit.SECONDS);
  }
}
