package org.ctmon.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.stored.MatchRows;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.DnsName;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.Sessions;
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
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.TestLogKey;
import org.ctmon.testlog.pki.TestPki;
import org.ctmon.web.api.SearchApi;
import org.ctmon.web.api.WatchlistListener;
import org.ctmon.web.serve.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate page over real HTTP on an H2 store: a certificate from the test PKI logged as a
 * precertificate in one log and as the final certificate in another (matched by Alice's watch
 * list, so its DER is kept), and an unmatched one with hostile names whose DER is not kept.
 */
final class CertificatePageTest {
  private static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  @TempDir static Path dir;
  private static Store store;
  private static WebServer web;
  private static org.ctmon.testlog.pki.TestIssuance issued;
  private static Issuance unkept;
  private static String aliceCookie;
  private static String bobCookie;

  @BeforeAll
  static void start() {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    SecureRandom random = new SecureRandom();
    Accounts accounts = new Accounts(store.jdbi(), CLOCK, random);
    long alice = accounts.create("alice@example.com", "alice password", false);
    long bob = accounts.create("bob@example.com", "bob password", false);
    long shop = new Watchlists(store.jdbi(), CLOCK).create(alice,
        new WatchlistSpec("shop", List.of(".shop.example"), List.of("letsencrypt.org"), List.of(), false));
    Sessions sessions = new Sessions(store.jdbi(), CLOCK, random);
    aliceCookie = SessionCookie.SESSION + "=" + sessions.start(alice, Duration.ofHours(1));
    bobCookie = SessionCookie.SESSION + "=" + sessions.start(bob, Duration.ofHours(1));

    TestLogKey alpha = TestLogKey.fromSeed(7, "alpha");
    TestLogKey beta = TestLogKey.fromSeed(7, "beta");
    Logs logs = new Logs(store.jdbi(), CLOCK);
    logs.register(new LogSpec(alpha.logId(), alpha.publicKey(), "Test Log Alpha", "Test Operator", LogKind.RFC6962,
        "https://alpha.example/", null, "usable", 86400));
    logs.register(new LogSpec(beta.logId(), beta.publicKey(), "Test Log Beta", "Test Operator", LogKind.RFC6962,
        "https://beta.example/", null, "usable", 86400));
    issued = TestPki.create(7).issue(IssuanceRequest.simple(Names.dns("www.shop.example", "pay.shop.example"), "E6",
        IssuanceStyle.PRECERT, List.of(alpha, beta), NOW.minusSeconds(60)));
    Issuance pre = issuance(CertificateDecoder.fromTbs(issued.precert().orElseThrow().tbsCertificate(), true),
        issued.precert().get().precertificate(), true);
    Issuance fin = issuance(CertificateDecoder.fromCertificate(issued.x509().certificate()),
        issued.x509().certificate(), false);
    byte[] hostileDer = "hostile der".getBytes(StandardCharsets.UTF_8);
    unkept = new Issuance(Sha256.of("tbs hostile".getBytes(StandardCharsets.UTF_8)), Sha256.of(hostileDer),
        "CN=" + HOSTILE + ",O=Evil CA", HOSTILE, "Evil CA", "CN=" + HOSTILE, "0a01", NOW.minusSeconds(3600),
        NOW.plusSeconds(86400 * 90), Sha256.of(new byte[] {1}), "EC-P256", false, false,
        List.of(HOSTILE + ".other.example"), List.of("192.0.2.7"), Der.of(hostileDer));

    Ingest ingest = new Ingest(store.jdbi(), CLOCK, false);
    ingest.commit(batch(alpha.logId(), 0, List.of(pre, unkept)));
    ingest.commit(batch(beta.logId(), 0, List.of(fin)), new MatchRows(List.of(new MatchRecord(alice, shop,
        fin.tbsSha256(), Verdict.UNEXPECTED, List.of("issuer Test E6 is not expected"), List.of(".shop.example"))),
        List.of()));

    Templates templates = new Templates();
    WebUi ui = new WebUi(store.jdbi(), CLOCK, List::of, CaaIssuers.bundled(), new WatchlistListener() {
      @Override
      public void saved(long accountId, long watchlistId) {}

      @Override
      public void deleted(long accountId, long watchlistId) {}
    });
    SignIn signIn = new SignIn(accounts, sessions, new LoginThrottle(CLOCK), templates, random);
    CertificatePage page = new CertificatePage(store.jdbi(), CLOCK, templates);
    SearchApi api = new SearchApi(new IssuanceSearch(store.jdbi()), CLOCK);
    web = new WebServer(routes -> {
      ui.register(routes);
      api.register(routes);
    }).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    web.close();
    store.close();
  }

  @Test
  void showsNamesIssuerDecodedFieldsAndBothTwinsWithTheirLogs() {
    HttpResponse<String> r = get(path(issued.tbsSha256()), null);
    String page = r.body();

    assertEquals(200, r.statusCode(), page);
    assertTrue(page.contains("<h1>www.shop.example</h1>") || page.contains("<h1>pay.shop.example</h1>"), page);
    assertTrue(page.contains("<code>www.shop.example</code>") && page.contains("<code>pay.shop.example</code>"));
    assertTrue(page.contains("CN=Test E6,O=Test Trust Services,C=US"), page);
    assertTrue(page.contains("Decoded from the stored DER of the final certificate."), page);
    assertTrue(page.contains("ecdsa-with-SHA256"), "signature algorithm");
    assertTrue(page.contains("EC 256 bits (secp256r1)") || page.contains("(prime256v1)"), page);
    assertTrue(page.contains("CA: false (end entity)"));
    assertTrue(page.contains("90 days"), "validity");
    Sha256 precertSha = issued.precert().get().precertificate().sha256();
    Sha256 certSha = issued.x509().certificate().sha256();
    assertTrue(page.contains(precertSha.hex()) && page.contains("https://crt.sh/?sha256=" + precertSha.hex()));
    assertTrue(page.contains(certSha.hex()) && page.contains("https://crt.sh/?sha256=" + certSha.hex()));
    assertTrue(page.contains(">Test Log Alpha</td><td class=\"num\">0</td><td>precertificate</td>"), page);
    assertTrue(page.contains(">Test Log Beta</td><td class=\"num\">0</td><td>certificate</td>"), page);
    assertTrue(page.contains("<h2>Embedded SCTs</h2>") && page.contains("<td>Test Log Beta</td>"), "sct log names");
    assertFalse(page.contains("Your verdicts"), "verdicts are for the signed-in owner only");
  }

  @Test
  void pemAndDerAreLinkedAndServeTheFinalCertificate() {
    String tbs = issued.tbsSha256().hex();
    String page = get(path(issued.tbsSha256()), null).body();

    assertTrue(page.contains("href=\"/api/v1/certs/" + tbs + ".pem\""), page);
    assertTrue(page.contains("href=\"/api/v1/certs/" + tbs + ".der\""), page);
    String pem = get("/api/v1/certs/" + tbs + ".pem", null).body();
    assertEquals(issued.x509().certificate(), Der.fromBase64(pem.replaceAll("-----[A-Z ]+-----|\\s", "")));
  }

  @Test
  void withoutDerItSaysSoShowsWhatTheStoreHasAndEscapesHostileText() {
    HttpResponse<String> r = get(path(unkept.tbsSha256()), aliceCookie);
    String page = r.body();

    assertEquals(200, r.statusCode(), page);
    assertTrue(page.contains("No DER is kept for this certificate"), page);
    assertTrue(page.contains("retention.keepAllDer"));
    assertFalse(page.contains(".pem\""), "nothing to download");
    assertFalse(page.contains("<img"), page);
    assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;.other.example"), page);
    assertTrue(page.contains("CN=&lt;img src=x onerror=alert(1)&gt;,O=Evil CA"), page);
    assertTrue(page.contains("192.0.2.7"));
    assertTrue(page.contains("not seen in the logs ctmon follows"), "no precertificate twin");
    assertTrue(page.contains("None of your watch lists matched this certificate."));
  }

  @Test
  void theOwnerSeesTheVerdictAndAnotherAccountDoesNot() {
    String alice = get(path(issued.tbsSha256()), aliceCookie).body();
    String bob = get(path(issued.tbsSha256()), bobCookie).body();

    assertTrue(alice.contains("<span class=\"badge unexpected\">unexpected</span>"), alice);
    assertTrue(alice.contains("issuer Test E6 is not expected"));
    assertTrue(alice.contains(">shop</a>"));
    assertTrue(bob.contains("None of your watch lists matched this certificate."), bob);
    assertFalse(bob.contains("issuer Test E6 is not expected"));
    assertFalse(bob.contains(">shop</a>"));
  }

  @Test
  void aSignedInVisitorMarksTheCertificateAsTheirsWithTheFormAndNotWithoutItsToken() throws Exception {
    String page = get(path(issued.tbsSha256()), bobCookie).body();
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(page.contains("Mark as mine") && token.find(), page);

    assertEquals(403, post(path(issued.tbsSha256()) + "/authorize", bobCookie, "csrf=wrong").statusCode());
    assertFalse(get(path(issued.tbsSha256()), bobCookie).body().contains("You marked this certificate as yours"));

    HttpResponse<String> done = post(path(issued.tbsSha256()) + "/authorize", bobCookie, "csrf=" + token.group(1));
    assertEquals(303, done.statusCode());
    assertEquals(path(issued.tbsSha256()), done.headers().firstValue("Location").orElseThrow());
    assertTrue(get(path(issued.tbsSha256()), bobCookie).body().contains("You marked this certificate as yours"));
    assertFalse(get(path(issued.tbsSha256()), aliceCookie).body().contains("You marked this certificate as yours"),
        "one account's authorization is its own");
  }

  private static HttpResponse<String> post(String path, String cookie, String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aMalformedOrUnknownTbsIsNotFound() {
    String unknown = "ab".repeat(32);
    for (String p : List.of("/certs/xyz", "/certs/" + unknown, "/certs/" + issued.tbsSha256().hex() + ".pem",
        "/certs/%3Cscript%3E")) {
      HttpResponse<String> r = get(p, null);
      assertEquals(404, r.statusCode(), p);
      assertFalse(r.body().contains("<script>"), r.body());
    }
    assertTrue(get("/certs/" + unknown, null).body().contains("ctmon has not seen a certificate with tbs_sha256 "
        + unknown));
    assertEquals(200, get("/certs/" + issued.tbsSha256().hex().toUpperCase(), null).statusCode());
  }

  @Test
  void searchResultsAndAlertDetailsLinkToThePage() {
    String link = "href=\"/certs/" + issued.tbsSha256().hex() + "\"";

    assertTrue(get("/search?q=.shop.example", null).body().contains(link));
    String alerts = get("/alerts", aliceCookie).body();
    java.util.regex.Matcher detail = java.util.regex.Pattern.compile("href=\"(/alerts/[0-9]+)\"").matcher(alerts);
    assertTrue(detail.find(), alerts);
    assertTrue(get(detail.group(1), aliceCookie).body().contains(link), "the alert's detail links to the certificate");
  }

  private static String path(Sha256 tbs) {
    return CertificatePage.path(tbs);
  }

  private static HttpResponse<String> get(String path, String cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).GET();
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** The store's issuance of a decoded (pre)certificate, as the follower maps it. */
  private static Issuance issuance(FactsResult result, Der der, boolean precert) {
    CertificateFacts f = ((FactsResult.Parsed) result).facts();
    return new Issuance(f.tbsSha256(), der.sha256(), f.issuer(), f.issuerCommonName(), f.issuerOrganization(),
        f.subject(), f.serial(), f.notBefore(), f.notAfter(), f.spkiSha256(), "EC-P256", f.isCa(), precert,
        f.dnsNames().stream().map(DnsName::name).toList(), f.ipAddresses(), der);
  }

  private static IngestBatch batch(Sha256 log, long from, List<Issuance> issuances) {
    List<LogEntryRecord> entries = new ArrayList<>();
    long index = from;
    for (Issuance i : issuances) {
      entries.add(new LogEntryRecord(index++, i.precert() ? EntryType.PRECERT : EntryType.X509,
          NOW.minusSeconds(30).toEpochMilli(), i.tbsSha256()));
    }
    return new IngestBatch(log, from, issuances, entries, List.of(),
        new LogPosition(index, OpaqueBytes.of(new byte[] {1}), Sha256.of(Base64.getDecoder().decode("AA=="))),
        Optional.empty());
  }
}
