package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSamples;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;
import org.ctmon.web.serve.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /api/v1/dashboard} and the administrators' {@code PUT /api/v1/admin/logs/{log_id}}. */
final class OperationsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Sha256 LOG = Sha256.of("log".getBytes(StandardCharsets.UTF_8));
  @RegisterExtension final AccountApiFixture f = AccountApiFixture.perTest();
  private WebServer web;
  private String adminToken;
  private final List<String> switched = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() {
    Logs logs = new Logs(f.store.jdbi(), AccountApiFixture.CLOCK);
    logs.register(new LogSpec(LOG, Der.of(new byte[] {0x30, 0x00}), "Test Log", "Test Operator", LogKind.RFC6962,
        "https://log.example/", null, "usable", 86400));
    long admin = new Accounts(f.store.jdbi(), AccountApiFixture.CLOCK, new SecureRandom())
        .create("root@example.com", "root password", true);
    adminToken = new ApiTokens(f.store.jdbi(), AccountApiFixture.CLOCK, new SecureRandom()).issue(admin, "t").secret();
    LogSamples samples = new LogSamples(f.store.jdbi());
    for (int m = 0; m < 30; m++) {
      samples.record(List.of(new LogSamples.Sample(LOG, AccountApiFixture.NOW.minusSeconds(60L * (30 - m)),
          10_000 + 100L * m, 9_000 + 120L * m)));
    }
    web = new WebServer(routes -> {
      new DashboardApi(f.store.jdbi(), AccountApiFixture.CLOCK, List::of).register(routes);
      new LogSwitchApi(f.store.jdbi(), AccountApiFixture.CLOCK, (id, on) -> switched.add(id.base64() + " " + on))
          .register(routes);
    }).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    web.close();
  }

  private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theDashboardGivesTodaysFiguresAndTheLagAndIngestSeries() throws Exception {
    HttpResponse<String> r = send("GET", "/api/v1/dashboard?hours=1", f.aliceToken, null);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode d = JSON.readTree(r.body());

    assertEquals(0, d.get("issuances_today").asLong());
    assertEquals(300, d.get("series").get("bucket_seconds").asInt());
    JsonNode points = d.get("series").get("points");
    assertTrue(points.size() >= 6, points.toString());
    JsonNode last = points.get(points.size() - 1);
    assertEquals(10_000 + 100 * 29 - (9_000 + 120 * 29), last.get("lag").asLong());
    assertEquals(2.0, last.get("entries_per_second").asDouble(), 0.01, "120 entries a minute");
    assertEquals(401, send("GET", "/api/v1/dashboard", null, null).statusCode());
    assertEquals(400, send("GET", "/api/v1/dashboard?hours=25", f.aliceToken, null).statusCode());
  }

  @Test
  void anAdministratorTurnsALogOffAndOnAndTheMonitorIsTold() throws Exception {
    String urlSafe = Base64.getUrlEncoder().encodeToString(LOG.bytes());
    HttpResponse<String> off = send("PUT", "/api/v1/admin/logs/" + urlSafe, adminToken, "{\"enabled\": false}");

    assertEquals(200, off.statusCode(), off.body());
    assertEquals(Set.of(LOG), new Logs(f.store.jdbi(), AccountApiFixture.CLOCK).disabled());
    assertEquals(List.of(LOG.base64() + " false"), switched);
    assertEquals(200, send("PUT", "/api/v1/admin/logs/" + LOG.hex(), adminToken, "{\"enabled\": true}").statusCode());
    assertEquals(Set.of(), new Logs(f.store.jdbi(), AccountApiFixture.CLOCK).disabled());
  }

  @Test
  void onlyAdministratorsSwitchLogsAndBadRequestsChangeNothing() throws Exception {
    String id = LOG.hex();
    assertEquals(403, send("PUT", "/api/v1/admin/logs/" + id, f.aliceToken, "{\"enabled\": false}").statusCode());
    assertEquals(401, send("PUT", "/api/v1/admin/logs/" + id, null, "{\"enabled\": false}").statusCode());
    assertEquals(404, send("PUT", "/api/v1/admin/logs/" + "ab".repeat(32), adminToken, "{\"enabled\": false}")
        .statusCode());
    assertEquals(404, send("PUT", "/api/v1/admin/logs/%3Cscript%3E", adminToken, "{\"enabled\": false}").statusCode());
    for (String body : new String[] {"{}", "{\"enabled\": \"no\"}", "{\"enabled\": false, \"x\": 1}", "not json"}) {
      HttpResponse<String> r = send("PUT", "/api/v1/admin/logs/" + id, adminToken, body);
      assertEquals(400, r.statusCode(), body + " " + r.body());
    }
    assertEquals(Set.of(), new Logs(f.store.jdbi(), AccountApiFixture.CLOCK).disabled());
    assertEquals(List.of(), switched);
  }
}
