package org.ctmon.fetcher.tiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * A MockWebServer dispatcher that serves a static log's files by path, like the bucket or CDN in
 * front of a real static-ct-api log, and answers 404 for anything else.
 */
final class StaticLogFiles extends Dispatcher {
  private final Map<String, MockResponse> files = new HashMap<>();

  /** Serves {@code body} at {@code path} (absolute, e.g. {@code /tile/data/000}). */
  StaticLogFiles put(String path, byte[] body) {
    files.put(path, new MockResponse().setBody(new Buffer().write(body)));
    return this;
  }

  /** Serves {@code body} gzip-compressed at {@code path} with {@code Content-Encoding: gzip}. */
  StaticLogFiles putGzipEncoded(String path, byte[] body) {
    files.put(path, new MockResponse().setBody(new Buffer().write(gzip(body))).setHeader("Content-Encoding", "gzip"));
    return this;
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    MockResponse r = files.get(request.getPath());
    return r != null ? r : new MockResponse().setResponseCode(404).setBody("404 page not found\n");
  }
}
