package org.ctmon.web.api;

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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.DnsName;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.LogPosition;
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
 * The public search API over real HTTP, on an H2 file holding the 1,024 real precertificates of the
 * navigli2025h2 data tiles, as a user's crt.sh-style script would call it.
 */
final class SearchApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** After every navigli certificate was issued (May 2025) and before any expired (August 2025). */
  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  @TempDir static Path dir;
  private static Store store;
  private static WebServer web;
  private static final List<CertificateFacts> FACTS = new ArrayList<>();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void ingestRealPrecertificatesAndStartTheServer() {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Sha256 logId = Sha256.of("navigli2025h2".getBytes(StandardCharsets.UTF_8));
    new Logs(store.jdbi(), clock).register(new LogSpec(logId, Der.of(new byte[] {1}), "Navigli2025h2", "Geomys",
        LogKind.STATIC, "https://navigli2025h2.skylight.geomys.org/", "https://navigli2025h2.skylight.geomys.org/",
        "usable", 60));
    Ingest ingest = new Ingest(store.jdbi(), clock, true);
    // The last tile as a default monitor stores it: no DER for issuances no watch list matched.
    Ingest withoutDer = new Ingest(store.jdbi(), clock, false);
    CompactRange range = new CompactRange();
    for (int t = 0; t < 4; t++) {
      List<Issuance> issuances = new ArrayList<>();
      List<LogEntryRecord> entries = new ArrayList<>();
      for (EntryDecoding d : DataTile.decode(256L * t, Corpus.bytes("static-ct/navigli2025h2/tile/data/00" + t))) {
        PrecertEntry p = (PrecertEntry) ((Decoded) d).entry();
        CertificateFacts f = CertificateDecoder.fromTbs(p.tbsCertificate(), true).facts();
        FACTS.add(f);
        List<String> names = f.dnsNames().stream().map(DnsName::name).toList();
        issuances.add(new Issuance(f.tbsSha256(), null, f.issuer(), f.issuerCommonName(), f.issuerOrganization(),
            f.subject(), f.serial(), f.notBefore(), f.notAfter(), f.spkiSha256(), f.publicKey().type(), f.isCa(), true,
            names, f.ipAddresses(), p.preCertificate()));
        entries.add(new LogEntryRecord(p.index(), EntryType.PRECERT, p.timestamp(), f.tbsSha256()));
        range.append(p.leafHash());
      }
      (t == 3 ? withoutDer : ingest).commit(IngestBatch.of(logId, 256L * t, issuances, entries,
          new LogPosition(256L * (t + 1), OpaqueBytes.of(range.toBytes()), range.root())));
    }
    SearchApi api = new SearchApi(new IssuanceSearch(store.jdbi()), clock);
    web = new WebServer(api::register).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    web.close();
    store.close();
  }

  private static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode getJson(String pathAndQuery, int status) throws IOException, InterruptedException {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A registrable-looking domain with several certificates under it, chosen from the data itself. */
  private static Map.Entry<String, Set<Sha256>> busiestParentDomain() {
    Map<String, Set<Sha256>> byParent = new LinkedHashMap<>();
    for (CertificateFacts f : FACTS) {
      for (DnsName n : f.dnsNames()) {
        String[] labels = n.name().split("\\.");
        if (labels.length >= 3) {
          String parent = labels[labels.length - 2] + "." + labels[labels.length - 1];
          byParent.computeIfAbsent(parent, k -> new HashSet<>()).add(f.tbsSha256());
        }
      }
    }
    return byParent.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> a.size() - b.size())).orElseThrow();
  }

  @Test
  void anExactNameFindsTheCertificatesThatNameIt() throws Exception {
    CertificateFacts f = FACTS.get(17);
    String name = f.dnsNames().get(0).name();
    Set<Sha256> expected = new HashSet<>();
    for (CertificateFacts g : FACTS) {
      if (g.dnsNames().stream().anyMatch(n -> n.name().equals(name))) {
        expected.add(g.tbsSha256());
      }
    }
    JsonNode body = getJson("/api/v1/search?q=" + q(name), 200);
    Set<Sha256> found = new HashSet<>();
    body.get("results").forEach(r -> found.add(Sha256.fromHex(r.get("tbs_sha256").asText())));
    assertEquals(expected, found);
    JsonNode first = body.get("results").get(0);
    for (String field : List.of("tbs_sha256", "dns_names", "ip_addresses", "subject", "issuer", "serial", "not_before",
        "not_after", "first_seen")) {
      assertTrue(first.has(field), "field " + field + " in " + first);
    }
  }

  @Test
  void aLeadingDotOrPercentDotFindsTheNameAndEverySubdomainAcrossPages() throws Exception {
    Map.Entry<String, Set<Sha256>> busiest = busiestParentDomain();
    assertTrue(busiest.getValue().size() >= 3, "corpus has a domain with several certificates: " + busiest);
    for (String form : List.of("." + busiest.getKey(), "%." + busiest.getKey())) {
      Set<Sha256> found = new HashSet<>();
      String cursor = null;
      int pages = 0;
      do {
        JsonNode body = getJson("/api/v1/search?limit=2&q=" + q(form) + (cursor == null ? "" : "&cursor=" + q(cursor)), 200);
        body.get("results").forEach(r -> assertTrue(found.add(Sha256.fromHex(r.get("tbs_sha256").asText())), "no repeats across pages"));
        cursor = body.get("next").isNull() ? null : body.get("next").asText();
        pages++;
      } while (cursor != null && pages < 1000);
      assertEquals(busiest.getValue(), found, form);
    }
  }

  @Test
  void resultsComeNewestFirst() throws Exception {
    JsonNode body = getJson("/api/v1/search?limit=50&q=" + q("." + busiestParentDomain().getKey()), 200);
    String previous = null;
    for (JsonNode r : body.get("results")) {
      String seen = r.get("first_seen").asText();
      if (previous != null) {
        assertTrue(Instant.parse(seen).compareTo(Instant.parse(previous)) <= 0, seen + " after " + previous);
      }
      previous = seen;
    }
  }

  @Test
  void theCertificatePageListsItsLogEntryAndServesPemAndDer() throws Exception {
    CertificateFacts f = FACTS.get(300);
    JsonNode cert = getJson("/api/v1/certs/" + f.tbsSha256().hex(), 200);
    assertEquals(f.serial(), cert.get("serial").asText());
    assertEquals(1, cert.get("entries").size());
    assertEquals(300, cert.get("entries").get(0).get("index").asLong());
    assertEquals("precert", cert.get("entries").get(0).get("entry_type").asText());
    HttpResponse<String> pem = get(cert.get("links").get("pem").asText());
    assertEquals(200, pem.statusCode());
    assertTrue(pem.body().startsWith("-----BEGIN CERTIFICATE-----\n"), pem.body());
    HttpResponse<byte[]> der = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port()
        + cert.get("links").get("der").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
    // The DER kept is the precertificate; with the poison removed its TBS hashes to the key we asked for.
    assertEquals(f.tbsSha256(), CertificateDecoder.fromPrecertificate(Der.of(der.body())).facts().tbsSha256());
  }

  @Test
  void aCertificateWhoseDerWasNotKeptHasNoPemLinkAndSaysWhichSettingKeepsIt() throws Exception {
    CertificateFacts f = FACTS.get(3 * 256 + 7);
    JsonNode cert = getJson("/api/v1/certs/" + f.tbsSha256().hex(), 200);
    assertEquals(f.serial(), cert.get("serial").asText());
    assertFalse(cert.get("links").has("pem"), cert.toString());
    JsonNode error = getJson("/api/v1/certs/" + f.tbsSha256().hex() + ".pem", 404);
    assertEquals("no DER kept for issuance " + f.tbsSha256().hex() + ": ctmon keeps the DER of issuances a watch"
        + " list matched; retention.keepAllDer=true (CTMON_RETENTION_KEEP_ALL_DER) keeps every one from then on",
        error.get("error").asText());
  }

  @Test
  void excludingExpiredHidesNothingBeforeExpiryAndBadInputIsAClearError() throws Exception {
    String domain = "." + busiestParentDomain().getKey();
    assertEquals(getJson("/api/v1/search?q=" + q(domain), 200).get("results").size(),
        getJson("/api/v1/search?expired=false&q=" + q(domain), 200).get("results").size());
    assertEquals("expired must be true or false", getJson("/api/v1/search?expired=maybe&q=x.example", 400).get("error").asText());
    assertTrue(getJson("/api/v1/search", 400).get("error").asText().startsWith("give a search"));
    assertEquals("only a leading %. is supported (all subdomains), as in %.example.com",
        getJson("/api/v1/search?q=" + q("foo%bar.com"), 400).get("error").asText());
    assertEquals("'.' is not a DNS name", getJson("/api/v1/search?q=" + q("."), 400).get("error").asText());
    assertEquals("'%.' is not a DNS name", getJson("/api/v1/search?q=" + q("%."), 400).get("error").asText());
    // A NUL is shown in the error, not trimmed away into "''".
    assertEquals("'\\u0000' is not a DNS name", getJson("/api/v1/search?q=%00", 400).get("error").asText());
    // A Unicode name with subdomains is searched by its A-label and answers, even when nothing matches.
    assertEquals(0, getJson("/api/v1/search?q=" + q("%.Bücher.Example."), 200).get("results").size());
    assertEquals("a certificate is named by its tbs_sha256: 64 hexadecimal digits",
        getJson("/api/v1/certs/" + q("'; DROP TABLE issuances;--"), 400).get("error").asText());
    assertEquals(404, get("/api/v1/certs/" + Sha256.of(new byte[] {9}).hex()).statusCode());
    // Hostile text is just a name that matches nothing, and the table is still there.
    assertEquals(0, getJson("/api/v1/search?q=" + q("x');drop--table--issuances;.example"), 200).get("results").size());
    assertTrue(getJson("/api/v1/search?q=" + q(FACTS.get(0).dnsNames().get(0).name()), 200).get("results").size() > 0);
  }

  @Test
  void searchesByIssuerKeyAndSerialFindTheRightCertificates() throws Exception {
    CertificateFacts f = FACTS.get(5);
    JsonNode bySerial = getJson("/api/v1/search?q=" + q("serial:" + f.serial()), 200).get("results");
    assertEquals(1, bySerial.size());
    assertEquals(f.tbsSha256().hex(), bySerial.get(0).get("tbs_sha256").asText());
    long sameKey = FACTS.stream().filter(g -> g.spkiSha256().equals(f.spkiSha256())).count();
    assertEquals(sameKey, getJson("/api/v1/search?limit=1000&q=" + q("spki:" + f.spkiSha256().hex()), 200).get("results").size());
    long sameIssuer = FACTS.stream().filter(g -> f.issuerCommonName().equals(g.issuerCommonName())).count();
    assertEquals(Math.min(sameIssuer, 1000), getJson("/api/v1/search?limit=1000&q=" + q("issuer:" + f.issuerCommonName()), 200)
        .get("results").size());
  }
}
