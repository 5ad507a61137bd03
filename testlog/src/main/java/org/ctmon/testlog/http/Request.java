package org.ctmon.testlog.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to a log: method, path below the log's prefix (no leading slash, e.g. {@code
 * ct/v1/get-sth} or {@code tile/0/000}), decoded query parameters and body.
 */
public final class Request {
  private final String method;
  private final String path;
  private final Map<String, String> query;
  private final byte[] body;

  /** A request; {@code rawQuery} may be null. The body is not copied. */
  public Request(String method, String path, String rawQuery, byte[] body) {
    this.method = method;
    this.path = path;
    this.query = parseQuery(rawQuery);
    this.body = body;
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  /** {@code GET}, {@code POST}, ... */
  public String method() {
    return method;
  }

  /** The path below the log prefix, without a leading slash. */
  public String path() {
    return path;
  }

  /** The first value of query parameter {@code name}. */
  public Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /** The request body (not a copy). */
  public byte[] body() {
    return body;
  }

  @Override
  public String toString() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query);
  }
}
