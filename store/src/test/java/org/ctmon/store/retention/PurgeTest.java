package org.ctmon.store.retention;

import static org.ctmon.store.ingest.TestIssuances.LOG_A;
import static org.ctmon.store.ingest.TestIssuances.issuance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctmon.store.AlertRows;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.TableSnapshot;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.ingest.AttachedWrites;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogEntryRecord;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.issuance.EntryType;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.log.Logs;

final class PurgeTest {
  private static final long DAY = 86_400_000L;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);

  @OnBothDatabases
  void purgeRemovesOnlyUnmatchedIssuancesPastTheWindowAndKeepsMatchedDer(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      long alice = new Accounts(s.jdbi(), CLOCK, new SecureRandom()).create("alice@example.com", "alice password",
          false);
      long aliceList = AlertRows.watchlist(s, alice, "prod", List.of(".example.com"), CLOCK.millis());
      // Five issuances first seen 100, 95, 50, 10 and 1 days before "now"; the oldest is matched.
      Instant now = Instant.ofEpochMilli(TestIssuances.T0 + 200 * DAY);
      long[] ages = {100, 95, 50, 10, 1};
      List<Issuance> issuances = new ArrayList<>();
      List<LogEntryRecord> entries = new ArrayList<>();
      for (int i = 0; i < ages.length; i++) {
        Issuance is = issuance("age" + ages[i], "d" + ages[i] + ".example.com", "www.d" + ages[i] + ".example.com");
        issuances.add(is);
        entries.add(new LogEntryRecord(i, EntryType.X509, now.toEpochMilli() - ages[i] * DAY, is.tbsSha256()));
      }
      AttachedWrites m = AlertRows.match(alice, aliceList, issuances.get(0).tbsSha256(), ".example.com");
      new Ingest(s.jdbi(), CLOCK, false).commit(new IngestBatch(LOG_A, 0, issuances, entries, List.of(),
          TestIssuances.position(5), Optional.empty()), m);
      StoreConfig.Retention keep90 = new StoreConfig.Retention(Duration.ofDays(90), false, 1);

      long purged = new Purge(s.jdbi(), Clock.fixed(now, ZoneOffset.UTC), keep90).purge();

      assertEquals(1, purged); // 95 days old, unmatched; one per batch, so purge() looped
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      assertTrue(search.byTbs(issuances.get(0).tbsSha256()).isPresent());
      assertEquals(Optional.of(issuances.get(0).der()), search.der(issuances.get(0).tbsSha256()));
      assertEquals(Optional.empty(), search.byTbs(issuances.get(1).tbsSha256()));
      for (int i = 2; i < 5; i++) {
        assertTrue(search.byTbs(issuances.get(i).tbsSha256()).isPresent());
      }
      assertEquals(4, TableSnapshot.count(s, "issuances"));
      assertEquals(8, TableSnapshot.count(s, "issuance_names"));
      assertEquals(4, TableSnapshot.count(s, "log_entries"));
      assertEquals(5, new Logs(s.jdbi(), CLOCK).state(LOG_A).orElseThrow().nextIndex());
    }
  }

  @OnBothDatabases
  void purgeWorksInBatchesOfTheConfiguredSize(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      List<Issuance> issuances = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        issuances.add(issuance("old" + i, "o" + i + ".example.com"));
      }
      new Ingest(s.jdbi(), CLOCK, false).commit(TestIssuances.batch(LOG_A, 0, issuances));
      Clock later = Clock.fixed(Instant.ofEpochMilli(TestIssuances.T0 + 365 * DAY), ZoneOffset.UTC);
      Purge purge = new Purge(s.jdbi(), later, new StoreConfig.Retention(Duration.ofDays(30), false, 3));

      assertEquals(3, purge.purgeBatch());
      assertEquals(4, TableSnapshot.count(s, "issuances"));
      assertEquals(3, purge.purgeBatch());
      assertEquals(1, purge.purgeBatch());
      assertEquals(0, purge.purgeBatch());
      assertEquals(0, TableSnapshot.count(s, "issuance_names"));
    }
  }
}
