package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.stored.MatchRows;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.LogPosition;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Matches and alerts as ingest stores them, read back over the API by their owner only. */
final class MatchesAndAlertsApiTest {
  private static final Sha256 LOG = sha("log");
  @RegisterExtension final AccountApiFixture f = AccountApiFixture.perTest();
  private long aliceList;
  private long bobList;
  private long webhook;
  private final List<Issuance> issuances = new ArrayList<>();

  private static Sha256 sha(String s) {
    return Sha256.of(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Issuance issuance(String seed, String name) {
    byte[] der = ("cert der " + seed).getBytes(StandardCharsets.UTF_8);
    return new Issuance(sha("tbs " + seed), Sha256.of(der), "CN=R11,O=Let's Encrypt,C=US", "R11", "Let's Encrypt",
        "CN=" + name, "0a" + seed.length(), Instant.parse("2026-01-01T00:00:00Z"),
        Instant.parse("2026-04-01T00:00:00Z"), sha("spki " + seed), "EC-P256", false, false, List.of(name), List.of(),
        Der.of(der));
  }

  /** Alice has three matches (and three alerts to her webhook), Bob one (and one email alert). */
  @BeforeEach
  void ingestMatchesForTwoAccounts() {
    new Logs(f.store.jdbi(), AccountApiFixture.CLOCK).register(new LogSpec(LOG, Der.of(new byte[] {0x30, 0x00}),
        "Test Log", "Test Operator", LogKind.RFC6962, "https://log.example/", null, "usable", 86400));
    Watchlists lists = new Watchlists(f.store.jdbi(), AccountApiFixture.CLOCK);
    aliceList = lists.create(f.alice, new WatchlistSpec("alice", List.of(".example.com"), List.of(), List.of(), false));
    bobList = lists.create(f.bob, new WatchlistSpec("bob", List.of(".example.org"), List.of(), List.of(), false));
    webhook = new Webhooks(f.store.jdbi(), AccountApiFixture.CLOCK).create(f.alice, "https://hooks.example/", "",
        WebhookFormat.JSON);
    List<MatchRecord> matches = new ArrayList<>();
    List<OutboxRecord> alerts = new ArrayList<>();
    List<LogEntryRecord> entries = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      boolean bobs = i == 3;
      Issuance is = issuance("n" + i, bobs ? "www.example.org" : "host" + i + ".example.com");
      issuances.add(is);
      entries.add(new LogEntryRecord(i, EntryType.X509, 1_767_225_600_000L + i, is.tbsSha256()));
      long account = bobs ? f.bob : f.alice;
      long list = bobs ? bobList : aliceList;
      matches.add(new MatchRecord(account, list, is.tbsSha256(), Verdict.UNEXPECTED,
          List.of("issuer Let's Encrypt is not expected"), List.of(bobs ? ".example.org" : ".example.com")));
      alerts.add(new OutboxRecord(account, "key-" + i, EventType.CERTIFICATE_UNEXPECTED,
          bobs ? new Recipient.Email("bob@example.org") : new Recipient.Webhook(webhook), list, is.tbsSha256(),
          "{\"type\":\"certificate.unexpected\",\"id\":\"key-" + i + "\"}"));
    }
    new Ingest(f.store.jdbi(), AccountApiFixture.CLOCK, false).commit(new IngestBatch(LOG, 0, issuances, entries,
        List.of(), new LogPosition(4, OpaqueBytes.of(new byte[] {1}), sha("root")), Optional.empty()),
        new MatchRows(matches, alerts));
  }

  @Test
  void matchesHaveTheDesignBodyAndPageWithACursor() {
    JsonNode first = f.expect(200, "GET", "/api/v1/matches?limit=2", f.aliceToken, null);
    JsonNode second = f.expect(200, "GET", "/api/v1/matches?limit=2&cursor=" + first.get("next").asText(),
        f.aliceToken, null);

    assertEquals(2, first.get("results").size());
    assertEquals(1, second.get("results").size());
    assertTrue(second.get("next").isNull());
    JsonNode m = first.get("results").get(0);
    for (String field : List.of("id", "watchlist", "tbs_sha256", "dns_names", "ip_addresses", "issuer", "serial",
        "not_before", "not_after", "verdict", "reasons", "watch_items", "entries", "first_seen", "historical")) {
      assertTrue(m.has(field), field + " in " + m);
    }
    assertEquals("unexpected", m.get("verdict").asText());
    assertEquals(aliceList, m.get("watchlist").asLong());
    assertEquals("[\".example.com\"]", m.get("watch_items").toString());
    assertEquals(LOG.base64(), m.get("entries").get(0).get("log").asText());
    assertEquals("x509", m.get("entries").get(0).get("entry_type").asText());
    com.fasterxml.jackson.databind.node.ObjectNode one = (com.fasterxml.jackson.databind.node.ObjectNode)
        f.expect(200, "GET", "/api/v1/matches/" + m.get("id").asLong(), f.aliceToken, null);
    assertEquals("webhook", one.remove("deliveries").get(0).get("channel").asText(), "the detail adds its deliveries");
    assertEquals(m, one);
  }

  @Test
  void matchesFilterByWatchListAndTime() {
    assertEquals(3, f.expect(200, "GET", "/api/v1/matches?watchlist=" + aliceList, f.aliceToken, null)
        .get("results").size());
    assertEquals(3, f.expect(200, "GET", "/api/v1/matches?since=2026-01-01T00:00:00%2B01:00", f.aliceToken, null)
        .get("results").size());
    assertEquals(0, f.expect(200, "GET", "/api/v1/matches?since=2026-01-03T00:00:00Z", f.aliceToken, null)
        .get("results").size());
    assertEquals("since must be an RFC 3339 time such as 2025-06-01T00:00:00Z",
        f.get("/api/v1/matches?since=yesterday", f.aliceToken).error());
    assertEquals("watchlist must be a watch list id", f.get("/api/v1/matches?watchlist=x", f.aliceToken).error());
    assertEquals(400, f.get("/api/v1/matches?cursor=garbage", f.aliceToken).status());
    assertEquals(400, f.get("/api/v1/matches?limit=0", f.aliceToken).status());
  }

  @Test
  void noAccountSeesAnotherAccountsMatches() {
    JsonNode bobs = f.expect(200, "GET", "/api/v1/matches", f.bobToken, null).get("results");
    long aliceMatch = f.expect(200, "GET", "/api/v1/matches", f.aliceToken, null).get("results").get(0)
        .get("id").asLong();

    assertEquals(1, bobs.size());
    assertEquals("[\"www.example.org\"]", bobs.get(0).get("dns_names").toString());
    AccountApiFixture.Response r = f.get("/api/v1/matches/" + aliceMatch, f.bobToken);
    assertEquals(404, r.status());
    assertEquals("no match " + aliceMatch, r.error());
    assertEquals(404, f.get("/api/v1/matches?watchlist=" + aliceList, f.bobToken).status());
  }

  @Test
  void alertsShowTheirDeliveryStateRecipientAndPayload() {
    Outbox outbox = new Outbox(f.store.jdbi(), AccountApiFixture.CLOCK);
    long dead = outbox.list(f.alice, Optional.empty(), 10).items().get(0).id();
    long delivered = outbox.list(f.alice, Optional.empty(), 10).items().get(1).id();
    outbox.gaveUp(dead, "error posting to https://hooks.example/: HTTP 410");
    outbox.delivered(delivered);

    JsonNode all = f.expect(200, "GET", "/api/v1/alerts", f.aliceToken, null);
    JsonNode a = f.expect(200, "GET", "/api/v1/alerts/" + dead, f.aliceToken, null);

    assertEquals(3, all.get("results").size());
    assertTrue(all.get("next").isNull());
    assertEquals("certificate.unexpected", a.get("type").asText());
    assertEquals("dead", a.get("state").asText());
    assertEquals(1, a.get("attempts").asInt());
    assertEquals("error posting to https://hooks.example/: HTTP 410", a.get("last_error").asText());
    assertTrue(a.get("next_attempt_at").isNull());
    assertEquals("webhook", a.get("channel").asText());
    assertEquals(webhook, a.get("recipient").asLong());
    assertEquals("certificate.unexpected", a.get("payload").get("type").asText());
    assertTrue(a.get("idempotency_key").asText().startsWith("key-"));
    assertEquals(AccountApiFixture.NOW.toString(), a.get("created_at").asText());
    JsonNode d = f.expect(200, "GET", "/api/v1/alerts/" + delivered, f.aliceToken, null);
    assertEquals("delivered", d.get("state").asText());
    assertEquals(AccountApiFixture.NOW.toString(), d.get("delivered_at").asText());
    JsonNode pending = all.get("results").get(2);
    assertEquals("pending", pending.get("state").asText());
    assertEquals(AccountApiFixture.NOW.toString(), pending.get("next_attempt_at").asText());
  }

  @Test
  void noAccountSeesAnotherAccountsAlerts() {
    JsonNode bobs = f.expect(200, "GET", "/api/v1/alerts", f.bobToken, null).get("results");
    long aliceAlert = f.expect(200, "GET", "/api/v1/alerts", f.aliceToken, null).get("results").get(0)
        .get("id").asLong();

    assertEquals(1, bobs.size());
    assertEquals("email", bobs.get(0).get("channel").asText());
    assertEquals("bob@example.org", bobs.get(0).get("recipient").asText());
    AccountApiFixture.Response r = f.get("/api/v1/alerts/" + aliceAlert, f.bobToken);
    assertEquals(404, r.status());
    assertEquals("no alert " + aliceAlert, r.error());
  }

  @Test
  void matchesFilterByVerdictDeliveryAndAcknowledgement() {
    long first = f.expect(200, "GET", "/api/v1/matches?limit=1", f.aliceToken, null).get("results").get(0)
        .get("id").asLong();

    assertEquals(3, f.expect(200, "GET", "/api/v1/matches?verdict=unexpected&delivery=pending", f.aliceToken, null)
        .get("results").size());
    assertEquals(0, f.expect(200, "GET", "/api/v1/matches?verdict=expected", f.aliceToken, null).get("results").size());
    assertEquals(0, f.expect(200, "GET", "/api/v1/matches?delivery=dead", f.aliceToken, null).get("results").size());
    JsonNode acked = f.expect(200, "PUT", "/api/v1/matches/" + first + "/acknowledgement", f.aliceToken, null);
    assertEquals("2026-01-02T00:00:00Z", acked.get("acknowledged_at").asText());
    JsonNode onlyAcked = f.expect(200, "GET", "/api/v1/matches?acknowledged=true", f.aliceToken, null).get("results");
    assertEquals(1, onlyAcked.size());
    assertEquals(first, onlyAcked.get(0).get("id").asLong());
    assertEquals(2, f.expect(200, "GET", "/api/v1/matches?acknowledged=false", f.aliceToken, null).get("results").size());
    assertTrue(f.expect(200, "DELETE", "/api/v1/matches/" + first + "/acknowledgement", f.aliceToken, null)
        .get("acknowledged_at").isNull());
  }

  @Test
  void anotherAccountsMatchCannotBeAcknowledgedOrReadWithItsDeliveries() {
    long alices = f.expect(200, "GET", "/api/v1/matches?limit=1", f.aliceToken, null).get("results").get(0)
        .get("id").asLong();

    assertEquals(404, f.send("PUT", "/api/v1/matches/" + alices + "/acknowledgement", f.bobToken, null).status());
    assertEquals(404, f.send("DELETE", "/api/v1/matches/" + alices + "/acknowledgement", f.bobToken, null).status());
    assertEquals(404, f.send("GET", "/api/v1/matches/" + alices, f.bobToken, null).status());
    assertTrue(f.expect(200, "GET", "/api/v1/matches/" + alices, f.aliceToken, null).get("acknowledged_at").isNull(),
        "nothing stored by bob's attempt");
    assertEquals(1, f.expect(200, "GET", "/api/v1/matches/" + matchOf(f.bobToken), f.bobToken, null)
        .get("deliveries").size(), "bob sees his own email delivery, not alice's webhook");
  }

  @Test
  void hostileFilterValuesAreA400NamingTheParameter() {
    for (String q : new String[] {"verdict=%3Cscript%3E", "delivery=lost", "acknowledged=maybe", "verdict=expected%27--"}) {
      AccountApiFixture.Response r = f.send("GET", "/api/v1/matches?" + q, f.aliceToken, null);
      assertEquals(400, r.status(), q);
      assertTrue(r.error().startsWith(q.substring(0, q.indexOf('='))), r.body());
      assertFalse(r.body().contains("<script>"), r.body());
    }
    assertEquals(404, f.send("PUT", "/api/v1/matches/abc/acknowledgement", f.aliceToken, null).status());
  }

  private long matchOf(String token) {
    return f.expect(200, "GET", "/api/v1/matches", token, null).get("results").get(0).get("id").asLong();
  }
}
