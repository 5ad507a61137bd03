package org.ctmon.alerts.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.Authorizations;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;

final class WatchedIngestTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Sha256 LOG_C = TestIssuances.sha("log c");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A store with logs A, B and C, and the accounts of Mei (bank) and Bob (other). */
  private record World(Store store, long mei, long bob, WatchStateSource watch, WatchedIngest ingest,
                       AtomicInteger wakes) {
    static World open(Store store) {
      TestIssuances.registerLogs(store);
      new Logs(store.jdbi(), CLOCK).register(new LogSpec(LOG_C, Der.of(new byte[] {0x30, 0x02}), "Test Log C",
          "Test Operator", LogKind.RFC6962, "https://c.example/", null, "usable", 86400));
      Accounts accounts = new Accounts(store.jdbi(), CLOCK, new SecureRandom());
      long mei = accounts.create("mei@bank.example", "a long password", false);
      long bob = accounts.create("bob@other.example", "another password", false);
      WatchStateSource watch = new WatchStateSource(store.jdbi(), CLOCK, CaaIssuers.bundled());
      AtomicInteger wakes = new AtomicInteger();
      WatchedIngest ingest = new WatchedIngest(new Ingest(store.jdbi(), CLOCK, false), watch, "https://ctmon.example/",
          wakes::incrementAndGet);
      return new World(store, mei, bob, watch, ingest, wakes);
    }

    long watch(long account, WatchlistSpec spec) {
      long id = new Watchlists(store.jdbi(), CLOCK).create(account, spec);
      watch.refresh();
      return id;
    }

    List<Alert> alerts(long account) {
      return new Outbox(store.jdbi(), CLOCK).list(account, Optional.empty(), 100).items();
    }

    List<MatchView> matches(long account) {
      return new Matches(store.jdbi()).list(account, Optional.empty(), Optional.empty(), Optional.empty(), 100).items();
    }
  }

  private static WatchlistSpec bankList(List<String> expectedIssuers) {
    return new WatchlistSpec("bank", List.of(".mybank.example"), expectedIssuers, List.of(), false);
  }

  @OnBothDatabases
  void aPrecertificateAndItsCertificateInThreeLogsGiveOneAlertPerChannel(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      World w = World.open(t.store());
      long hook = new Webhooks(t.store().jdbi(), CLOCK).create(w.mei(), "https://hooks.example/x", "s",
          WebhookFormat.JSON);
      new EmailRecipients(t.store().jdbi(), CLOCK).add(w.mei(), "mei@bank.example");
      w.watch(w.mei(), bankList(List.of("digicert.com")));
      w.watch.refreshIfChanged();

      Issuance precert = TestIssuances.precert("vpn", "vpn.mybank.example");
      Issuance cert = TestIssuances.issuance("vpn", "vpn.mybank.example");
      w.ingest().commit(TestIssuances.batch(TestIssuances.LOG_A, 0, List.of(precert)));
      w.ingest().commit(TestIssuances.batch(TestIssuances.LOG_B, 0, List.of(precert, cert)));
      w.ingest().commit(TestIssuances.batch(LOG_C, 0, List.of(cert)));

      List<Alert> alerts = w.alerts(w.mei());
      assertEquals(2, alerts.size(), alerts.toString());
      assertEquals(1, w.matches(w.mei()).size());
      assertEquals(1, w.wakes().get(), "only the first commit wrote alerts");
      JsonNode body = JSON.readTree(alerts.get(0).payloadJson());
      assertEquals("certificate.unexpected", body.get("type").asText());
      assertEquals(alerts.get(0).idempotencyKey(), body.get("id").asText());
      JsonNode match = body.get("match");
      assertEquals("vpn.mybank.example", match.get("dns_names").get(0).asText());
      assertEquals("unexpected", match.get("verdict").asText());
      assertEquals("issuer not allowed: CN=R11,O=Let's Encrypt,C=US", match.get("reasons").get(0).asText());
      assertEquals("bank", match.get("watchlist").get("name").asText());
      assertEquals("https://ctmon.example/api/v1/certs/" + cert.tbsSha256().hex(), match.get("url").asText());
      assertEquals(List.of("webhook", "email"), alerts.stream()
          .map(a -> a.recipient() instanceof Recipient.Webhook h && h.webhookId() == hook
              ? "webhook" : "email").sorted(Comparator.reverseOrder()).toList());
    }
  }

  @OnBothDatabases
  void anExpectedIssuerIsMatchedButDoesNotAlert(TestDatabase db) {
    try (var t = db.open()) {
      World w = World.open(t.store());
      new EmailRecipients(t.store().jdbi(), CLOCK).add(w.mei(), "mei@bank.example");
      w.watch(w.mei(), bankList(List.of("letsencrypt.org")));

      w.ingest().commit(TestIssuances.batch(TestIssuances.LOG_A, 0,
          List.of(TestIssuances.issuance("www", "www.mybank.example"))));

      assertEquals(List.of(Verdict.EXPECTED), w.matches(w.mei()).stream().map(MatchView::verdict).toList());
      assertEquals(List.of(), w.alerts(w.mei()));
    }
  }

  @OnBothDatabases
  void aListWithoutPolicyAlertsEveryCertificateAsDiscovered(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      World w = World.open(t.store());
      new EmailRecipients(t.store().jdbi(), CLOCK).add(w.mei(), "mei@bank.example");
      w.watch(w.mei(), bankList(List.of()));

      w.ingest().commit(TestIssuances.batch(TestIssuances.LOG_A, 0,
          List.of(TestIssuances.issuance("www", "WWW.MyBank.Example".toLowerCase()))));

      List<Alert> alerts = w.alerts(w.mei());
      assertEquals(1, alerts.size());
      assertEquals("certificate.discovered", JSON.readTree(alerts.get(0).payloadJson()).get("type").asText());
    }
  }

  @OnBothDatabases
  void noAccountSeesOrGetsAnotherAccountsMatches(TestDatabase db) {
    try (var t = db.open()) {
      World w = World.open(t.store());
      new EmailRecipients(t.store().jdbi(), CLOCK).add(w.mei(), "mei@bank.example");
      new EmailRecipients(t.store().jdbi(), CLOCK).add(w.bob(), "bob@other.example");
      w.watch(w.mei(), bankList(List.of("digicert.com")));
      w.watch(w.bob(), new WatchlistSpec("other", List.of(".other.example"), List.of(), List.of(), false));

      w.ingest().commit(TestIssuances.batch(TestIssuances.LOG_A, 0,
          List.of(TestIssuances.issuance("vpn", "vpn.mybank.example"))));

      assertEquals(1, w.alerts(w.mei()).size());
      assertEquals(List.of(), w.alerts(w.bob()));
      assertEquals(List.of(), w.matches(w.bob()));
    }
  }

  @OnBothDatabases
  void anAuthorizedCertificateIsExpectedAndSilent(TestDatabase db) {
    try (var t = db.open()) {
      World w = World.open(t.store());
      new EmailRecipients(t.store().jdbi(), CLOCK).add(w.mei(), "mei@bank.example");
      w.watch(w.mei(), bankList(List.of("digicert.com")));
      Issuance renewal = TestIssuances.issuance("renewal", "www.mybank.example");
      new Authorizations(t.store().jdbi(), CLOCK).add(w.mei(), Authorizations.Kind.TBS, renewal.tbsSha256(), "ours");
      w.watch().refreshIfChanged();

      w.ingest().commit(TestIssuances.batch(TestIssuances.LOG_A, 0, List.of(renewal)));

      MatchView m = w.matches(w.mei()).get(0);
      assertEquals(Verdict.EXPECTED, m.verdict());
      assertEquals(List.of(Verdicts.AUTHORIZED), m.reasons());
      assertEquals(List.of(), w.alerts(w.mei()));
    }
  }

  @OnBothDatabases
  void aLookalikeAlertsOnlyWhenTheListAsksForIt(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      World w = World.open(t.store());
      new EmailRecipients(t.store().jdbi(), CLOCK).add(w.mei(), "mei@bank.example");
      new EmailRecipients(t.store().jdbi(), CLOCK).add(w.bob(), "bob@other.example");
      w.watch(w.mei(), new WatchlistSpec("brand", List.of(".mybank.example"), List.of(), List.of(), true));
      w.watch(w.bob(), new WatchlistSpec("brand", List.of(".mybank.example"), List.of(), List.of(), false));

      w.ingest().commit(TestIssuances.batch(TestIssuances.LOG_A, 0,
          List.of(TestIssuances.issuance("phish", "rnybank-login.example"))));

      List<Alert> alerts = w.alerts(w.mei());
      assertEquals(1, alerts.size());
      JsonNode match = JSON.readTree(alerts.get(0).payloadJson()).get("match");
      assertEquals("lookalike", match.get("verdict").asText());
      assertTrue(match.get("reasons").size() > 0);
      assertEquals(List.of(), w.alerts(w.bob()));
    }
  }

  @OnBothDatabases
  void aWatchListSavedLaterFindsWhatWasStoredAndAlertsOnlyIfAsked(TestDatabase db) {
    try (var t = db.open()) {
      World w = World.open(t.store());
      new EmailRecipients(t.store().jdbi(), CLOCK).add(w.mei(), "mei@bank.example");
      w.ingest().commit(TestIssuances.batch(TestIssuances.LOG_A, 0, List.of(
          TestIssuances.issuance("old", "old.mybank.example"),
          TestIssuances.issuance("wild", "*.mybank.example"),
          TestIssuances.issuance("other", "www.other.example"))));
      long quiet = w.watch(w.mei(), bankList(List.of("digicert.com")));
      long loud = w.watch(w.mei(), new WatchlistSpec("loud", List.of("www.mybank.example"), List.of("digicert.com"),
          List.of(), false, List.of(), true));
      try (HistoryScan scan = new HistoryScan(t.store().jdbi(), CLOCK, w.watch(), "https://ctmon.example/",
          w.wakes()::incrementAndGet)) {
        assertEquals(2, scan.scan(w.mei(), quiet));
        assertEquals(1, scan.scan(w.mei(), loud), "the wildcard certificate covers www");
        assertEquals(0, scan.scan(w.mei(), quiet), "a second scan finds nothing new");
      }
      List<MatchView> matches = w.matches(w.mei());
      assertEquals(3, matches.size());
      assertTrue(matches.stream().allMatch(MatchView::historical));
      assertEquals(1, w.alerts(w.mei()).size(), "only the list that asked alerts on history");
    }
  }
}
