package org.ctmon.web.ui;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.stored.MatchRows;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.fetcher.follow.PaceStatus;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.LogPosition;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;
import org.ctmon.testlog.ManualClock;
import org.ctmon.web.harness.PerTestFixture;
import org.ctmon.web.serve.WebServer;
import org.ctmon.web.api.SearchApi;
import org.ctmon.web.api.WatchlistListener;

/**
 * A real server with the UI (and the public search API, for the certificate links) on an H2 file:
 * Alice with a watch list {@code shop} and one unexpected match for {@code www.shop.example} whose
 * issuer is hostile markup, Bob with nothing, two followed logs (one backing off), and a clock the
 * test moves.
 */
final class UiFixture extends PerTestFixture {
  static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
  static final String ALICE = "alice@example.com";
  static final String ALICE_PASSWORD = "alice password";
  static final String BOB = "bob@example.com";
  static final String BOB_PASSWORD = "bob password";
  static final String HOSTILE_ISSUER = "<script>alert('issuer')</script>";
  final ManualClock clock = new ManualClock(NOW);
  Store store;
  WebServer web;
  long alice;
  long bob;
  long aliceList;
  final List<String> saved = Collections.synchronizedList(new ArrayList<>());

  /** For {@code @RegisterExtension}: a fresh fixture for each test, closed after it. */
  static UiFixture perTest() {
    return new UiFixture();
  }

  private UiFixture() {}

  UiFixture(Path dir) {
    start(dir);
  }

  /** A browser signed in through the form as {@code email}. */
  HttpBrowser signedIn(String email, String password) {
    HttpBrowser b = new HttpBrowser(this);
    b.signIn(email, password);
    return b;
  }

  @Override
  protected void start(Path dir) {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    Accounts accounts = new Accounts(store.jdbi(), clock, new SecureRandom());
    alice = accounts.create(ALICE, ALICE_PASSWORD, false);
    bob = accounts.create(BOB, BOB_PASSWORD, false);
    aliceList = new Watchlists(store.jdbi(), clock).create(alice,
        new WatchlistSpec("shop", List.of(".shop.example"), List.of("letsencrypt.org"), List.of(), false));
    ingestOneMatch();
    sampleADay();
    WebUi ui = new WebUi(store.jdbi(), clock, this::statuses, CaaIssuers.bundled(), new WatchlistListener() {
      @Override
      public void saved(long accountId, long watchlistId) {
        saved.add(accountId + " " + watchlistId);
      }

      @Override
      public void deleted(long accountId, long watchlistId) {}
    });
    SearchApi api = new SearchApi(new org.ctmon.store.issuance.IssuanceSearch(store.jdbi()), clock);
    web = new WebServer(routes -> {
      ui.register(routes);
      routes.get("/", ui.home()); // as web.api.HomePage does for every request that is not crt.sh's JSON
      api.register(routes);
    }).start("127.0.0.1", 0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + web.port() + path;
  }

  private void ingestOneMatch() {
    Sha256 log = sha("log");
    new Logs(store.jdbi(), clock).register(new LogSpec(log, Der.of(new byte[] {0x30, 0x00}), "Test Log",
        "Test Operator", LogKind.RFC6962, "https://log.example/", null, "usable", 86400));
    byte[] der = "cert der www".getBytes(StandardCharsets.UTF_8);
    Issuance is = new Issuance(sha("tbs www"), Sha256.of(der), "CN=" + HOSTILE_ISSUER + ",O=Evil CA", HOSTILE_ISSUER,
        "Evil CA", "CN=www.shop.example", "0a01", Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-04-01T00:00:00Z"), sha("spki www"), "EC-P256", false, false,
        List.of("www.shop.example", "pay.shop.example"), List.of(), Der.of(der));
    new Ingest(store.jdbi(), clock, false).commit(new IngestBatch(log, 0, List.of(is),
        List.of(new LogEntryRecord(0, EntryType.X509, NOW.toEpochMilli(), is.tbsSha256())), List.of(),
        new LogPosition(1, OpaqueBytes.of(new byte[] {1}), sha("root")), Optional.empty()),
        new MatchRows(List.of(new MatchRecord(alice, aliceList, is.tbsSha256(), Verdict.UNEXPECTED,
            List.of("issuer Evil CA is not expected"), List.of(".shop.example"))), List.of()));
  }

  /** A day of samples of the Argon log, every 10 minutes: catching up in the morning, then keeping up. */
  private void sampleADay() {
    new Logs(store.jdbi(), clock).register(new LogSpec(sha("argon"), Der.of(new byte[] {0x30, 0x01}),
        "Google 'Argon2027h1'", "Google", LogKind.RFC6962, "https://ct.googleapis.com/logs/us1/argon2027h1/", null,
        "usable", 86400));
    List<org.ctmon.store.log.LogSamples.Sample> samples = new ArrayList<>();
    long size = 399_000_000L;
    long position = 398_000_000L;
    for (int i = 144; i > 0; i--) {
      size += 6_000 + (i % 7) * 500;
      position = Math.min(size - 10, position + (i > 90 ? 16_000 : 6_500 + (i % 5) * 300));
      samples.add(new org.ctmon.store.log.LogSamples.Sample(sha("argon"), NOW.minusSeconds(600L * i), size, position));
    }
    new org.ctmon.store.log.LogSamples(store.jdbi()).record(samples);
  }

  List<FollowerStatus> statuses() {
    Instant now = clock.instant();
    return List.of(
        new FollowerStatus(sha("argon"), "Google 'Argon2027h1'", "rfc6962",
            "https://ct.googleapis.com/logs/us1/argon2027h1/",
            Optional.of(new TreeHead(400_000_010L, now.toEpochMilli() - 30_000, sha("r1"))), 400_000_000L, 10,
            Optional.of(new TreeHead(400_000_000L, now.toEpochMilli() - 42_500, sha("r2"))),
            Optional.of(Duration.ofMillis(42_500)), FollowerHealth.OK, Optional.empty(), Optional.empty(),
            Optional.empty(), 0, FollowerConfig.DEFAULT,
            new PaceStatus(256, 4, 3, 9.5, "window grew", now.minusSeconds(60), Optional.empty()), 1234.5,
            Optional.of(now.minusSeconds(1))),
        new FollowerStatus(sha("parcel"), "Google 'ParcelYard2026h2'", "static",
            "https://storage.googleapis.com/parcelyard2026h2/", Optional.empty(), 0, 0, Optional.empty(),
            Optional.empty(), FollowerHealth.BACKING_OFF,
            Optional.of("error fetching checkpoint from https://storage.googleapis.com/parcelyard2026h2/: HTTP 503"),
            Optional.of(now.minusSeconds(5)), Optional.of(now.plusSeconds(60)), 7, FollowerConfig.DEFAULT,
            new PaceStatus(256, 2, 0, 0, "started", now.minusSeconds(600), Optional.empty()), 0, Optional.empty()));
  }

  static Sha256 sha(String s) {
    return Sha256.of(s.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    web.close();
    store.close();
  }
}
