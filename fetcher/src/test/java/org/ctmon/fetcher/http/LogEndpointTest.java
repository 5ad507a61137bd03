package org.ctmon.fetcher.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class LogEndpointTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private static final OkHttpClient HTTP = FetcherCorpus.testConfig().newClient();

  private MockWebServer server;
  private LogEndpoint log;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
    log = new LogEndpoint(HTTP, server.url("/logs/test/").uri(), CLOCK);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private String base() {
    return server.url("/logs/test/").toString();
  }

  @Test
  void returnsTheBodyOfA200AndAsksForTheExactPathBelowTheLogUrl() throws Exception {
    byte[] sth = FetcherCorpus.bytes("rfc6962/pilot/get-sth_344104340.json");
    server.enqueue(new MockResponse().setBody(new Buffer().write(sth)));
    assertArrayEquals(sth, log.get("ct/v1/get-entries?start=1000&end=1255", "entries 1000-1255"));
    RecordedRequest r = server.takeRequest();
    assertEquals("GET", r.getMethod());
    assertEquals("/logs/test/ct/v1/get-entries?start=1000&end=1255", r.getPath());
  }

  @Test
  void sendsTheUserAgentWithTheContact() throws Exception {
    server.enqueue(new MockResponse().setBody("{}"));
    log.get("ct/v1/get-sth", "sth");
    assertEquals("ctmon/dev (+ct-tests@ctmon.example)", server.takeRequest().getHeader("User-Agent"));
  }

  @Test
  void a429WithRetryAfterSecondsIsRetryableAndSaysWhen() {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30"));
    LogHttpException e = assertThrows(LogHttpException.class, () -> log.get("ct/v1/get-entries?start=1000&end=1255",
        "entries 1000-1255"));
    assertEquals("error fetching entries 1000-1255 from " + base() + ": HTTP 429 (retry after 30 s)", e.getMessage());
    assertEquals(429, e.status());
    assertTrue(e.retryable());
    assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    assertEquals(URI.create(base()), e.logUrl());
    assertEquals("entries 1000-1255", e.request());
  }

  @Test
  void a429WithAnHttpDateIsMeasuredFromTheResponsesDateHeader() {
    // The local clock (12:00) is far off; the log's own Date says 08:49:07, so 30 s remain.
    server.enqueue(new MockResponse().setResponseCode(429)
        .setHeader("Date", "Sun, 06 Nov 1994 08:49:07 GMT")
        .setHeader("Retry-After", "Sun, 06 Nov 1994 08:49:37 GMT"));
    LogHttpException e = assertThrows(LogHttpException.class, () -> log.get("ct/v1/get-sth", "sth"));
    assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    assertEquals("error fetching sth from " + base() + ": HTTP 429 (retry after 30 s)", e.getMessage());
  }

  @Test
  void a503IsRetryableWithoutRetryAfter() {
    server.enqueue(new MockResponse().setResponseCode(503));
    LogHttpException e = assertThrows(LogHttpException.class, () -> log.get("checkpoint", "checkpoint"));
    assertEquals("error fetching checkpoint from " + base() + ": HTTP 503", e.getMessage());
    assertTrue(e.retryable());
    assertEquals(Optional.empty(), e.retryAfter());
  }

  @Test
  void a500WithAnHtmlBodyQuotesTheStartOfTheBodyEscaped() {
    String html = "<html>\n<head><title>500 Internal Server Error</title></head>\n<body>" + "x".repeat(400)
        + "</body></html>";
    server.enqueue(new MockResponse().setResponseCode(500).setBody(html));
    LogHttpException e = assertThrows(LogHttpException.class, () -> log.get("ct/v1/get-sth", "sth"));
    String excerpt = "<html>\\n<head><title>500 Internal Server Error</title></head>\\n<body>"
        + "x".repeat(200 - 69) + "...";
    assertEquals(200 + 3, excerpt.length());
    assertEquals(excerpt, e.bodyExcerpt());
    assertEquals("error fetching sth from " + base() + ": HTTP 500: " + excerpt, e.getMessage());
    assertTrue(e.retryable());
  }

  @Test
  void a404IsNotRetryable() {
    server.enqueue(new MockResponse().setResponseCode(404).setBody("not found\n"));
    LogHttpException e = assertThrows(LogHttpException.class, () -> log.get("tile/data/000.p/7", "tile/data/000.p/7"));
    assertFalse(e.retryable());
    assertEquals("error fetching tile/data/000.p/7 from " + base() + ": HTTP 404: not found\\n", e.getMessage());
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(302).setHeader("Location", "/elsewhere/"));
    server.enqueue(new MockResponse().setBody("{}"));
    LogHttpException e = assertThrows(LogHttpException.class, () -> log.get("ct/v1/get-sth", "sth"));
    assertEquals(302, e.status());
    assertFalse(e.retryable());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aConnectionCutMidBodyIsARetryableTransportFailure() {
    server.enqueue(new MockResponse().setBody("{\"tree_size\": 1234, \"timestamp\"")
        .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
    LogTransportException e = assertThrows(LogTransportException.class, () -> log.get("ct/v1/get-sth", "sth"));
    assertTrue(e.retryable());
    assertTrue(e.getMessage().startsWith("error fetching sth from " + base() + ": "), e.getMessage());
    assertInstanceOf(IOException.class, e.getCause());
  }

  @Test
  void aLogThatDoesNotAnswerInTimeIsARetryableTransportFailure() {
    OkHttpClient impatient = FetcherCorpus.testConfig()
        .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5)).newClient();
    LogEndpoint slow = new LogEndpoint(impatient, server.url("/logs/test/").uri(), CLOCK);
    server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
    LogTransportException e = assertThrows(LogTransportException.class, () -> slow.get("ct/v1/get-sth", "sth"));
    // OkHttp says "timeout" or the socket "Read timed out", depending on which timer fires first.
    assertTrue(e.getMessage().startsWith("error fetching sth from " + base() + ": socket timeout ("), e.getMessage());
    assertInstanceOf(java.net.SocketTimeoutException.class, e.getCause());
    assertTrue(e.retryable());
  }

  @Test
  void aRefusedConnectionIsARetryableTransportFailure() throws IOException {
    URI dead = URI.create(base());
    server.shutdown();
    LogEndpoint gone = new LogEndpoint(HTTP, dead, CLOCK);
    LogTransportException e = assertThrows(LogTransportException.class, () -> gone.get("ct/v1/get-sth", "sth"));
    assertTrue(e.getMessage().startsWith("error fetching sth from " + dead + ": connect ("), e.getMessage());
    assertTrue(e.retryable());
  }

  @Test
  void aBodyOverTheCapFailsWhileStreamingWithoutReadingItAll() throws IOException {
    OkHttpClient capped = FetcherCorpus.testConfig().withMaxBodyBytes(1024 * 1024).newClient();
    try (EndlessBodyServer endless = new EndlessBodyServer()) {
      LogEndpoint endlessLog = new LogEndpoint(capped, endless.url(), CLOCK);
      LogResponseException e = assertThrows(LogResponseException.class,
          () -> endlessLog.get("ct/v1/get-entries?start=0&end=999", "entries 0-999"));
      assertEquals("error fetching entries 0-999 from " + endless.url()
          + ": malformed response: body exceeds the cap of 1048576 bytes", e.getMessage());
      assertTrue(e.retryable());
    }
  }

  @Test
  void aDeclaredContentLengthOverTheCapIsRefusedBeforeReading() {
    OkHttpClient capped = FetcherCorpus.testConfig().withMaxBodyBytes(1000).newClient();
    LogEndpoint small = new LogEndpoint(capped, server.url("/logs/test/").uri(), CLOCK);
    server.enqueue(new MockResponse().setBody("y".repeat(1001)));
    LogResponseException e = assertThrows(LogResponseException.class, () -> small.get("ct/v1/get-roots", "roots"));
    assertEquals("error fetching roots from " + base()
        + ": malformed response: body of 1001 bytes (content-length) exceeds the cap of 1000 bytes", e.getMessage());
  }

  @Test
  void aBodyExactlyAtTheCapIsRead() {
    OkHttpClient capped = FetcherCorpus.testConfig().withMaxBodyBytes(1000).newClient();
    LogEndpoint small = new LogEndpoint(capped, server.url("/logs/test/").uri(), CLOCK);
    server.enqueue(new MockResponse().setChunkedBody("z".repeat(1000), 7));
    assertEquals(1000, small.get("ct/v1/get-roots", "roots").length);
  }

  @Test
  void rejectsALogUrlWithoutTheTrailingSlash() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LogEndpoint(HTTP, URI.create("https://log.example/ct"), CLOCK));
    assertEquals("log url https://log.example/ct is not an absolute http(s) url ending in '/'", e.getMessage());
  }
}
