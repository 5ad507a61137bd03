package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.ctmon.alerts.webhook.WebhookSignature;
import org.ctmon.fetcher.follow.StartPosition;
import org.ctmon.fetcher.loglist.LogListSignature;
import org.ctmon.parser.Eventually;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.TestIssuance;
import org.ctmon.web.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mei's day, end to end: ctmon follows a real test log over HTTP, she watches her bank's domain
 * through the API with a token, and a certificate for it from a CA she did not expect arrives as
 * exactly one signed webhook and one email, although its precertificate and certificate are in
 * two logs.
 */
final class AlertsEndToEndTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]);
  private final HttpClient http = HttpClient.newHttpClient();

  /** One delivery as the receiver saw it. */
  private record Delivery(String id, boolean signed, JsonNode body) {}

  @Test
  void anUnexpectedCertificateInTwoLogsGivesOneSignedWebhookAndOneEmail(@TempDir Path dir) throws Exception {
    String token = seedAccount(dir);
    List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", ex -> {
      byte[] body = ex.getRequestBody().readAllBytes();
      String id = ex.getRequestHeaders().getFirst("webhook-id");
      boolean signed = WebhookSignature.verify(SECRET, id, ex.getRequestHeaders().getFirst("webhook-timestamp"),
          ex.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now(), Duration.ofMinutes(5));
      deliveries.add(new Delivery(id, signed, JSON.readTree(body)));
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    receiver.start();
    try (TestLogServer logs = TestLogServer.start(TestLogOptions.defaults());
         Monitor m = Monitor.start(config(dir, logs.logListUrl()), Clock.systemUTC())) {
      String base = "http://127.0.0.1:" + m.port();
      assertEquals(201, post(base + "/api/v1/webhooks", token, "{\"url\": \"http://127.0.0.1:"
          + receiver.getAddress().getPort() + "/hook\", \"secret\": \"" + SECRET + "\", \"format\": \"json\"}").statusCode());
      assertEquals(201, post(base + "/api/v1/recipients", token, "{\"address\": \"mei@bank.example\"}").statusCode());
      HttpResponse<String> list = post(base + "/api/v1/watchlists", token, "{\"name\": \"bank\", \"items\": "
          + "[\".mybank.example\"], \"expected_issuers\": [\"letsencrypt.org\"]}");
      assertEquals(201, list.statusCode(), list.body());

      List<String> streamed = new CopyOnWriteArrayList<>();
      java.net.http.WebSocket socket = http.newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + m.port() + "/certstream/domains-only"), new java.net.http.WebSocket.Listener() {
            @Override
            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data,
                                                                  boolean last) {
              streamed.add(data.toString());
              ws.request(1);
              return null;
            }
          }).get(10, java.util.concurrent.TimeUnit.SECONDS);
      List<org.ctmon.testlog.pki.TestLogKey> keys = logs.logs().stream().map(TestLog::key).toList();
      TestIssuance vpn = logs.pki().issue(IssuanceRequest.simple(Names.dns("vpn.mybank.example"), "R10",
          IssuanceStyle.PRECERT, keys, Instant.now()));
      TestIssuance other = logs.pki().issue(IssuanceRequest.simple(Names.dns("www.unrelated.example"), "R10",
          IssuanceStyle.PRECERT, keys, Instant.now()));
      logs.feed().log(vpn);
      logs.feed().log(other);
      logs.publish();

      await(() -> !deliveries.isEmpty() && MAIL.getReceivedMessages().length > 0);
      await(() -> streamed.stream().anyMatch(msg -> msg.contains("vpn.mybank.example")));
      socket.abort();
      // Both logs' entries are in by now when the matches say so; give a repeat time to show.
      await(() -> matchEntries(base, token) >= 3);
      m.alerting().delivery().deliverDue();

      assertEquals(1, deliveries.size(), deliveries.toString());
      Delivery d = deliveries.get(0);
      assertTrue(d.signed(), "the standard webhooks signature verifies");
      assertEquals("certificate.unexpected", d.body().get("type").asText());
      assertEquals(d.id(), d.body().get("id").asText());
      JsonNode match = d.body().get("match");
      assertEquals(vpn.tbsSha256().hex(), match.get("tbs_sha256").asText());
      assertEquals("vpn.mybank.example", match.get("dns_names").get(0).asText());
      assertTrue(match.get("reasons").get(0).asText().startsWith("issuer not allowed: "), match.toString());

      MimeMessage[] mails = MAIL.getReceivedMessages();
      assertEquals(1, mails.length);
      assertTrue(mails[0].getSubject().contains("vpn.mybank.example"), mails[0].getSubject());
      assertEquals("mei@bank.example", mails[0].getAllRecipients()[0].toString());

      JsonNode alerts = JSON.readTree(get(base + "/api/v1/alerts", token).body()).get("results");
      assertEquals(2, alerts.size(), alerts.toString());
      alerts.forEach(a -> assertEquals("delivered", a.get("state").asText(), a.toString()));
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void wildcardIdnUppercaseIpAndLookalikeCertificatesFromTheLogMatchAsTheirOwnerExpects(@TempDir Path dir)
      throws Exception {
    String token = seedAccount(dir);
    try (TestLogServer logs = TestLogServer.start(TestLogOptions.defaults());
         Monitor m = Monitor.start(config(dir, logs.logListUrl()), Clock.systemUTC())) {
      String base = "http://127.0.0.1:" + m.port();
      HttpResponse<String> list = post(base + "/api/v1/watchlists", token, "{\"name\": \"brand\", \"items\": "
          + "[\".mybank.example\", \"192.0.2.0/24\", \".bücher.example\"], \"lookalikes\": true}");
      assertEquals(201, list.statusCode(), list.body());
      List<org.ctmon.testlog.pki.TestLogKey> keys = logs.logs().stream().map(TestLog::key).toList();
      java.util.Map<String, Names> certificates = new java.util.LinkedHashMap<>();
      certificates.put("*.mybank.example", Names.dns("*.mybank.example"));
      certificates.put("www.mybank.example", Names.dns("WWW.MYBANK.EXAMPLE"));
      certificates.put("xn--bcher-kva.example", Names.dns("xn--bcher-kva.example"));
      certificates.put("vpn.other.example", new Names(List.of(new org.ctmon.testlog.pki.SanName.Dns("vpn.other.example"),
          new org.ctmon.testlog.pki.SanName.Ip(java.net.InetAddress.getByName("192.0.2.7"))),
          java.util.Optional.of("vpn.other.example")));
      certificates.put("rnybank-login.example", Names.dns("rnybank-login.example"));
      certificates.put("notmybank.example", Names.dns("notmybank.example"));
      certificates.put("www.unrelated.example", Names.dns("www.unrelated.example"));
      for (Names names : certificates.values()) {
        logs.feed().log(logs.pki().issue(IssuanceRequest.simple(names, "R10", IssuanceStyle.PRECERT, keys,
            Instant.now())));
      }
      logs.publish();

      await(() -> matches(base, token).size() >= 5);
      m.alerting().delivery().deliverDue();
      java.util.Map<String, String> verdicts = matches(base, token);
      assertEquals(java.util.Map.of(
          "*.mybank.example", "expected",
          "www.mybank.example", "expected",
          "xn--bcher-kva.example", "expected",
          "vpn.other.example", "expected",
          "rnybank-login.example", "lookalike"), verdicts);
    }
  }

  /** The caller's matches: the first DNS name of each issuance and its verdict. */
  private java.util.Map<String, String> matches(String base, String token) {
    try {
      java.util.Map<String, String> out = new java.util.TreeMap<>();
      JSON.readTree(get(base + "/api/v1/matches", token).body()).get("results")
          .forEach(r -> out.put(r.get("dns_names").get(0).asText(), r.get("verdict").asText()));
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Mei's account and API token, made as `ctmon user add` and `ctmon token add` make them. */
  private static String seedAccount(Path dir) {
    try (Store s = Store.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("ctmon"), "", "", 2,
        StoreConfig.Retention.DEFAULT))) {
      long mei = new Accounts(s.jdbi(), Clock.systemUTC(), new SecureRandom()).create("mei@bank.example",
          "correct horse battery staple", false);
      return new ApiTokens(s.jdbi(), Clock.systemUTC(), new SecureRandom()).issue(mei, "e2e").secret();
    }
  }

  private static Config config(Path dir, String logList) {
    return new Config(
        new Config.Http("127.0.0.1", 0),
        new Config.Database("jdbc:h2:file:" + dir.resolve("ctmon"), "", "", 4),
        new Config.Retention(Duration.ofDays(90), false, 1000, Duration.ofDays(1)),
        new Config.Logs(logList, LogListSignature.AUTO, List.of("usable", "qualified", "readonly"), true, List.of(),
            List.of(), StartPosition.BEGINNING, Duration.ofMillis(300), Duration.ofHours(1)),
        new Config.Fetch("ct-test@example.org", 64, 2, 100, Duration.ofSeconds(10), List.of()),
        new Config.Alerts("127.0.0.1", MAIL.getSmtp().getPort(), "none", "", "", "ctmon@bank.example", true,
            Duration.ofHours(24), "", "", Duration.ofMinutes(2)));
  }

  private int matchEntries(String base, String token) {
    try {
      JsonNode results = JSON.readTree(get(base + "/api/v1/matches", token).body()).get("results");
      return results.size() == 1 ? results.get(0).get("entries").size() : 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> post(String url, String token, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String url, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void await(BooleanSupplier done) throws Exception {
    Eventually.await(Duration.ofSeconds(60), Duration.ofMillis(50), done::getAsBoolean, () -> "timed out");
  }
}
