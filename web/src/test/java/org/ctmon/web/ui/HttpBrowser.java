package org.ctmon.web.ui;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A minimal browser over HTTP for tests: a cookie jar, no redirects followed, forms posted as a browser would. */
final class HttpBrowser {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
  final CookieJar jar = new CookieJar();
  final Map<String, String> cookies = jar.cookies;
  private final UiFixture f;

  record Response(int status, String body, HttpResponse<String> raw) {
    String location() {
      return raw.headers().firstValue("Location").orElse("");
    }

    List<String> setCookies() {
      return raw.headers().allValues("Set-Cookie");
    }

    String csrf() {
      Matcher m = CSRF.matcher(body);
      if (!m.find()) {
        throw new AssertionError("no csrf field in: " + body);
      }
      return m.group(1);
    }
  }

  HttpBrowser(UiFixture f) {
    this.f = f;
  }

  Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(f.url(path))).GET(), Map.of());
  }

  Response post(String path, Map<String, String> form) {
    return post(path, form, Map.of());
  }

  Response post(String path, Map<String, String> form, Map<String, String> headers) {
    String body = form.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(f.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  /** Posts a multipart form with one file field {@code file} (as a browser uploads it). */
  Response upload(String path, Map<String, String> fields, String fileName, byte[] file) {
    String boundary = "----ctmonTest" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> w = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
    fields.forEach((k, v) -> w.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
        + v + "\r\n"));
    w.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/plain\r\n\r\n");
    body.writeBytes(file);
    w.accept("\r\n--" + boundary + "--\r\n");
    return send(HttpRequest.newBuilder(URI.create(f.url(path)))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), Map.of());
  }

  /** A GET with extra headers (htmx's {@code HX-Request}). */
  Response get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(URI.create(f.url(path))).GET(), headers);
  }

  /** Signs in through the form; the response to the POST. */
  Response signIn(String email, String password) {
    return signIn(email, password, Map.of());
  }

  Response signIn(String email, String password, Map<String, String> headers) {
    String csrf = get("/login").csrf();
    return post("/login", Map.of("csrf", csrf, "email", email, "password", password, "next", "/"), headers);
  }

  /** The CSRF token the page at {@code path} puts in its forms. */
  String csrfOf(String path) {
    return get(path).csrf();
  }

  private Response send(HttpRequest.Builder b, Map<String, String> headers) {
    headers.forEach(b::header);
    HttpResponse<String> r = jar.send(HTTP, b);
    return new Response(r.statusCode(), r.body(), r);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
