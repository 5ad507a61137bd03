package org.ctmon.web.ui;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The cookies a test's HTTP client carries between requests, as a browser keeps them. */
final class CookieJar {
  /** The cookies by name; tests may read and change them. */
  final Map<String, String> cookies = new LinkedHashMap<>();

  /** Adds the kept cookies to {@code b}. */
  void sendWith(HttpRequest.Builder b) {
    if (!cookies.isEmpty()) {
      b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
  }

  /** Sends {@code b} through {@code http} with the kept cookies, and keeps what the answer sets. */
  HttpResponse<String> send(HttpClient http, HttpRequest.Builder b) {
    sendWith(b);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      keepFrom(r);
      return r;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Keeps what {@code r} set, and forgets what it cleared. */
  void keepFrom(HttpResponse<?> r) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      String pair = c.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (value.isEmpty() || c.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }
}
