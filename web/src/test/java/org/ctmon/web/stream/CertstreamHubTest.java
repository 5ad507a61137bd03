package org.ctmon.web.stream;

import static org.ctmon.web.stream.StreamFixture.await;
import static org.ctmon.web.stream.StreamFixture.batch;
import static org.ctmon.web.stream.StreamFixture.issuance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.ctmon.store.ingest.Issuance;
import org.junit.jupiter.api.Test;

final class CertstreamHubTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void eachEndpointReceivesCertstreamsShapeOfEveryEntry() throws Exception {
    try (StreamFixture f = StreamFixture.withDefaults()) {
      StreamFixture.Recorder lite = StreamFixture.Recorder.connect(f.ws("/certstream"));
      StreamFixture.Recorder full = StreamFixture.Recorder.connect(f.ws("/certstream/full-stream"));
      StreamFixture.Recorder domains = StreamFixture.Recorder.connect(f.ws("/certstream/domains-only"));
      await(() -> f.hub.clients() == 3, WAIT, "three clients");

      Issuance precert = issuance("a", true, List.of("a.example", "www.a.example"));
      f.hub.published(batch(7, List.of(precert)), StreamFixture.SOURCE);

      JsonNode l = JSON.readTree(lite.next(WAIT).text());
      assertEquals("certificate_update", l.get("message_type").asText());
      JsonNode data = l.get("data");
      assertEquals("PrecertLogEntry", data.get("update_type").asText());
      assertEquals(7, data.get("cert_index").asLong());
      assertEquals("https://ct.example/logs/argon/ct/v1/get-entries?start=7&end=7", data.get("cert_link").asText());
      assertEquals("Test 'Argon' log", data.at("/source/name").asText());
      assertEquals("https://ct.example/logs/argon/", data.at("/source/url").asText());
      assertTrue(data.get("seen").isDouble());
      JsonNode leaf = data.get("leaf_cert");
      assertEquals(JSON.readTree("[\"a.example\",\"www.a.example\"]"), leaf.get("all_domains"));
      assertEquals("/CN=a.example", leaf.at("/subject/aggregated").asText());
      assertEquals("a.example", leaf.at("/subject/CN").asText());
      assertTrue(leaf.at("/subject/O").isNull());
      assertEquals("/C=US/O=Let's Encrypt/CN=R11", leaf.at("/issuer/aggregated").asText());
      assertEquals("DNS:a.example, DNS:www.a.example", leaf.at("/extensions/subjectAltName").asText());
      assertEquals(1767225600, leaf.get("not_before").asLong());
      assertEquals(1775001600, leaf.get("not_after").asLong());
      assertEquals("04A1B2C3D4E5F6", leaf.get("serial_number").asText());
      assertEquals(59, leaf.get("fingerprint").asText().length(), "SHA-1, colon-separated upper-case hex");
      assertFalse(leaf.has("as_der"), "lite has no DER");
      assertFalse(data.has("chain"), "lite has no chain");

      JsonNode fullData = JSON.readTree(full.next(WAIT).text()).get("data");
      assertEquals(precert.der(), org.ctmon.parser.Der.of(
          Base64.getDecoder().decode(fullData.at("/leaf_cert/as_der").asText())));
      assertTrue(fullData.get("chain").isArray());

      assertEquals(JSON.readTree("{\"message_type\":\"dns_entries\",\"data\":[\"a.example\",\"www.a.example\"]}"),
          JSON.readTree(domains.next(WAIT).text()));
      lite.close();
      full.close();
      domains.close();
    }
  }

  @Test
  void latestJsonListsTheNewestUpdatesFirstAndExampleJsonTheNewest() throws Exception {
    try (StreamFixture f = StreamFixture.withDefaults()) {
      HttpClient http = HttpClient.newHttpClient();
      assertEquals(404, http.send(HttpRequest.newBuilder(f.http("/example.json")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode());
      f.hub.published(batch(0, List.of(issuance("x", false, List.of("x.example")),
          issuance("y", false, List.of("y.example")))), StreamFixture.SOURCE);
      await(() -> f.hub.messages() == 2, WAIT, "two updates");

      HttpResponse<String> latest = http.send(HttpRequest.newBuilder(f.http("/latest.json")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals("application/json", latest.headers().firstValue("content-type").orElseThrow().split(";")[0]);
      JsonNode messages = JSON.readTree(latest.body()).get("messages");
      assertEquals(2, messages.size());
      assertEquals("y.example", messages.get(0).at("/data/leaf_cert/all_domains/0").asText());
      assertEquals("x.example", messages.get(1).at("/data/leaf_cert/all_domains/0").asText());

      JsonNode example = JSON.readTree(http.send(HttpRequest.newBuilder(f.http("/example.json")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      assertEquals("X509LogEntry", example.at("/data/update_type").asText());
      assertEquals(1, example.at("/data/cert_index").asLong());
    }
  }

  @Test
  void latestJsonKeepsTheLast25() throws Exception {
    try (StreamFixture f = StreamFixture.withDefaults()) {
      for (int i = 0; i < 30; i++) {
        f.hub.published(batch(i, List.of(issuance("n" + i, false, List.of("n" + i + ".example")))),
            StreamFixture.SOURCE);
      }
      await(() -> f.hub.messages() == 30, WAIT, "thirty updates");
      JsonNode messages = JSON.readTree(HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(f.http("/latest.json")).build(), HttpResponse.BodyHandlers.ofString()).body())
          .get("messages");
      assertEquals(25, messages.size());
      assertEquals(29, messages.get(0).at("/data/cert_index").asLong());
    }
  }

  @Test
  void clientsGetHeartbeats() throws Exception {
    try (StreamFixture f = new StreamFixture(new CertstreamHub(Clock.systemUTC(), 16, 16, 100))) {
      StreamFixture.Recorder r = StreamFixture.Recorder.connect(f.ws("/certstream"));
      JsonNode beat = JSON.readTree(r.messages.poll(10, java.util.concurrent.TimeUnit.SECONDS).text());
      assertEquals("heartbeat", beat.get("message_type").asText());
      assertTrue(beat.get("timestamp").isDouble());
      r.close();
    }
  }

  @Test
  void tiledLogsHaveNoCertLink() throws Exception {
    try (StreamFixture f = StreamFixture.withDefaults()) {
      StreamFixture.Recorder r = StreamFixture.Recorder.connect(f.ws("/certstream"));
      await(() -> f.hub.clients() == 1, WAIT, "a client");
      f.hub.published(batch(3, List.of(issuance("t", false, List.of("t.example")))),
          new LogSource("Tiled", "https://tiles.example/", true));
      JsonNode data = JSON.readTree(r.next(WAIT).text()).get("data");
      assertEquals("", data.get("cert_link").asText());
      assertEquals("tiled", data.at("/source/type").asText());
      r.close();
    }
  }
}
