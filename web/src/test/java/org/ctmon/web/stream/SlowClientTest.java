package org.ctmon.web.stream;

import static org.ctmon.web.stream.StreamFixture.await;
import static org.ctmon.web.stream.StreamFixture.batch;
import static org.ctmon.web.stream.StreamFixture.issuance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.store.ingest.IngestBatch;
import org.junit.jupiter.api.Test;

final class SlowClientTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void aClientThatNeverReadsIsDroppedWhileAFastOneKeepsReceivingAndPublishingNeverWaits() throws Exception {
    try (StreamFixture f = new StreamFixture(new CertstreamHub(Clock.systemUTC(), 64, 32, 30_000));
         Socket slow = neverReadingClient(f.server.port(), "/certstream/full-stream")) {
      StreamFixture.Recorder fast = StreamFixture.Recorder.connect(f.ws("/certstream/full-stream"));
      await(() -> f.hub.clients() == 2, WAIT, "two clients");

      // Large updates (2,000 names each) fill the slow client's socket buffers quickly.
      List<String> names = new ArrayList<>();
      for (int n = 0; n < 2000; n++) {
        names.add("name-" + n + ".lots-of-names.example");
      }
      long worstPublishNanos = 0;
      long index = 0;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (f.hub.droppedClients() == 0) {
        assertTrue(System.nanoTime() < deadline, "the slow client was never dropped");
        IngestBatch b = batch(index, List.of(issuance("big" + index, false, names)));
        long t = System.nanoTime();
        f.hub.published(b, StreamFixture.SOURCE);
        worstPublishNanos = Math.max(worstPublishNanos, System.nanoTime() - t);
        index++;
        if (index % 16 == 0) {
          // Let the fast client drain, as a real one does between commits.
          long sent = index;
          await(() -> f.hub.messages() + f.hub.droppedBatches() >= sent, WAIT, "the hub to catch up");
        }
      }
      System.out.printf("certstream: slow client dropped after %d updates; worst published() %.3f ms%n",
          index, worstPublishNanos / 1e6);
      assertEquals(1, f.hub.clients());
      assertTrue(worstPublishNanos < Duration.ofMillis(100).toNanos(),
          "published() took " + worstPublishNanos / 1e6 + " ms");

      fast.messages.clear();
      f.hub.published(batch(1_000_000, List.of(issuance("marker", false, List.of("marker.example")))),
          StreamFixture.SOURCE);
      long markerSeen = 0;
      while (markerSeen == 0) {
        if (fast.next(WAIT).text().contains("marker.example")) {
          markerSeen = 1;
        }
      }
      assertEquals(null, fast.closeCode, "the fast client stays connected");
      fast.close();
    }
  }

  @Test
  void aFullHubQueueDropsBatchesInsteadOfBlocking() throws Exception {
    CertstreamHub hub = new CertstreamHub(Clock.systemUTC(), 1, 32, 30_000);
    try {
      for (int i = 0; i < 10_000; i++) {
        hub.published(batch(i, List.of(issuance("q" + i, false, List.of("q.example")))), StreamFixture.SOURCE);
      }
      assertTrue(hub.droppedBatches() > 0, "no batch dropped");
      assertEquals(10_000, hub.droppedBatches() + countedLater(hub));
    } finally {
      hub.close();
    }
  }

  private static long countedLater(CertstreamHub hub) throws Exception {
    await(() -> hub.messages() + hub.droppedBatches() == 10_000, Duration.ofSeconds(10), "every batch accounted");
    return hub.messages();
  }

  /** A WebSocket handshake by hand on a socket with a tiny receive buffer, never read again. */
  private static Socket neverReadingClient(int port, String path) throws Exception {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress("127.0.0.1", port));
    OutputStream out = s.getOutputStream();
    out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }
}
