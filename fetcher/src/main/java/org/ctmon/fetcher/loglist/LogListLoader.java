package org.ctmon.fetcher.loglist;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.http.LogEndpoint;
import org.ctmon.fetcher.http.LogFetchException;
import org.ctmon.fetcher.http.LogHttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the log list that {@code logs.list} names: {@code bundled} (the snapshot in the jar,
 * signature checked), an http(s) URL (its signature checked as {@code logs.listSignature} says),
 * or a file. A URL that cannot be fetched, parsed or verified falls back to the bundled snapshot
 * with a warning, so an offline start still follows every known log; a file that cannot be read is
 * a configuration error, since the operator named it on purpose.
 */
public final class LogListLoader {
  private static final Logger LOG = LoggerFactory.getLogger(LogListLoader.class);
  /** Where Google publishes the official lists, always with their signatures. */
  static final String OFFICIAL_HOST = "www.gstatic.com";

  private final OkHttpClient http;
  private final Clock clock;
  private final LogListSignature signature;
  private boolean saidUnsigned;
  private volatile boolean standingIn;

  /**
   * @param http a client from {@link org.ctmon.fetcher.http.HttpConfig#newClient()}: it caps bodies
   *     while reading them
   */
  public LogListLoader(OkHttpClient http, Clock clock) {
    this(http, clock, LogListSignature.AUTO);
  }

  /** @param signature whether a list from a URL must be signed by Google */
  public LogListLoader(OkHttpClient http, Clock clock, LogListSignature signature) {
    this.http = http;
    this.clock = clock;
    this.signature = signature;
  }

  /** The list {@code setting} names, as {@link #load(String, Optional)} with no list in use. */
  public LogList load(String setting) {
    return load(setting, Optional.empty());
  }

  /**
   * The list {@code setting} names; when it is a URL that fails this time, {@code previous} (the
   * list in use: a refresh that fails must not swap a current list for the older snapshot, which
   * would drop every log added since), else the bundled snapshot. A list older than {@code
   * previous} (a lower version or an earlier {@code log_list_timestamp}: a stale mirror, or a
   * replayed list that would bring back a log distrusted since) from the same place is refused with
   * a warning, and {@code previous} stays.
   */
  public LogList load(String setting, Optional<LogList> previous) {
    LogList next = fresh(setting, previous);
    // Versions compare within one publisher only: the bundled snapshot standing in for a URL says
    // nothing about the version the URL will serve.
    if (previous.isEmpty() || next == previous.get() || !previous.get().source().equals(next.source())) {
      return next;
    }
    if (LogListUpdate.check(previous.get(), next) instanceof LogListUpdate.Rejected rejected) {
      LOG.warn("{}; keeping the list in use, {}", rejected.reason(), previous.get().describe());
      return previous.get();
    }
    return next;
  }

  private LogList fresh(String setting, Optional<LogList> previous) {
    if (setting.equals("bundled")) {
      standingIn = false;
      return LogListSource.bundled().load();
    }
    if (setting.startsWith("http://") || setting.startsWith("https://")) {
      try {
        LogList list = verified(setting, LogListSource.of(setting, fetch(setting))).load();
        standingIn = false;
        return list;
      } catch (LogFetchException | LogListException | IllegalArgumentException e) {
        if (previous.isPresent()) {
          LOG.warn("cannot use the log list at {} ({}); keeping the list in use, {}", setting, e.getMessage(),
              previous.get().describe());
          return previous.get(); // standing in or not, as it was
        }
        LOG.warn("cannot use the log list at {} ({}); following the bundled snapshot instead", setting, e.getMessage());
        standingIn = true;
        return LogListSource.bundled().load();
      }
    }
    standingIn = false;
    return LogListSource.file(Path.of(setting)).load();
  }

  /**
   * Whether the last list returned is the bundled snapshot standing in for a URL that has not
   * loaded once since the start: the monitor then asks for the URL again soon, not an hour later.
   */
  public boolean standingIn() {
    return standingIn;
  }

  /** {@code list} as {@link #signature} wants it: signed by Google, or as it came. */
  private LogListSource verified(String url, LogListSource list) {
    if (signature == LogListSignature.NONE) {
      return list;
    }
    URI uri = URI.create(url);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    boolean official = OFFICIAL_HOST.equalsIgnoreCase(uri.getHost());
    boolean required = signature == LogListSignature.REQUIRED || official;
    if (!path.endsWith(".json")) {
      if (required) {
        throw new IllegalArgumentException("its signature cannot be found: the URL does not end in .json, so there is"
            + " no .sig next to it (logs.listSignature=" + signature.name().toLowerCase(Locale.ROOT) + ")");
      }
      return unsigned(url, list);
    }
    String file = path.substring(path.lastIndexOf('/') + 1);
    String sigUrl = uri.resolve(file.substring(0, file.length() - ".json".length()) + ".sig").toString();
    byte[] sig;
    try {
      sig = fetch(sigUrl);
    } catch (LogHttpException e) {
      if (e.status() != 404 || required) {
        throw e;
      }
      return unsigned(url, list);
    }
    return LogListSource.signed(list, LogListSource.of(sigUrl, sig), LogListSigningKey.google());
  }

  private LogListSource unsigned(String url, LogListSource list) {
    if (!saidUnsigned) {
      LOG.info("the log list at {} has no signature next to it; using it unsigned (logs.listSignature=auto;"
          + " `required` refuses such a list)", url);
      saidUnsigned = true;
    }
    return list;
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
