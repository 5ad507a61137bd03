package org.ctmon.fetcher.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP/1.1 server on 127.0.0.1 that answers one request with 200 and a chunked body that
 * never ends (until the client hangs up). A client that buffered the body before checking its size
 * would never return; one that counts while reading fails at its cap.
 */
final class EndlessBodyServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;
  private final AtomicLong bytesWritten = new AtomicLong();

  EndlessBodyServer() throws IOException {
    socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    thread = new Thread(this::serve, "endless-body-server");
    thread.setDaemon(true);
    thread.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
  }

  long bytesWritten() {
    return bytesWritten.get();
  }

  private void serve() {
    try (Socket s = socket.accept()) {
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        // request line and headers
      }
      OutputStream out = s.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'a');
      byte[] header = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
      while (true) {
        out.write(header);
        out.write(chunk);
        out.write(crlf);
        bytesWritten.addAndGet(chunk.length);
      }
    } catch (IOException e) {
      // the client hung up, or the server was closed
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
