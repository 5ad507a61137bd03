package org.ctmon.web.serve;

import java.io.IOException;
import java.nio.file.Path;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.ctmon.fetcher.loglist.LogList;
import org.ctmon.fetcher.loglist.LogListException;
import org.ctmon.fetcher.loglist.LogListSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the log list that {@code logs.list} names: {@code bundled} (the snapshot in the jar,
 * signature checked), an http(s) URL, or a file. A URL that cannot be fetched or parsed falls back
 * to the bundled snapshot with a warning, so an offline start still follows every known log; a
 * file that cannot be read is a configuration error, since the operator named it on purpose.
 */
final class LogListLoader {
  private static final Logger LOG = LoggerFactory.getLogger(LogListLoader.class);
  /** A Chrome list is about 100 KB; anything far larger is not a log list. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient http;

  LogListLoader(OkHttpClient http) {
    this.http = http;
  }

  LogList load(String setting) {
    if (setting.equals("bundled")) {
      return LogListSource.bundled().load();
    }
    if (setting.startsWith("http://") || setting.startsWith("https://")) {
      try {
        return LogListSource.of(setting, fetch(setting)).load();
      } catch (IOException | LogListException e) {
        LOG.warn("cannot use the log list at {} ({}); following the bundled snapshot instead", setting, e.getMessage());
        return LogListSource.bundled().load();
      }
    }
    return LogListSource.file(Path.of(setting)).load();
  }

  private byte[] fetch(String url) throws IOException {
    Request request = new Request.Builder().url(url).get().build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      ResponseBody body = response.body();
      if (body == null) {
        throw new IOException("empty response");
      }
      if (body.contentLength() > MAX_BYTES) {
        throw new IOException("response of " + body.contentLength() + " bytes is too large for a log list");
      }
      byte[] bytes = body.source().readByteArray();
      if (bytes.length > MAX_BYTES) {
        throw new IOException("response is too large for a log list");
      }
      return bytes;
    }
  }
}
