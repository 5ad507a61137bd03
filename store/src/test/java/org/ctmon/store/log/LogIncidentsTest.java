package org.ctmon.store.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.TestIssuances;

final class LogIncidentsTest {
  @OnBothDatabases
  void incidentsComeNewestFirstWithTheirHeadsAsSignedAndCanBeNarrowedToOneLog(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Logs first = new Logs(s.jdbi(), Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
      Logs later = new Logs(s.jdbi(), Clock.fixed(Instant.ofEpochMilli(2_000), ZoneOffset.UTC));
      ServedTreeHead a = new ServedTreeHead(new TreeHead(10, 900, TestIssuances.sha("root a")),
          OpaqueBytes.of(new byte[] {1, 2, 3}),
          true, 950);
      ServedTreeHead b = new ServedTreeHead(new TreeHead(10, 901, TestIssuances.sha("root b")),
          OpaqueBytes.of(new byte[] {4, 5}),
          true, 990);
      ServedTreeHead bad = new ServedTreeHead(new TreeHead(11, 1_500, TestIssuances.sha("root c")),
          OpaqueBytes.of(new byte[] {6}),
          false, 1_990);
      long split = first.recordIncident(TestIssuances.LOG_A, IncidentKind.SPLIT_VIEW, "two roots for size 10",
          first.recordTreeHead(TestIssuances.LOG_A, a), first.recordTreeHead(TestIssuances.LOG_A, b));
      long sig = later.recordIncident(TestIssuances.LOG_B, IncidentKind.BAD_SIGNATURE, "signature does not verify",
          null, later.recordTreeHead(TestIssuances.LOG_B, bad));
      LogIncidents incidents = new LogIncidents(s.jdbi());

      List<LogIncident> all = incidents.recent(Optional.empty(), 10);
      List<LogIncident> onlyA = incidents.recent(Optional.of(TestIssuances.LOG_A), 10);

      assertEquals(List.of(sig, split), all.stream().map(LogIncident::id).toList());
      LogIncident i = onlyA.get(0);
      assertEquals(1, onlyA.size());
      assertEquals(List.of(TestIssuances.LOG_A, IncidentKind.SPLIT_VIEW, "two roots for size 10", 1_000L),
          List.of(i.logId(), i.kind(), i.detail(), i.recordedAtMs()));
      assertEquals(Optional.of(a), i.headA());
      assertEquals(Optional.of(b), i.headB());
      assertEquals(Optional.empty(), all.get(0).headA());
      assertEquals(Optional.of(bad), all.get(0).headB());
      assertEquals(1, incidents.recent(Optional.empty(), 1).size());
      assertEquals(java.util.Map.of(TestIssuances.LOG_A, 1, TestIssuances.LOG_B, 1), incidents.countsByLog());
      assertEquals(2, incidents.count());
      assertThrows(IllegalArgumentException.class, () -> incidents.recent(Optional.empty(), 0));
    }
  }
}
