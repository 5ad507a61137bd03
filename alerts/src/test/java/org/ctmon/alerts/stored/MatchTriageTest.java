package org.ctmon.alerts.stored;

import static org.ctmon.store.ingest.TestIssuances.LOG_A;
import static org.ctmon.store.ingest.TestIssuances.issuance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.OutboxRecord;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.watch.MatchDelivery;
import org.ctmon.alerts.watch.MatchFilter;
import org.ctmon.alerts.watch.MatchRecord;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.TestIssuances;

/** Triage on the alerts page: filters by verdict, delivery and acknowledgement; per-issuer counts. */
final class MatchTriageTest {
  private static final Instant ACK = Instant.parse("2026-02-01T10:00:00Z");

  private record Three(TwoAccounts a, Issuance unexpected, Issuance expected, Issuance lookalike) {}

  private static Three ingestThree(Store s) {
    TestIssuances.registerLogs(s);
    TwoAccounts a = TwoAccounts.create(s);
    Issuance unexpected = issuance("one", "www.example.com");
    Issuance expected = issuance("two", "mail.example.com");
    Issuance lookalike = issuance("three", "examp1e.com");
    MatchedBatch.batch(LOG_A, 0, List.of(unexpected, expected, lookalike),
        List.of(match(a, unexpected, Verdict.UNEXPECTED), match(a, expected, Verdict.EXPECTED),
            match(a, lookalike, Verdict.LOOKALIKE)),
        List.of(alert(a, unexpected, "email"), alert(a, lookalike, "email")))
        .commit(new Ingest(s.jdbi(), TwoAccounts.CLOCK, false));
    return new Three(a, unexpected, expected, lookalike);
  }

  private static MatchRecord match(TwoAccounts a, Issuance i, Verdict v) {
    return new MatchRecord(a.alice(), a.aliceList(), i.tbsSha256(), v, List.of("because"), List.of(".example.com"));
  }

  private static OutboxRecord alert(TwoAccounts a, Issuance i, String channel) {
    return new OutboxRecord(a.alice(), channel + "-" + i.tbsSha256(), EventType.CERTIFICATE_UNEXPECTED,
        new Recipient.Email("owner@example.com"), a.aliceList(), i.tbsSha256(), "{}");
  }

  private static List<String> names(Matches m, long account, MatchFilter f) {
    return m.list(account, f, Optional.empty(), 10).items().stream().map(v -> v.issuance().dnsNames().get(0)).toList();
  }

  @OnBothDatabases
  void filtersByVerdictAndDeliveryState(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      Three x = ingestThree(s);
      Matches m = new Matches(s.jdbi());
      long alice = x.a().alice();
      long one = new Outbox(s.jdbi(), TwoAccounts.CLOCK).ofIssuance(alice, x.unexpected().tbsSha256()).get(0).id();
      new Outbox(s.jdbi(), TwoAccounts.CLOCK).gaveUp(one, "smtp: connection refused");

      assertEquals(List.of("www.example.com"), names(m, alice, MatchFilter.ALL.withVerdict(Verdict.UNEXPECTED)));
      assertEquals(List.of("www.example.com"), names(m, alice, MatchFilter.ALL.withDelivery(MatchDelivery.DEAD)));
      assertEquals(List.of("examp1e.com"), names(m, alice, MatchFilter.ALL.withDelivery(MatchDelivery.PENDING)));
      assertEquals(List.of("mail.example.com"), names(m, alice, MatchFilter.ALL.withDelivery(MatchDelivery.NONE)));
      assertEquals(List.of(), names(m, alice, MatchFilter.ALL.withVerdict(Verdict.EXPECTED)
          .withDelivery(MatchDelivery.PENDING)));
      assertEquals(List.of(), names(m, x.a().bob(), MatchFilter.ALL));
      assertEquals(3, m.countSince(alice, Instant.EPOCH));
      assertEquals(0, m.countSince(x.a().bob(), Instant.EPOCH));
    }
  }

  @OnBothDatabases
  void anAcknowledgementIsStoredShownFilterableAndOnlyTheOwnersToGive(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      Three x = ingestThree(s);
      Matches m = new Matches(s.jdbi());
      long alice = x.a().alice();
      MatchView first = m.list(alice, MatchFilter.ALL, Optional.empty(), 10).items().get(0);

      assertFalse(m.acknowledge(x.a().bob(), first.id(), Optional.of(ACK)), "bob cannot acknowledge alice's");
      assertTrue(m.acknowledge(alice, first.id(), Optional.of(ACK)));
      assertTrue(m.acknowledge(alice, first.id(), Optional.of(ACK.plusSeconds(60))), "again: the first time stays");

      assertEquals(Optional.of(ACK), m.get(alice, first.id()).orElseThrow().acknowledgedAt());
      assertEquals(1, m.list(alice, MatchFilter.ALL.withAcknowledged(true), Optional.empty(), 10).items().size());
      assertEquals(2, m.list(alice, MatchFilter.ALL.withAcknowledged(false), Optional.empty(), 10).items().size());
      assertTrue(m.acknowledge(alice, first.id(), Optional.empty()));
      assertEquals(Optional.empty(), m.get(alice, first.id()).orElseThrow().acknowledgedAt());
    }
  }

  @OnBothDatabases
  void countsAWatchListsIssuancesPerIssuerAndDay(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      Three x = ingestThree(s);
      Matches m = new Matches(s.jdbi());

      List<Matches.IssuerDay> days = m.issuersPerDay(x.a().alice(), x.a().aliceList(), Instant.EPOCH);

      assertEquals(3, days.stream().mapToLong(Matches.IssuerDay::count).sum(), days.toString());
      assertTrue(days.stream().allMatch(d -> d.day().toEpochMilli() % 86_400_000L == 0), days.toString());
      assertEquals(List.of(), m.issuersPerDay(x.a().bob(), x.a().aliceList(), Instant.EPOCH));
    }
  }
}
