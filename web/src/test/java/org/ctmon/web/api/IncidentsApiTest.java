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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.SignedTreeHead;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.log.IncidentKind;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;
import org.ctmon.store.log.ServedTreeHead;
import org.ctmon.web.serve.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/incidents} over a real H2 store and HTTP, with real signed heads from the
 * corpus as evidence: two Argon2027h1 get-sth answers and a ParcelYard2026h2 checkpoint with
 * witness cosignatures. The incidents themselves are staged; the logs never misbehaved.
 */
final class IncidentsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dir;
  private static Store store;
  private static WebServer web;
  private static LogKey argonKey;
  private static Sha256 parcelYard;

  @BeforeAll
  static void storeIncidentsWithRealHeadsAndStartTheServer() throws Exception {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    Logs logs = new Logs(store.jdbi(), Clock.fixed(Instant.parse("2026-10-05T00:00:00Z"), ZoneOffset.UTC));
    argonKey = LogKey.fromPem(new String(Corpus.bytes("rfc6962/keys/argon2027h1.pem"), StandardCharsets.UTF_8));
    LogKey parcelKey = LogKey.fromPem(new String(Corpus.bytes("rfc6962/keys/parcelyard2026h2.pem"), StandardCharsets.UTF_8));
    parcelYard = parcelKey.logId();
    logs.register(new LogSpec(argonKey.logId(), argonKey.spki(), "Google 'Argon2027h1'", "Google", LogKind.RFC6962,
        "https://ct.googleapis.com/logs/us1/argon2027h1/", null, "usable", 86400));
    logs.register(new LogSpec(parcelYard, parcelKey.spki(), "Google 'ParcelYard2026h2'", "Google", LogKind.STATIC,
        "https://parcelyard2026h2.prod.certificate.transparency.goog/",
        "https://storage.googleapis.com/parcelyard2026h2.prod.certificate.transparency.goog/", "qualified", 86400));
    long a = logs.recordTreeHead(argonKey.logId(), sth("get-sth_384065451.json"));
    long b = logs.recordTreeHead(argonKey.logId(), sth("get-sth_384071894.json"));
    logs.recordIncident(argonKey.logId(), IncidentKind.INCONSISTENT, "staged: heads that cannot both be true", a, b);
    byte[] note = Corpus.bytes("static-ct/parcelyard2026h2/checkpoint");
    long c = logs.recordTreeHead(parcelYard, new ServedTreeHead(
        new TreeHead(1587930800L, 1_791_000_000_000L,
            Sha256.wrap(Base64.getDecoder().decode("SVJjVAjX0Ya5ibcpFy1V4CHHnUOnlJfuH9XSm7nbrqo="))),
        OpaqueBytes.of(note),
        false, 1_791_000_001_000L));
    logs.recordIncident(parcelYard, IncidentKind.BAD_SIGNATURE, "staged: bad checkpoint signature", null, c);
    web = new WebServer(new IncidentsApi(new LogIncidents(store.jdbi()))::register).start("127.0.0.1", 0);
  }

  private static ServedTreeHead sth(String file) throws Exception {
    JsonNode j = JSON.readTree(Corpus.bytes("rfc6962/argon2027h1/" + file));
    return new ServedTreeHead(
        new TreeHead(j.get("tree_size").asLong(), j.get("timestamp").asLong(),
            Sha256.wrap(Base64.getDecoder().decode(j.get("sha256_root_hash").asText()))),
        OpaqueBytes.of(Base64.getDecoder().decode(j.get("tree_head_signature").asText())), true, 1_791_095_100_000L);
  }

  @AfterAll
  static void stop() {
    web.close();
    store.close();
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode incidents(String query) throws Exception {
    HttpResponse<String> r = get("/api/v1/incidents" + query);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("incidents");
  }

  @Test
  void anRfc6962HeadComesBackAsGetSthServedItAndStillVerifiesWithTheLogsKey() throws Exception {
    JsonNode argon = incidents("?log=" + argonKey.logId().base64().replace("+", "%2B").replace("/", "%2F"));

    assertEquals(1, argon.size());
    assertEquals("inconsistent", argon.get(0).get("kind").asText());
    for (String head : new String[] {"head_a", "head_b"}) {
      JsonNode h = argon.get(0).get(head);
      JsonNode served = JSON.readTree(Corpus.bytes("rfc6962/argon2027h1/get-sth_"
          + h.get("tree_size").asLong() + ".json"));
      for (String field : new String[] {"tree_size", "timestamp", "sha256_root_hash", "tree_head_signature"}) {
        assertEquals(served.get(field), h.get(field), field);
      }
      SignedTreeHead.of(h.get("tree_size").asLong(), h.get("timestamp").asLong(), h.get("sha256_root_hash").asText(),
          h.get("tree_head_signature").asText()).verify(argonKey);
    }
  }

  @Test
  void aStaticHeadComesBackAsTheWholeCheckpointItWasServedAs() throws Exception {
    // Pasted as is: its "+" arrives as a space.
    JsonNode parcel = incidents("?log=" + parcelYard.base64());

    assertEquals(1, parcel.size());
    JsonNode i = parcel.get(0);
    assertEquals(java.util.List.of("static", "bad_signature"), java.util.List.of(i.get("protocol").asText(),
        i.get("kind").asText()));
    assertTrue(i.get("head_a").isNull(), i.toString());
    assertEquals(new String(Corpus.bytes("static-ct/parcelyard2026h2/checkpoint"), StandardCharsets.UTF_8), i.get("head_b").get("checkpoint").asText());
    assertEquals(false, i.get("head_b").get("signature_valid").asBoolean());
  }

  @Test
  void everyIncidentNewestFirstAndALimit() throws Exception {
    JsonNode all = incidents("");
    assertEquals(2, all.size());
    assertTrue(all.get(0).get("id").asLong() > all.get(1).get("id").asLong(), all.toString());
    assertEquals(1, incidents("?limit=1").size());
  }

  @Test
  void aBadLogIdOrLimitIsAClearError() throws Exception {
    for (String q : new String[] {"?log=nonsense!", "?log=AAAA", "?limit=0", "?limit=1001", "?limit=many"}) {
      HttpResponse<String> r = get("/api/v1/incidents" + q);
      assertEquals(400, r.statusCode(), q + ": " + r.body());
      assertTrue(JSON.readTree(r.body()).get("error").asText().matches("(log|limit) must be .*"), r.body());
    }
  }
}
