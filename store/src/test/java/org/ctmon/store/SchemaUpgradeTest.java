package org.ctmon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestResult;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.issuance.Criterion;
import org.ctmon.store.issuance.IssuanceQuery;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.issuance.IssuanceSummary;

/** A database written by an older ctmon keeps every issuance searchable after the upgrade. */
final class SchemaUpgradeTest {
  @OnBothDatabases
  void issuancesStoredBeforeThePartitionedIndexesAreStillFoundAfterTheUpgrade(TestDatabase db) {
    Sha256 tbs = TestIssuances.sha("tbs old");
    Sha256 spki = TestIssuances.sha("spki old");
    // The last schema before partitioned indexes: V1 on H2, V2 (its byte-order collation) on PostgreSQL.
    try (var t = db.upgradedFrom(db == TestDatabase.H2 ? "1" : "2", jdbi -> jdbi.useHandle(h -> {
      h.createUpdate("INSERT INTO issuances (id, tbs_sha256, issuer_dn, issuer_cn, subject_dn, serial, not_before,"
              + " not_after, spki_sha256, key_type, is_ca, precert_seen, final_seen, first_seen)"
              + " VALUES (4098, :tbs, 'CN=R11', 'R11', 'CN=old.example.com', '0a0b', :notBefore, :notAfter, :spki, 'EC-P256',"
              + " FALSE, TRUE, FALSE, 1000)")
          .bind("tbs", tbs.bytes()).bind("spki", spki.bytes())
          .bind("notBefore", TestIssuances.issuance("old").notBefore().toEpochMilli())
          .bind("notAfter", Instant.parse("2030-01-01T00:00:00Z").toEpochMilli()).execute();
      h.execute("INSERT INTO issuance_names (issuance_id, ordinal, name_reversed, name, first_seen, not_after)"
          + " VALUES (4098, 0, 'com.example.old', 'old.example.com', 1000, 1893456000000)");
      h.execute("INSERT INTO log_entries (log, entry_index, entry_type, entry_timestamp, issuance_id)"
          + " VALUES (1, 7, 'precert', 900, 4098)");
      h.execute("INSERT INTO accounts (id, email, password_hash, is_admin, created_at)"
          + " VALUES (77, 'owner@example.com', 'x', FALSE, 1000)");
      h.execute("INSERT INTO watchlists (id, account_id, name, lookalikes, created_at)"
          + " VALUES (88, 77, 'old', FALSE, 1000)");
      h.createUpdate("INSERT INTO matches (account_id, watchlist_id, tbs_sha256, verdict, reasons, watch_items,"
              + " created_at) VALUES (77, 88, :tbs, 'unexpected', '[]', '[\".example.com\"]', 1000)")
          .bind("tbs", tbs.bytes()).execute();
      // An old ctmon drew ids in blocks of 4096 (1 and 4097 here) and used the first ids of its last block.
      h.createQuery("SELECT nextval('issuance_ids')").mapTo(Long.class).one();
      h.createQuery("SELECT nextval('issuance_ids')").mapTo(Long.class).one();
    }))) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      new Ingest(s.jdbi(), Clock.systemUTC(), false).commit(TestIssuances.batch(TestIssuances.LOG_A, 0,
          List.of(TestIssuances.issuance("new", "new.example.com"))));
      // The same issuance logged again after the upgrade is recognised as stored (the unique key
      // moved to (not_before, tbs_sha256) on H2 in V6).
      IngestResult again = new Ingest(s.jdbi(), Clock.systemUTC(), false).commit(TestIssuances.batch(
          TestIssuances.LOG_A, 1, List.of(TestIssuances.issuance("old", "old.example.com"))));
      assertEquals(0, again.newIssuances());
      assertEquals(2, TableSnapshot.count(s, "issuances"));
      IssuanceSearch search = new IssuanceSearch(s.jdbi());
      Instant now = Instant.parse("2026-02-01T00:00:00Z");
      List<String> found = search.search(IssuanceQuery.of(Criterion.Name.parse(".example.com"), now), Optional.empty(),
          10).items().stream().map(i -> i.dnsNames().get(0)).toList();
      assertEquals(List.of("new.example.com", "old.example.com"), found);
      List<IssuanceSummary> bySpki = search.search(IssuanceQuery.of(new Criterion.Spki(spki), now), Optional.empty(), 10)
          .items();
      assertEquals(List.of(tbs), bySpki.stream().map(IssuanceSummary::tbsSha256).toList());
      // The match stored before V5 names its issuance by id now, and lists with it.
      List<Sha256> matches = s.jdbi().withHandle(h -> h.createQuery("SELECT i.tbs_sha256 FROM matches m"
              + " JOIN issuances i ON i.id = m.issuance_id WHERE m.account_id = 77")
          .map((rs, ctx) -> Sha256.wrap(rs.getBytes(1))).list());
      assertEquals(List.of(tbs), matches);
      assertEquals(List.of(7L, 1L), search.byTbs(tbs).orElseThrow().entries().stream().map(e -> e.index()).toList());
      assertEquals(List.of("old.example.com"), search.search(IssuanceQuery.of(new Criterion.Serial("0A0B"), now),
          Optional.empty(), 10).items().stream().map(i -> i.dnsNames().get(0)).toList());
    }
  }
}
