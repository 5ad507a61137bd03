package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.log.IncidentKind;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.Logs;
import org.ctmon.store.log.ServedTreeHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentReportTest {
  @Test
  void aNewIncidentIsReportedOnceWithWhereItsEvidenceIsAndARestartRecallsWhatIsOnRecord(@TempDir Path dir) {
    try (Store store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""))) {
      Logs logs = new Logs(store.jdbi(), Clock.systemUTC());
      Sha256 id = Sha256.of(new byte[] {9});
      logs.register(new LogSpec(id, Der.of(new byte[] {1}), "Example 'Log2026'", "Example", LogKind.RFC6962,
          "https://ct.example/log2026/", null, "usable", 86400));
      IncidentReport report = new IncidentReport(new LogIncidents(store.jdbi()));
      assertEquals(List.of(), report.report());

      long head = logs.recordTreeHead(id, new ServedTreeHead(new TreeHead(5, 1, Sha256.of(new byte[] {2})),
          OpaqueBytes.of(new byte[] {3}),
          false, 2));
      long incident = logs.recordIncident(id, IncidentKind.BAD_SIGNATURE, "bad tree head signature", null, head);
      List<String> lines = report.report();

      assertEquals(1, lines.size(), lines.toString());
      assertTrue(lines.get(0).startsWith("log misbehaviour: Example 'Log2026' bad signature (incident " + incident),
          lines.get(0));
      assertTrue(lines.get(0).endsWith("GET /api/v1/incidents?log=" + id.base64()), lines.get(0));
      assertEquals(List.of(), report.report(), "reported once");

      // Ids are handed out before commit: a lower one can become visible after a higher one.
      store.jdbi().useHandle(h -> h.execute("INSERT INTO log_incidents (id, log, kind, detail, recorded_at)"
          + " SELECT 100, id, 'split_view', 'later id, committed first', 3 FROM logs"));
      assertEquals(1, report.report().size());
      store.jdbi().useHandle(h -> h.execute("INSERT INTO log_incidents (id, log, kind, detail, recorded_at)"
          + " SELECT 50, id, 'split_view', 'earlier id, committed last', 4 FROM logs"));
      List<String> late = report.report();
      assertEquals(1, late.size(), late.toString());
      assertTrue(late.get(0).contains("earlier id, committed last"), late.get(0));

      List<String> afterRestart = new IncidentReport(new LogIncidents(store.jdbi())).report();
      assertEquals(1, afterRestart.size());
      assertTrue(afterRestart.get(0).startsWith("incidents on record: 3; the newest, Example 'Log2026' bad signature"),
          afterRestart.get(0));
    }
  }
}
