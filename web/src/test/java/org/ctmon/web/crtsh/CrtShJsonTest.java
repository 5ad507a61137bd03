package org.ctmon.web.crtsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.LogPosition;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;
import org.ctmon.web.serve.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crt.sh-compatible search over real HTTP on a real H2 file, issuances ingested as the monitor
 * ingests them; the answers are read as a crt.sh script reads them.
 */
final class CrtShJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  /** Entry timestamps: the first issuance's, then one minute later each. */
  static final Instant FIRST_ENTRY = Instant.parse("2025-05-01T12:34:56.780Z");
  static final String LE = "CN=R11,O=Let's Encrypt,C=US";
  static final String CLOUDFLARE = "CN=Cloudflare TLS Issuing ECC CA 1,O=CLOUDFLARE\\, INC.,C=US";
  @TempDir static Path dir;
  private static Store store;
  static WebServer web;
  private static WebServer capped;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private record Cert(String key, String issuer, String cn, Instant notAfter, String... names) {}

  private static final List<Cert> CERTS = List.of(
      new Cert("apex", LE, "example.com", NOW.plus(Duration.ofDays(60)), "example.com"),
      new Cert("www", CLOUDFLARE, "www.example.com", NOW.plus(Duration.ofDays(60)), "www.example.com", "example.com"),
      new Cert("deep", LE, null, NOW.plus(Duration.ofDays(60)), "a.b.example.com"),
      new Cert("wild", LE, "*.example.com", NOW.plus(Duration.ofDays(60)), "*.example.com", "example.com"),
      new Cert("not", LE, "notexample.com", NOW.plus(Duration.ofDays(60)), "notexample.com"),
      new Cert("old", LE, "old.example.com", NOW.minus(Duration.ofDays(1)), "old.example.com"),
      new Cert("other", LE, "example.org", NOW.plus(Duration.ofDays(60)), "example.org", "www.example.org"));

  @BeforeAll
  static void ingestAndStart() {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Sha256 logId = Sha256.of("crtsh-test-log".getBytes(StandardCharsets.UTF_8));
    new Logs(store.jdbi(), clock).register(new LogSpec(logId, Der.of(new byte[] {1}), "Test", "ctmon",
        LogKind.RFC6962, "https://log.example/", "https://log.example/", "usable", 60));
    List<Issuance> issuances = new ArrayList<>();
    List<LogEntryRecord> entries = new ArrayList<>();
    CompactRange range = new CompactRange();
    for (int i = 0; i < CERTS.size(); i++) {
      Cert c = CERTS.get(i);
      Sha256 tbs = Sha256.of(("tbs " + c.key()).getBytes(StandardCharsets.UTF_8));
      String subject = c.cn() == null ? "O=No Common Name" : "CN=" + c.cn();
      String issuerCn = c.issuer().substring(3, c.issuer().indexOf(','));
      issuances.add(new Issuance(tbs, null, c.issuer(), issuerCn, "org", subject, String.format("0a%02x", i),
          Instant.parse("2025-05-01T00:00:00Z").plusSeconds(i), c.notAfter(),
          Sha256.of(("key " + c.key()).getBytes(StandardCharsets.UTF_8)), "EC-P256", false, true,
          List.of(c.names()), List.of(), null));
      entries.add(new LogEntryRecord(i, EntryType.PRECERT, FIRST_ENTRY.plusSeconds(60L * i).toEpochMilli(), tbs));
      range.append(Sha256.of(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
    }
    new Ingest(store.jdbi(), clock, false).commit(IngestBatch.of(logId, 0, issuances, entries,
        new LogPosition(CERTS.size(), OpaqueBytes.of(range.toBytes()), range.root())));
    IssuanceSearch search = new IssuanceSearch(store.jdbi());
    web = new WebServer(new CrtShJson(search, clock)::register).start("127.0.0.1", 0);
    capped = new WebServer(new CrtShJson(search, clock, 2)::register).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    web.close();
    capped.close();
    store.close();
  }

  static HttpResponse<String> get(WebServer server, String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    if (headers.length > 0) {
      r.headers(headers);
    }
    return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode rows(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = get(web, pathAndQuery);
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    JsonNode body = JSON.readTree(r.body());
    assertTrue(body.isArray(), r.body());
    return body;
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** The test keys of the rows, in answer order. */
  private static List<String> keys(JsonNode rows) {
    List<String> out = new ArrayList<>();
    for (JsonNode row : rows) {
      out.add(CERTS.get(row.get("serial_number").asText().charAt(3) - '0').key());
    }
    return out;
  }

  @Test
  void aRowHasCrtShsFieldsInCrtShsOrderAndTypes() throws Exception {
    JsonNode row = rows("/json?q=" + q("www.example.com")).get(0);
    List<String> fields = new ArrayList<>();
    row.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("issuer_ca_id", "issuer_name", "common_name", "name_value", "id", "entry_timestamp",
        "not_before", "not_after", "serial_number", "result_count"), fields);
    assertTrue(row.get("issuer_ca_id").isIntegralNumber());
    assertEquals(CrtShRow.issuerCaId(CLOUDFLARE), row.get("issuer_ca_id").asLong());
    assertEquals("C=US, O=\"CLOUDFLARE, INC.\", CN=Cloudflare TLS Issuing ECC CA 1", row.get("issuer_name").asText());
    assertEquals("www.example.com", row.get("common_name").asText());
    assertEquals("www.example.com", row.get("name_value").asText());
    assertTrue(row.get("id").isIntegralNumber() && row.get("id").asLong() > 0);
    assertEquals("2025-05-01T12:35:56.78", row.get("entry_timestamp").asText());
    assertEquals("2025-05-01T00:00:01", row.get("not_before").asText());
    assertEquals("2025-07-31T00:00:00", row.get("not_after").asText());
    assertEquals("0a01", row.get("serial_number").asText());
    assertTrue(row.get("result_count").isIntegralNumber());
    assertEquals(2, row.get("result_count").asInt(), "the subject CN and the SAN, as crt.sh counts");
  }

  @Test
  void aPlainNameFindsTheNameAndEverySubdomainNewestFirstAsCrtShDoes() throws Exception {
    JsonNode rows = rows("/json?q=" + q("Example.COM."));
    assertEquals(List.of("old", "wild", "deep", "www", "apex"), keys(rows));
    assertEquals("*.example.com\nexample.com", rows.get(1).get("name_value").asText(), "sorted, newline-joined");
    assertEquals("example.com\nwww.example.com", rows.get(3).get("name_value").asText());
    assertTrue(rows.get(2).get("common_name").isNull(), "no CN is null, as crt.sh's row_to_json writes it");
  }

  @Test
  void percentDotFindsOnlyTheSubdomainsAndNamesOnlyThose() throws Exception {
    JsonNode rows = rows("/json?q=" + q("%.example.com"));
    assertEquals(List.of("old", "wild", "deep", "www"), keys(rows), "example.com alone is not below itself");
    assertEquals("www.example.com", rows.get(3).get("name_value").asText());
    assertEquals("*.example.com", rows.get(1).get("name_value").asText());
  }

  @Test
  void matchEqualsIsTheNameAloneWithoutTheWildcardCoveringIt() throws Exception {
    assertEquals(List.of("wild", "www", "apex"), keys(rows("/json?q=example.com&match==")));
    assertEquals(List.of(), keys(rows("/json?q=x.example.com&match=" + q("="))), "*.example.com is not x.example.com");
  }

  @Test
  void excludeExpiredLeavesOutWhatExpiredBeforeNow() throws Exception {
    assertEquals(List.of("wild", "deep", "www", "apex"), keys(rows("/json?q=example.com&exclude=expired")));
  }

  @Test
  void deduplicateChangesNothingBecauseAPrecertAndItsCertificateAreOneIssuance() throws Exception {
    assertEquals(keys(rows("/json?q=example.com")), keys(rows("/json?q=example.com&deduplicate=Y")));
  }

  @Test
  void excludeCasDropsAnIssuerByItsId() throws Exception {
    assertEquals(List.of("old", "wild", "deep", "apex"),
        keys(rows("/json?q=example.com&excludeCAs=" + CrtShRow.issuerCaId(CLOUDFLARE))));
  }

  @Test
  void parameterNamesAreCaseInsensitiveAsCrtShReadsThem() throws Exception {
    assertEquals(List.of("wild", "deep", "www", "apex"), keys(rows("/json?Q=example.com&EXCLUDE=expired")));
  }

  @Test
  void theRootWithOutputJsonIsCrtShsOtherSpellingAndWithoutItTheHomePage() throws Exception {
    assertEquals(keys(rows("/json?q=example.com")), keys(rows("/?q=example.com&output=json")));
    HttpResponse<String> json = get(web, "/?q=example.com", "Accept", "application/json");
    assertEquals(keys(rows("/json?q=example.com")), keys(JSON.readTree(json.body())));
    HttpResponse<String> home = get(web, "/");
    assertEquals(200, home.statusCode());
    assertTrue(home.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(home.body().contains("<h1>ctmon</h1>"));
  }

  @Test
  void anAnswerSaysItsCapAndWhetherItWasTruncated() throws Exception {
    HttpResponse<String> full = get(web, "/json?q=example.com");
    assertEquals("10000", full.headers().firstValue("X-Result-Cap").orElseThrow());
    assertEquals("false", full.headers().firstValue("X-Results-Truncated").orElseThrow());
    assertEquals("*", full.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    HttpResponse<String> cut = get(capped, "/json?q=example.com");
    assertEquals("2", cut.headers().firstValue("X-Result-Cap").orElseThrow());
    assertEquals("true", cut.headers().firstValue("X-Results-Truncated").orElseThrow());
    assertEquals(2, JSON.readTree(cut.body()).size());
    HttpResponse<String> exact = get(capped, "/json?q=www.example.org");
    assertEquals("false", exact.headers().firstValue("X-Results-Truncated").orElseThrow());
  }

  @Test
  void hostileOrUnsupportedQueriesGetA400SayingWhatIsSupported() throws Exception {
    Map<String, String> cases = new HashMap<>();
    cases.put("/json", "q is required");
    cases.put("/json?q=%25", "a % is supported only as the leading label");
    cases.put("/json?q=%25example.com", "a % is supported only as the leading label");
    cases.put("/json?q=exa%25mple.com", "a % is supported only as the leading label");
    cases.put("/json?q=%25.%25.com", "a % is supported only as the leading label");
    cases.put("/json?q=a&q=b", "parameter q given more than once");
    cases.put("/json?q=example.com&identity=example.org", "give q or identity, not both");
    cases.put("/json?q=example.com&output=atom", "output must be json here");
    cases.put("/json?q=example.com&exclude=revoked", "exclude takes only expired");
    cases.put("/json?q=example.com&deduplicate=maybe", "deduplicate takes Y or N");
    cases.put("/json?q=example.com&match=FTS", "match takes ILIKE, LIKE or = here");
    cases.put("/json?q=%25.example.com&match==", "match== takes a name without %");
    cases.put("/json?q=example.com&group=icaid", "group takes only none");
    cases.put("/json?q=example.com&excludeCAs=1,abc", "excludeCAs takes issuer_ca_id numbers");
    cases.put("/json?q=example.com&sort=1", "parameter \"sort\" is not supported here");
    cases.put("/json?CN=example.com", "parameter \"CN\" is not supported here");
    cases.put("/json?q=" + q("'; DROP TABLE issuances;--"), "q must be a DNS name");
    cases.put("/json?q=" + q("a".repeat(300) + ".com"), "q must be a DNS name");
    cases.put("/json?q=" + q("www.example.com\n<script>"), "q must be a DNS name");
    cases.put("/json?q=" + q("192.0.2.1/24"), "q must be a DNS name");
    cases.put("/?q=" + q("%25") + "&output=json", "a % is supported only as the leading label");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      HttpResponse<String> r = get(web, c.getKey());
      assertEquals(400, r.statusCode(), c.getKey() + ": " + r.body());
      String error = JSON.readTree(r.body()).get("error").asText();
      assertTrue(error.contains(c.getValue()), c.getKey() + ": " + error);
      assertFalse(r.body().contains("<script>"), "nothing echoed unescaped: " + r.body());
    }
    assertTrue(JSON.readTree(get(web, "/json?q=%25").body()).get("error").asText()
        .contains("q=%.example.com (subdomains only)"), "the error says what is supported");
  }

  @Test
  void anInternationalizedNameIsSearchedByItsALabels() throws Exception {
    assertEquals(List.of(), keys(rows("/json?q=" + q("bücher.example"))));
  }
}
