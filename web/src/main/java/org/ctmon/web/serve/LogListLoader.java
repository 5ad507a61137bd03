package org.ctmon.web.serve;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.http.LogEndpoint;
import org.ctmon.fetcher.http.LogFetchException;
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

  private final OkHttpClient http;
  private final Clock clock;

  /** @param http a client from {@link HttpClients}: it caps bodies while reading them */
  LogListLoader(OkHttpClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  LogList load(String setting) {
    if (setting.equals("bundled")) {
      return LogListSource.bundled().load();
    }
    if (setting.startsWith("http://") || setting.startsWith("https://")) {
      try {
        return LogListSource.of(setting, fetch(setting)).load();
      } catch (LogFetchException | LogListException | IllegalArgumentException e) {
        LOG.warn("cannot use the log list at {} ({}); following the bundled snapshot instead", setting, e.getMessage());
        return LogListSource.bundled().load();
      }
    }
    return LogListSource.file(Path.of(setting)).load();
  }

  // The same GET as every log request: body cap, no redirects, status and transport errors typed.
  private byte[] fetch(String url) {
    URI uri = URI.create(url);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    int slash = path.lastIndexOf('/');
    URI directory = URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, slash + 1));
    String file = path.substring(slash + 1) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    return new LogEndpoint(http, directory, clock).get(file, "log list");
  }
}
