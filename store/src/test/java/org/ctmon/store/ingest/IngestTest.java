package org.ctmon.store.ingest;

import static org.ctmon.store.ingest.TestIssuances.LOG_A;
import static org.ctmon.store.ingest.TestIssuances.LOG_B;
import static org.ctmon.store.ingest.TestIssuances.batch;
import static org.ctmon.store.ingest.TestIssuances.issuance;
import static org.ctmon.store.ingest.TestIssuances.precert;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.AlertRows;
import org.ctmon.store.NameKey;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.SqlText;
import org.ctmon.store.Store;
import org.ctmon.store.StoreException;
import org.ctmon.store.TableSnapshot;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.issuance.Criterion;
import org.ctmon.store.issuance.EntryRef;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.issuance.IssuanceDetail;
import org.ctmon.store.issuance.IssuanceQuery;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.issuance.IssuanceSummary;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.Logs;

final class IngestTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

  private static Ingest ingest(Store store) {
    return new Ingest(store.jdbi(), CLOCK, false);
  }

  @OnBothDatabases
  void committedBatchStoresIssuancesNamesEntriesAndPosition(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      IngestResult r = ingest(s).commit(batch(LOG_A, 0, List.of(
          issuance("one", "example.com", "www.example.com"),
          issuance("two", "example.org"),
          precert("three", "a.example.net", "b.example.net", "c.example.net"))));

      assertEquals(new IngestResult(false, 3, 0, 0), r);
      assertEquals(3, TableSnapshot.count(s, "issuances"));
      assertEquals(6, TableSnapshot.count(s, "issuance_names"));
      assertEquals(3, TableSnapshot.count(s, "log_entries"));
      LogState log = new Logs(s.jdbi(), CLOCK).state(LOG_A).orElseThrow();
      assertEquals(3, log.nextIndex());
      assertEquals(Optional.of(OpaqueBytes.of("range 3".getBytes(StandardCharsets.UTF_8))), log.compactRange());
      assertEquals(Optional.of(TestIssuances.sha("root 3")), log.rangeRoot());
    }
  }

  @OnBothDatabases
  void replayOfACommittedBatchChangesNothing(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      IngestBatch b = batch(LOG_A, 0, List.of(issuance("one", "example.com"), precert("two", "example.org")));
      ingest(s).commit(b);
      Map<String, List<String>> before = TableSnapshot.of(s);

      IngestResult again = ingest(s).commit(b);

      assertTrue(again.replay());
      assertEquals(before, TableSnapshot.of(s));
    }
  }

  @OnBothDatabases
  void batchFailingMidwayLeavesNothingBehind(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      ingest(s).commit(batch(LOG_A, 0, List.of(issuance("zero", "zero.example"))));
      Map<String, List<String>> before = TableSnapshot.of(s);
      // The match names a watch list that does not exist: it fails after the issuances, names and
      // entries of the batch were written in the same transaction.
      Issuance one = issuance("one", "example.com");
      IngestBatch poisoned = batch(LOG_A, 1, List.of(one, issuance("two", "example.org")));
      AttachedWrites match = AlertRows.match(404, 404, one.tbsSha256(), ".example.com");

      assertThrows(RuntimeException.class, () -> ingest(s).commit(poisoned, match));

      assertEquals(before, TableSnapshot.of(s));
    }
  }

  @OnBothDatabases
  void batchNotStartingAtTheStoredPositionIsRejected(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      ingest(s).commit(batch(LOG_A, 0, List.of(issuance("zero", "zero.example"))));

      StaleLogPositionException e = assertThrows(StaleLogPositionException.class,
          () -> ingest(s).commit(batch(LOG_A, 5, List.of(issuance("five", "five.example")))));

      assertEquals(1, e.storedIndex());
      assertEquals("error storing batch for log " + LOG_A.base64() + ": it starts at index 5 but the stored"
          + " position is 1", e.getMessage());
      assertEquals(1, TableSnapshot.count(s, "issuances"));
    }
  }

  @OnBothDatabases
  void batchForAnUnregisteredLogIsRejected(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      StoreException e = assertThrows(StoreException.class,
          () -> ingest(s).commit(batch(LOG_A, 0, List.of(issuance("zero", "zero.example")))));
      assertEquals("error storing batch: log " + LOG_A.base64() + " is not registered", e.getMessage());
    }
  }

  @OnBothDatabases
  void certificateWithMoreNamesThanAKeyNumbersIsStoredWithItsFirstNamesIndexed(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      List<String> names = new ArrayList<>();
      for (int k = 0; k < NameKey.MAX_NAMES + 5; k++) {
        names.add("h" + k + ".huge.example");
      }
      Issuance huge = TestIssuances.issuance("huge", false, names);

      IngestResult r = new Ingest(s.jdbi(), CLOCK, false).commit(batch(LOG_A, 0, List.of(huge)));

      assertEquals(1, r.newIssuances());
      assertEquals(NameKey.MAX_NAMES, TableSnapshot.count(s, "issuance_names"));
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      Instant now = Instant.parse("2026-02-01T00:00:00Z");
      for (String name : List.of("h0.huge.example", "h65535.huge.example")) {
        assertEquals(List.of(huge.tbsSha256()), search.search(IssuanceQuery.of(Criterion.Name.parse(name), now),
            Optional.empty(), 10).items().stream().map(IssuanceSummary::tbsSha256).toList(), name);
      }
      assertEquals(List.of(), search.search(IssuanceQuery.of(Criterion.Name.parse("h65536.huge.example"), now),
          Optional.empty(), 10).items());
      assertEquals(names.subList(0, NameKey.MAX_NAMES), search.byTbs(huge.tbsSha256()).orElseThrow().summary().dnsNames());
    }
  }

  @OnBothDatabases
  void precertificateAndFinalCertificateFromTwoLogsAreOneIssuanceWithTwoEntries(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Issuance pre = precert("one", "example.com");
      Issuance fin = issuance("one", "example.com");
      Ingest ingest = new Ingest(s.jdbi(), CLOCK, true);
      ingest.commit(batch(LOG_A, 0, List.of(pre)));

      IngestResult second = ingest.commit(batch(LOG_B, 0, List.of(fin)));

      assertEquals(0, second.newIssuances());
      assertEquals(1, TableSnapshot.count(s, "issuances"));
      assertEquals(1, TableSnapshot.count(s, "issuance_names"));
      IssuanceDetail d = new IssuanceSearch(s.jdbi()).byTbs(pre.tbsSha256()).orElseThrow();
      assertTrue(d.summary().precertSeen());
      assertTrue(d.summary().finalSeen());
      assertEquals(Optional.of(fin.certSha256()), d.summary().certSha256());
      assertEquals(Optional.of(pre.certSha256()), d.summary().precertSha256());
      assertEquals(Set.of(
              new EntryRef(LOG_A, 0, EntryType.PRECERT, TestIssuances.T0),
              new EntryRef(LOG_B, 0, EntryType.X509, TestIssuances.T0)),
          Set.copyOf(d.entries()));
      // The final certificate's DER replaces the precertificate's.
      assertFalse(d.derIsPrecert());
      assertArrayEquals(fin.der().bytes(), new IssuanceSearch(s.jdbi()).der(pre.tbsSha256()).orElseThrow().bytes());
      // First seen is the first stored entry's timestamp.
      assertEquals(Instant.ofEpochMilli(TestIssuances.T0), d.summary().firstSeen());
    }
  }

  @OnBothDatabases
  void derIsKeptOnlyForMatchedIssuancesUnlessAllAreKept(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Issuance one = issuance("one", "example.com");

      ingest(s).commit(batch(LOG_A, 0, List.of(one)));
      new Ingest(s.jdbi(), CLOCK, true).commit(batch(LOG_B, 0, List.of(issuance("two", "example.org"))));

      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      assertEquals(Optional.empty(), search.der(one.tbsSha256()));
      assertTrue(search.der(TestIssuances.sha("tbs two")).isPresent());
    }
  }

  @OnBothDatabases
  void malformedEntriesKeepTheirRawBytesAndReason(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      byte[] leaf = {0, 0, (byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28, 0, '\'', ';'};
      byte[] extra = {(byte) 0x80, (byte) 0xbf, 0};
      String reason = "bad der at offset 3: \0 '; DROP TABLE logs;--";
      IngestBatch b = new IngestBatch(LOG_A, 0, List.of(), List.of(),
          List.of(new MalformedEntryRecord(0, OpaqueBytes.of(leaf), OpaqueBytes.of(extra), reason)),
          TestIssuances.position(1), Optional.empty());

      ingest(s).commit(b);

      var row = s.jdbi().withHandle(h -> h.createQuery("SELECT leaf, extra, reason FROM malformed_entries")
          .map((rs, ctx) -> List.of(rs.getBytes(1), rs.getBytes(2), rs.getString(3)))
          .one());
      assertArrayEquals(leaf, (byte[]) row.get(0));
      assertArrayEquals(extra, (byte[]) row.get(1));
      assertEquals(reason, SqlText.decode((String) row.get(2)));
      assertEquals(1, new Logs(s.jdbi(), CLOCK).state(LOG_A).orElseThrow().nextIndex());
    }
  }

  @OnBothDatabases
  void verifiedHeadIsStoredWithThePosition(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      IngestBatch plain = batch(LOG_A, 0, List.of(issuance("one", "example.com")));
      TreeHead head = new TreeHead(1, 1234, TestIssuances.sha("root 1"));
      IngestBatch b = new IngestBatch(plain.logId(), 0, plain.issuances(), plain.entries(), List.of(),
          plain.position(), Optional.of(head));

      ingest(s).commit(b);

      assertEquals(Optional.of(head), new Logs(s.jdbi(), CLOCK).state(LOG_A).orElseThrow().verified());
    }
  }
}
