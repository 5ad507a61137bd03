package org.ctmon.store.copy;

import static org.ctmon.store.ingest.TestIssuances.LOG_A;
import static org.ctmon.store.ingest.TestIssuances.LOG_B;
import static org.ctmon.store.ingest.TestIssuances.issuance;
import static org.ctmon.store.ingest.TestIssuances.precert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.parser.merkle.MerkleHash;
import org.ctmon.store.AlertRows;
import org.ctmon.store.Store;
import org.ctmon.store.StoreException;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.ingest.Ingest;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.ingest.Issuance;
import org.ctmon.store.ingest.LogPosition;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.log.Logs;
import org.junit.jupiter.api.Test;

/** An H2 store copied into a real PostgreSQL one, as {@code ctmon migrate} does. */
final class StoreCopyTest {
  private static final Clock CLOCK = Clock.systemUTC();

  @Test
  void copiesEveryRowAndEveryLogsRangeAndTheTargetGoesOnWithNewIds() {
    try (TestDatabase.Opened h2 = TestDatabase.H2.open(); TestDatabase.Opened pg = TestDatabase.POSTGRESQL.open()) {
      Ranges ranges = fill(h2.store());
      CopyProof proof = copy(h2.store(), pg.store(), false);

      assertTrue(proof.holds(), proof.toString());
      assertEquals(StoreCopy.TABLES, proof.tables().stream().map(CopyProof.TableCount::table).toList());
      assertTrue(proof.tables().stream().filter(t -> t.table().equals("issuance_names")).findFirst().orElseThrow()
          .target() > 0, proof.toString());
      assertEquals(2, proof.logs().size());
      assertEquals(ranges.a.size() + " " + ranges.a.root().hex(), proof.logs().get(0).target());
      assertEquals(ranges.a.size(), new Logs(pg.store().jdbi(), CLOCK).state(LOG_A).orElseThrow().nextIndex());

      // New rows get ids past the copied ones: an account, and issuances ingested where the copy stopped.
      new Accounts(pg.store().jdbi(), CLOCK, new SecureRandom()).create("new@example.org", "a long password", false);
      List<Issuance> more = List.of(issuance("more-1", "more.example.com"), issuance("more-2", "more.example.org"));
      new Ingest(pg.store().jdbi(), CLOCK, false).commit(batch(LOG_A, ranges.a, more));
      assertEquals(ranges.a.size(), new Logs(pg.store().jdbi(), CLOCK).state(LOG_A).orElseThrow().nextIndex());
    }
  }

  @Test
  void copiesEveryTableOfTheSchema() {
    // A table added by a migration must be added to StoreCopy.TABLES, or ctmon migrate would leave it behind.
    try (TestDatabase.Opened h2 = TestDatabase.H2.open()) {
      List<String> tables = h2.store().jdbi().withHandle(h -> h.createQuery("SELECT LOWER(table_name) FROM"
          + " information_schema.tables WHERE LOWER(table_schema) = 'public' AND table_type = 'BASE TABLE'"
          + " AND LOWER(table_name) <> 'flyway_schema_history' ORDER BY 1").mapTo(String.class).list());
      assertEquals(tables, StoreCopy.TABLES.stream().sorted().toList());
    }
  }

  @Test
  void refusesATargetWithDataUnlessToldToReplaceIt() {
    try (TestDatabase.Opened h2 = TestDatabase.H2.open(); TestDatabase.Opened pg = TestDatabase.POSTGRESQL.open()) {
      fill(h2.store());
      copy(h2.store(), pg.store(), false);

      StoreException refused = assertThrows(StoreException.class, () -> copy(h2.store(), pg.store(), false));
      assertTrue(refused.getMessage().startsWith("the target database is not empty ("), refused.getMessage());

      assertTrue(copy(h2.store(), pg.store(), true).holds());
    }
  }

  @Test
  void theProofFailsWhenARowOrALogsRangeDiffers() {
    try (TestDatabase.Opened h2 = TestDatabase.H2.open(); TestDatabase.Opened pg = TestDatabase.POSTGRESQL.open()) {
      Ranges ranges = fill(h2.store());
      copy(h2.store(), pg.store(), false);
      pg.store().jdbi().useHandle(h -> h.execute("DELETE FROM issuance_ips"));
      pg.store().jdbi().useHandle(h -> h.execute("DELETE FROM sessions"));
      CopyProof rows = CopyProof.of(h2.store(), pg.store());
      assertFalse(rows.holds());
      assertEquals(List.of(), rows.tables().stream().filter(t -> !t.equal() && !t.table().equals("issuance_ips")
          && !t.table().equals("sessions")).toList());

      CompactRange shorter = ranges.a.copy();
      CompactRange other = new CompactRange();
      for (long i = 0; i < shorter.size(); i++) {
        other.append(MerkleHash.leaf(("other " + i).getBytes(StandardCharsets.UTF_8)));
      }
      pg.store().jdbi().useHandle(h -> h.createUpdate("UPDATE logs SET compact_range = :r, range_root = :root"
          + " WHERE log_id = :id").bind("r", other.toBytes()).bind("root", other.root().bytes())
          .bind("id", LOG_A.bytes()).execute());
      CopyProof ranged = CopyProof.of(h2.store(), pg.store());
      CopyProof.LogRange a = ranged.logs().get(0);
      assertFalse(a.equal(), a.toString());
      assertTrue(ranged.logs().get(1).equal(), ranged.logs().get(1).toString());
    }
  }

  private static CopyProof copy(Store from, Store to, boolean replace) {
    new StoreCopy(from, to).copy(replace, line -> {});
    return CopyProof.of(from, to);
  }

  private record Ranges(CompactRange a, CompactRange b) {}

  /** Two logs with real compact ranges over their entries, names, IPs-free issuances, an account with a list. */
  private static Ranges fill(Store store) {
    TestIssuances.registerLogs(store);
    Ingest ingest = new Ingest(store.jdbi(), CLOCK, false);
    CompactRange a = new CompactRange();
    CompactRange b = new CompactRange();
    for (int batch = 0; batch < 3; batch++) {
      List<Issuance> is = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String seed = "a" + batch + "-" + i;
        is.add(i % 2 == 0 ? issuance(seed, seed + ".example.com", "www." + seed + ".example.com")
            : precert(seed, seed + ".example.net"));
      }
      ingest.commit(batch(LOG_A, a, is));
    }
    ingest.commit(batch(LOG_B, b, List.of(issuance("a0-0", "a0-0.example.com", "www.a0-0.example.com"),
        issuance("b-1", "b.example.org"))));
    long account = new Accounts(store.jdbi(), CLOCK, new SecureRandom()).create("ops@example.org", "a long password",
        true);
    AlertRows.watchlist(store, account, "ours", List.of(".example.com"), CLOCK.millis());
    store.jdbi().useHandle(h -> h.execute("INSERT INTO sessions (session_sha256, account_id, created_at, expires_at)"
        + " VALUES (?, ?, 0, 1)", Sha256.of(new byte[] {1}).bytes(), account));
    store.jdbi().useHandle(h -> h.execute("INSERT INTO issuance_ips (issuance_id, ordinal, ip, part)"
        + " SELECT MIN(id), 0, '192.0.2.1', 0 FROM issuances"));
    return new Ranges(a, b);
  }

  /** The next batch of {@code log}: the issuances appended to its range, with a real range and root. */
  private static IngestBatch batch(Sha256 log, CompactRange range, List<Issuance> issuances) {
    long from = range.size();
    for (Issuance i : issuances) {
      range.append(MerkleHash.leaf(("leaf " + log.hex() + " " + range.size()).getBytes(StandardCharsets.UTF_8)));
    }
    IngestBatch b = TestIssuances.batch(log, from, issuances);
    return new IngestBatch(b.logId(), b.fromIndex(), b.issuances(), b.entries(), b.malformed(),
        new LogPosition(range.size(), OpaqueBytes.of(range.toBytes()), range.root()), b.verified());
  }
}
