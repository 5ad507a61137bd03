package org.ctmon.store.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ctmon.parser.Sha256;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TableSnapshot;
import org.ctmon.store.TestDatabase;

final class ConcurrentIngestTest {
  private static final int BATCHES = 20;
  private static final int PER_BATCH = 50;

  @OnBothDatabases
  void precertAndFinalIngestedAtTheSameTimeInTwoLogsAreOneIssuanceWithBothFlags(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Ingest ingest = new Ingest(s.jdbi(), Clock.systemUTC(), false);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<?> a = pool.submit(() -> follow(ingest, TestIssuances.LOG_A, true));
        Future<?> b = pool.submit(() -> follow(ingest, TestIssuances.LOG_B, false));
        a.get();
        b.get();
      } finally {
        pool.shutdownNow();
      }

      int n = BATCHES * PER_BATCH;
      assertEquals(n, TableSnapshot.count(s, "issuances"));
      assertEquals(n, TableSnapshot.count(s, "issuance_names"));
      assertEquals(2 * n, TableSnapshot.count(s, "log_entries"));
      int both = s.jdbi().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM issuances WHERE precert_seen AND final_seen AND cert_sha256 IS NOT NULL"
              + " AND precert_sha256 IS NOT NULL").mapTo(Integer.class).one());
      assertEquals(n, both);
    }
  }

  private static void follow(Ingest ingest, Sha256 log, boolean precert) {
    for (int b = 0; b < BATCHES; b++) {
      List<Issuance> issuances = new ArrayList<>();
      for (int i = 0; i < PER_BATCH; i++) {
        String seed = "c" + (b * PER_BATCH + i);
        issuances.add(TestIssuances.issuance(seed, precert, List.of(seed + ".example.com")));
      }
      ingest.commit(TestIssuances.batch(log, (long) b * PER_BATCH, issuances));
    }
  }
}
