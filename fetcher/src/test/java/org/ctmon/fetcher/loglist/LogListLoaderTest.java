package org.ctmon.fetcher.loglist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.fetcher.http.HttpConfig;
import org.ctmon.parser.Corpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A log list URL is read like any log response; whatever goes wrong, the bundled list is followed. */
final class LogListLoaderTest {
  private static final Path LIST = Corpus.path("loglist/chrome_v3_log_list_v81.14_2026-01-20.json");
  private HttpServer server;
  private final List<String> asked = new ArrayList<>();
  private LogListLoader loader;
  /** What /moving/all_logs_list.json serves now: one URL whose list changes between refreshes. */
  private volatile byte[] moving;
  private byte[] signedList;
  private byte[] olderList;
  private byte[] newerList;

  @BeforeEach
  void serve() throws Exception {
    byte[] list = Files.readAllBytes(LIST);
    byte[] signed = Corpus.bytes("loglist/chrome_v3_all_logs_list_v89.25_2026-08-20.json");
    byte[] sig = Corpus.bytes("loglist/chrome_v3_all_logs_list_v89.25_2026-08-20.sig");
    byte[] tampered = new String(signed, java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"usable\"", "\"retired\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] older = new String(signed, java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"version\": \"89.25\"", "\"version\": \"88.1\"")
        .replace("2026-08-20T13:34:57Z", "2026-07-01T00:00:00Z").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] newer = new String(signed, java.nio.charset.StandardCharsets.UTF_8)
        .replace("\"version\": \"89.25\"", "\"version\": \"90.2\"")
        .replace("2026-08-20T13:34:57Z", "2026-09-01T00:00:00Z").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    signedList = signed;
    olderList = older;
    newerList = newer;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      asked.add(exchange.getRequestURI().toString());
      String path = exchange.getRequestURI().getPath();
      byte[] body = switch (path) {
        case "/lists/v3/list.json" -> list;
        case "/signed/all_logs_list.json" -> signed;
        case "/tampered/all_logs_list.json" -> tampered;
        case "/signed/all_logs_list.sig", "/tampered/all_logs_list.sig" -> sig;
        case "/garbage.json" -> "{\"logs\": [".getBytes();
        case "/moving/all_logs_list.json" -> moving;
        default -> new byte[0];
      };
      int status = switch (path) {
        case "/lists/v3/list.json", "/garbage.json", "/signed/all_logs_list.json", "/tampered/all_logs_list.json",
             "/moving/all_logs_list.json",
             "/signed/all_logs_list.sig", "/tampered/all_logs_list.sig" -> 200;
        case "/moved.json" -> 302;
        case "/missing.json" -> 500;
        default -> 404;
      };
      if (status == 302) {
        exchange.getResponseHeaders().add("Location", "/lists/v3/list.json");
      }
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    loader = new LogListLoader(client(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static okhttp3.OkHttpClient client() {
    return HttpConfig.withContact("ct-test@example.org")
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(60)).newClient();
  }

  private String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  @Test
  void aListUrlWithAQueryIsFetchedAsWritten() {
    LogList list = loader.load(url("/lists/v3/list.json?cache=no"));
    // The list, then its signature next to it: none (404), so with logs.listSignature=auto it is used unsigned.
    assertEquals(List.of("/lists/v3/list.json?cache=no", "/lists/v3/list.sig"), asked);
    assertTrue(list.source().contains("/lists/v3/list.json"), list.source());
    assertTrue(list.operators().size() > 3, "operators of the served list");
  }

  @Test
  void anErrorARedirectOrGarbageFallsBackToTheBundledList() {
    LogList bundled = loader.load("bundled");
    for (String path : List.of("/missing.json", "/moved.json", "/garbage.json")) {
      LogList got = loader.load(url(path));
      assertEquals(bundled.source(), got.source(), path);
      assertEquals(bundled.operators().size(), got.operators().size(), path);
    }
    // The redirect was not followed: nobody asked for its target.
    assertEquals(List.of("/missing.json", "/moved.json", "/garbage.json", "/garbage.sig"), asked);
  }

  @Test
  void aListWithGooglesSignatureNextToItIsVerifiedAndUsed() {
    LogList list = loader.load(url("/signed/all_logs_list.json"));

    assertTrue(list.source().contains("/signed/all_logs_list.json"), list.source());
    assertEquals(List.of("/signed/all_logs_list.json", "/signed/all_logs_list.sig"), asked);
  }

  @Test
  void aListThatDoesNotMatchItsSignatureIsRefusedAndTheBundledListFollowed() {
    LogList got = loader.load(url("/tampered/all_logs_list.json"));
    LogList unchecked = new LogListLoader(client(), Clock.systemUTC(), LogListSignature.NONE)
        .load(url("/tampered/all_logs_list.json"));

    assertEquals(loader.load("bundled").source(), got.source());
    assertTrue(unchecked.source().contains("/tampered/"), "the tampered list itself parses: " + unchecked.source());
  }

  @Test
  void requiredRefusesAnUnsignedListAndNoneDoesNotLookForASignature() {
    LogListLoader required = new LogListLoader(client(), Clock.systemUTC(), LogListSignature.REQUIRED);
    LogListLoader none = new LogListLoader(client(), Clock.systemUTC(), LogListSignature.NONE);

    assertEquals(loader.load("bundled").source(), required.load(url("/lists/v3/list.json")).source());
    asked.clear();
    assertTrue(none.load(url("/lists/v3/list.json")).source().contains("/lists/v3/list.json"));
    assertEquals(List.of("/lists/v3/list.json"), asked);
    assertTrue(required.load(url("/signed/all_logs_list.json")).source().contains("/signed/"));
  }

  @Test
  void aRefreshThatFailsKeepsTheListInUseInsteadOfGoingBackToTheOlderSnapshot() {
    LogList current = loader.load(url("/signed/all_logs_list.json"));

    LogList afterFailure = loader.load(url("/missing.json"), java.util.Optional.of(current));

    assertEquals(current, afterFailure);
  }

  @Test
  void aRefreshedListOlderThanTheOneInUseIsRefusedAndANewerOneTaken() {
    moving = signedList;
    LogList current = loader.load(url("/moving/all_logs_list.json"));
    assertEquals("89.25", current.version().orElseThrow().toString());

    // A stale mirror or a replayed list at the same URL: it could bring back a log distrusted since.
    moving = olderList;
    LogList afterOlder = loader.load(url("/moving/all_logs_list.json"), java.util.Optional.of(current));
    assertEquals(current, afterOlder);

    moving = newerList;
    LogList afterNewer = loader.load(url("/moving/all_logs_list.json"), java.util.Optional.of(current));
    assertEquals("90.2", afterNewer.version().orElseThrow().toString());
  }
}
