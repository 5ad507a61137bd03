package org.ctmon.store.log;

import static org.ctmon.store.ingest.TestIssuances.LOG_A;
import static org.ctmon.store.ingest.TestIssuances.LOG_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.ctmon.parser.Sha256;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.TestIssuances;

/** The dashboard's per-log samples and the administrator's switch. */
final class LogSamplesTest {
  private static final Instant T = Instant.parse("2026-02-01T00:00:00Z");

  @OnBothDatabases
  void samplesAreReadBackByLogAndTimeAndPurgedByAge(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      LogSamples samples = new LogSamples(s.jdbi());
      samples.record(List.of(new LogSamples.Sample(LOG_A, T, 100, 40), new LogSamples.Sample(LOG_B, T, 7, 7),
          new LogSamples.Sample(Sha256.of(new byte[] {1}), T, 1, 1)));
      samples.record(List.of(new LogSamples.Sample(LOG_A, T.plusSeconds(60), 160, 100),
          new LogSamples.Sample(LOG_A, T.plusSeconds(60), 999, 999)));

      List<LogSamples.Sample> all = samples.since(Instant.EPOCH);
      assertEquals(3, all.size(), "the unregistered log is skipped, the same minute kept once: " + all);
      assertEquals(new LogSamples.Sample(LOG_A, T.plusSeconds(60), 160, 100),
          all.stream().filter(x -> x.logId().equals(LOG_A)).toList().get(1));
      assertEquals(2, samples.purgeBefore(T.plusSeconds(1)));
      assertEquals(1, samples.since(Instant.EPOCH).size());
    }
  }

  @OnBothDatabases
  void aLogTurnedOffStaysOffUntilTurnedOn(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Logs logs = new Logs(s.jdbi(), Clock.fixed(T, ZoneOffset.UTC));

      assertEquals(Set.of(), logs.disabled());
      assertTrue(logs.setEnabled(LOG_A, false));
      assertEquals(Set.of(LOG_A), logs.disabled());
      assertTrue(logs.setEnabled(LOG_A, true));
      assertEquals(Set.of(), logs.disabled());
      assertFalse(logs.setEnabled(Sha256.of(new byte[] {2}), false), "an unknown log");
    }
  }
}
