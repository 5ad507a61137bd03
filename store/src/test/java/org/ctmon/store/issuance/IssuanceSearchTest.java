package org.ctmon.store.issuance;

import static org.ctmon.store.ingest.TestIssuances.LOG_A;
import static org.ctmon.store.ingest.TestIssuances.batch;
import static org.ctmon.store.ingest.TestIssuances.issuance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.store.IndexPartition;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Page;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.Vendor;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.TestIssuances;

final class IssuanceSearchTest {
  private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

  private static Set<String> names(Store s, Criterion c) {
    Page<IssuanceSummary> p = new IssuanceSearch(s.jdbi()).search(IssuanceQuery.of(c, NOW), Optional.empty(), 1000);
    Set<String> out = new HashSet<>();
    for (IssuanceSummary i : p.items()) {
      out.add(String.join(",", i.dnsNames()));
    }
    return out;
  }

  private static Store loaded(TestDatabase.Opened t, Issuance... issuances) {
    Store s = t.store();
    TestIssuances.registerLogs(s);
    new Ingest(s.jdbi(), Clock.systemUTC(), true).commit(batch(LOG_A, 0, List.of(issuances)));
    return s;
  }

  @OnBothDatabases
  void nameSearchesFindExactSubdomainAndCoveringWildcardButNotLookalikes(TestDatabase db) {
    try (var t = db.open()) {
      Store s = loaded(t,
          issuance("apex", "example.com"),
          issuance("www", "www.example.com"),
          issuance("deep", "a.b.example.com"),
          issuance("wild", "*.example.com"),
          issuance("not", "notexample.com"),
          issuance("evil", "example.com.evil"),
          issuance("dash", "example-com.net"),
          issuance("hyphen", "example.com-x.org"),
          issuance("other", "example.org"));

      assertEquals(Set.of("example.com"), names(s, Criterion.Name.parse("example.com")));
      assertEquals(Set.of("www.example.com", "*.example.com"), names(s, Criterion.Name.parse("www.example.com")));
      assertEquals(Set.of("a.b.example.com"), names(s, Criterion.Name.parse("a.b.example.com")));
      assertEquals(Set.of("example.com", "www.example.com", "a.b.example.com", "*.example.com"),
          names(s, Criterion.Name.parse(".example.com")));
      assertEquals(Set.of("example.com", "www.example.com", "a.b.example.com", "*.example.com"),
          names(s, Criterion.Name.parse("%.example.com")));
      assertEquals(Set.of("www.example.com", "*.example.com"), names(s, Criterion.Name.parse(".www.example.com")));
      assertEquals(Set.of("example.com.evil"), names(s, Criterion.Name.parse(".com.evil")));
      assertEquals(Set.of(), names(s, Criterion.Name.parse("xample.com")));
    }
  }

  @OnBothDatabases
  void issuancesInManyIndexPartitionsAreAllFoundAndPagedNewestFirst(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Ingest ingest = new Ingest(s.jdbi(), Clock.systemUTC(), true);
      List<Issuance> stored = new ArrayList<>();
      long[] restartAt = {1, 3 * IndexPartition.IDS_PER_PARTITION + 5, 10 * IndexPartition.IDS_PER_PARTITION - 1};
      for (int k = 0; k < restartAt.length; k++) {
        long at = restartAt[k];
        s.jdbi().useHandle(h -> h.execute("ALTER SEQUENCE issuance_ids RESTART WITH " + at));
        Issuance i = issuance("part" + k, "host" + k + ".example.com", "*.example.net");
        ingest.commit(batch(LOG_A, k, List.of(i)));
        stored.add(i);
      }
      long parts = s.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT part) FROM issuance_names")
          .mapTo(Long.class).one());
      assertEquals(s.vendor() == Vendor.H2 ? 3 : 1, parts, "partitions holding the names");

      assertEquals(Set.of("host0.example.com,*.example.net", "host1.example.com,*.example.net",
          "host2.example.com,*.example.net"), names(s, Criterion.Name.parse(".example.com")));
      assertEquals(3, names(s, Criterion.Name.parse("www.example.net")).size(), "covering wildcard in every partition");
      assertEquals(Set.of("host1.example.com,*.example.net"), names(s, Criterion.Name.parse("host1.example.com")));
      for (Issuance i : stored) {
        String expected = String.join(",", i.dnsNames());
        assertEquals(Set.of(expected), names(s, new Criterion.Spki(i.spkiSha256())));
        assertEquals(Set.of(expected), names(s, new Criterion.Fingerprint(i.certSha256())));
        assertEquals(Set.of(expected), names(s, new Criterion.Serial(i.serialHex())));
      }
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      for (Issuance i : stored) { // the TBS hash is sought in every partition too (V6 on H2)
        assertEquals(i.dnsNames(), search.byTbs(i.tbsSha256()).orElseThrow().summary().dnsNames());
        assertEquals(Optional.of(i.der()), search.der(i.tbsSha256()));
      }

      IssuanceQuery q = IssuanceQuery.of(Criterion.Name.parse(".example.com"), NOW);
      List<String> paged = new ArrayList<>();
      Optional<String> cursor = Optional.empty();
      do {
        Page<IssuanceSummary> page = search.search(q, cursor, 1);
        page.items().forEach(i -> paged.add(i.dnsNames().get(0)));
        cursor = page.next();
      } while (cursor.isPresent());
      // Later batches have later entry timestamps, so the newest is in the newest partition.
      assertEquals(List.of("host2.example.com", "host1.example.com", "host0.example.com"), paged);
    }
  }

  @OnBothDatabases
  void numberedResultsAreTheSameIssuancesEachWithItsOwnStableId(TestDatabase db) {
    try (var t = db.open()) {
      Store s = loaded(t, issuance("apex", "example.com"), issuance("www", "www.example.com"),
          issuance("mail", "mail.example.com"));
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      IssuanceQuery q = IssuanceQuery.of(Criterion.Name.parse(".example.com"), NOW);
      Page<NumberedIssuance> numbered = search.searchNumbered(q, Optional.empty(), 10);
      assertEquals(search.search(q, Optional.empty(), 10).items(),
          numbered.items().stream().map(NumberedIssuance::summary).toList());
      Set<Long> ids = new HashSet<>();
      for (NumberedIssuance n : numbered.items()) {
        assertTrue(n.id() > 0 && ids.add(n.id()), "positive and unique: " + n.id());
        assertEquals(List.of(n.summary()), search.summariesOf(List.of(n.id())), "the id names that issuance");
      }
      assertEquals(ids, new HashSet<>(search.searchNumbered(q, Optional.empty(), 10).items().stream()
          .map(NumberedIssuance::id).toList()), "the same ids on every search");
    }
  }

  @OnBothDatabases
  void nameSearchIgnoresCaseAndTrailingDotOfTheQuery(TestDatabase db) {
    try (var t = db.open()) {
      Store s = loaded(t, issuance("www", "www.example.com"));
      assertEquals(Set.of("www.example.com"), names(s, Criterion.Name.parse("WWW.Example.COM.")));
    }
  }

  @OnBothDatabases
  void anIssuanceWithSeveralMatchingNamesIsReturnedOnce(TestDatabase db) {
    try (var t = db.open()) {
      Store s = loaded(t, issuance("multi", "example.com", "www.example.com", "*.example.com", "mail.example.com"));
      Page<IssuanceSummary> p = new IssuanceSearch(s.jdbi())
          .search(IssuanceQuery.of(Criterion.Name.parse(".example.com"), NOW), Optional.empty(), 10);
      assertEquals(1, p.items().size());
      assertEquals(List.of("example.com", "www.example.com", "*.example.com", "mail.example.com"),
          p.items().get(0).dnsNames());
    }
  }

  @OnBothDatabases
  void hostileTextIsStoredAndReturnedIntact(TestDatabase db) {
    try (var t = db.open()) {
      String longName = "a".repeat(10_000) + ".example.com";
      String nul = "www.bank.com\0.evil.example";
      String sql = "'; DROP TABLE issuances;--.example.com";
      String backslash = "back\\slash\\0.example.com";
      String surrogate = "lone\ud800surrogate.example.com";
      String unicode = "bücher\u0000\u202e.example.com";
      List<String> hostile = List.of(longName, nul, sql, backslash, surrogate, unicode);
      String dn = "CN=\0evil'\"\\,O=" + "x".repeat(5000) + ",OU=\ud83d\ude00";
      Issuance base = issuance("hostile");
      Issuance i = new Issuance(base.tbsSha256(), base.certSha256(), dn, "\0" + "c".repeat(3000), "O'; --",
          dn, "00ff" + "ab".repeat(2000), base.notBefore(), base.notAfter(), base.spkiSha256(), "RSA-2048\0", false,
          false, hostile, List.of("192.0.2.1", "2001:db8::1", "\0not an ip'"), Der.of(new byte[] {0, (byte) 0xff, 0}));
      Store s = loaded(t, i);
      IssuanceSearch search = new IssuanceSearch(s.jdbi());

      IssuanceSummary back = search.byTbs(i.tbsSha256()).orElseThrow().summary();

      assertEquals(hostile, back.dnsNames());
      assertEquals(i.ipAddresses(), back.ipAddresses());
      assertEquals(dn, back.subjectDn());
      assertEquals(dn, back.issuerDn());
      assertEquals(i.serialHex().substring(0, 800), back.serialHex());
      assertEquals("RSA-2048\0", back.keyType());
      assertEquals(Optional.of("O'; --"), back.issuerO());
      assertEquals(Optional.of(new byte[] {0, (byte) 0xff, 0}).map(Der::of), search.der(i.tbsSha256()));
      for (String name : hostile) {
        assertEquals(Set.of(String.join(",", hostile)), names(s, new Criterion.Name(name, false)), name);
      }
      assertEquals(Set.of(String.join(",", hostile)), names(s, Criterion.Name.parse(".example.com")));
      assertEquals(Set.of(String.join(",", hostile)), names(s, new Criterion.Issuer("\0" + "c".repeat(3000))));
      assertEquals(Set.of(), names(s, new Criterion.Name("a".repeat(10_000) + ".example.org", false)));
      assertEquals(Set.of(), names(s, new Criterion.Name("a".repeat(10_001) + ".example.com", false)));
    }
  }

  @OnBothDatabases
  void searchesByIssuerKeyFingerprintAndSerial(TestDatabase db) {
    try (var t = db.open()) {
      Issuance one = issuance("one", "one.example");
      Issuance two = issuance("two", "two.example");
      Store s = loaded(t, one, two);

      assertEquals(Set.of("one.example", "two.example"), names(s, new Criterion.Issuer("R11")));
      assertEquals(Set.of(), names(s, new Criterion.Issuer("R1")));
      assertEquals(Set.of(), names(s, new Criterion.Issuer("r11")));
      assertEquals(Set.of("one.example"), names(s, new Criterion.Spki(one.spkiSha256())));
      assertEquals(Set.of("two.example"), names(s, new Criterion.Fingerprint(two.certSha256())));
      assertEquals(Set.of("one.example"), names(s, new Criterion.Serial(one.serialHex().toUpperCase())));
      assertEquals(Set.of(), names(s, new Criterion.Fingerprint(Sha256.of(new byte[0]))));
    }
  }

  @OnBothDatabases
  void expiredAndDateFiltersLeaveOutWhatTheyShould(TestDatabase db) {
    try (var t = db.open()) {
      Issuance current = issuance("current", "current.example.com");
      Issuance b = issuance("expired", "expired.example.com");
      Issuance expired = new Issuance(b.tbsSha256(), b.certSha256(), b.issuerDn(), b.issuerCn(), b.issuerO(),
          b.subjectDn(), b.serialHex(), Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-04-01T00:00:00Z"),
          b.spkiSha256(), b.keyType(), false, false, b.dnsNames(), List.of(), null);
      Store s = loaded(t, current, expired);
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      IssuanceQuery all = IssuanceQuery.of(Criterion.Name.parse(".example.com"), NOW);

      assertEquals(2, search.search(all, Optional.empty(), 10).items().size());
      List<IssuanceSummary> unexpired = search.search(all.unexpiredOnly(), Optional.empty(), 10).items();
      assertEquals(List.of(current.tbsSha256()), unexpired.stream().map(IssuanceSummary::tbsSha256).toList());
      // current is entry 0 (first seen T0), expired is entry 1 (T0 + 1 s).
      Instant t0 = Instant.ofEpochMilli(TestIssuances.T0);
      List<IssuanceSummary> second = search.search(all.seenBetween(t0.plusMillis(1), t0.plusSeconds(60)),
          Optional.empty(), 10).items();
      assertEquals(List.of(expired.tbsSha256()), second.stream().map(IssuanceSummary::tbsSha256).toList());
    }
  }

  @OnBothDatabases
  void pagesReturnEveryIssuanceExactlyOnceNewestFirst(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Ingest ingest = new Ingest(s.jdbi(), Clock.systemUTC(), false);
      // Two batches; every issuance of a batch shares one entry timestamp, so ties on
      // first_seen are broken by the TBS hash across page boundaries.
      List<Sha256> all = new ArrayList<>();
      for (int b = 0; b < 2; b++) {
        List<Issuance> issuances = new ArrayList<>();
        List<LogEntryRecord> entries = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
          Issuance is = issuance("p" + b + "-" + i, "n" + i + ".b" + b + ".example.com");
          issuances.add(is);
          all.add(is.tbsSha256());
          entries.add(new LogEntryRecord(b * 37L + i, EntryType.X509,
              TestIssuances.T0 + b, is.tbsSha256()));
        }
        ingest.commit(new IngestBatch(LOG_A, b * 37L, issuances, entries, List.of(),
            TestIssuances.position(b * 37L + 37), Optional.empty()));
      }
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      IssuanceQuery q = IssuanceQuery.of(Criterion.Name.parse(".example.com"), NOW);

      List<IssuanceSummary> seen = new ArrayList<>();
      Optional<String> cursor = Optional.empty();
      int pages = 0;
      do {
        Page<IssuanceSummary> p = search.search(q, cursor, 10);
        seen.addAll(p.items());
        cursor = p.next();
        pages++;
      } while (cursor.isPresent());

      assertEquals(8, pages);
      assertEquals(74, seen.size());
      assertEquals(new HashSet<>(all), new HashSet<>(seen.stream().map(IssuanceSummary::tbsSha256).toList()));
      for (int i = 1; i < seen.size(); i++) {
        IssuanceSummary a = seen.get(i - 1);
        IssuanceSummary c = seen.get(i);
        assertTrue(a.firstSeen().isAfter(c.firstSeen())
            || (a.firstSeen().equals(c.firstSeen()) && a.tbsSha256().compareTo(c.tbsSha256()) > 0), "order at " + i);
      }
    }
  }

  @OnBothDatabases
  void aCursorThatIsNotOursIsRejected(TestDatabase db) {
    try (var t = db.open()) {
      IssuanceSearch search = new IssuanceSearch(t.store().jdbi());
      IssuanceQuery q = IssuanceQuery.of(Criterion.Name.parse("example.com"), NOW);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> search.search(q, Optional.of("'; DROP TABLE x;--"), 10));
      assertEquals("invalid cursor: not base64url", e.getMessage());
    }
  }
}
