package org.ctmon.alerts.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.store.OnBothDatabases;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.log.IncidentKind;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.store.log.Logs;
import org.ctmon.store.log.ServedTreeHead;

final class IncidentAlertsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");
  static final ServedTreeHead HEAD_A = new ServedTreeHead(
      new TreeHead(10, NOW.minusSeconds(7200).toEpochMilli(), TestIssuances.sha("root a")),
      OpaqueBytes.of(new byte[] {4, 3, 0, 2, 1, 2}), true,
      NOW.minusSeconds(7000).toEpochMilli());
  static final ServedTreeHead HEAD_B = new ServedTreeHead(
      new TreeHead(10, NOW.minusSeconds(3700).toEpochMilli(), TestIssuances.sha("root b")),
      OpaqueBytes.of(new byte[] {4, 3, 0, 2, 9, 9}), true,
      NOW.minusSeconds(3600).toEpochMilli());

  /** Records a split view of log A at {@code at}, with both heads; returns its id. */
  static long splitView(Store s, Instant at) {
    Logs logs = new Logs(s.jdbi(), Clock.fixed(at, ZoneOffset.UTC));
    return logs.recordIncident(TestIssuances.LOG_A, IncidentKind.SPLIT_VIEW, "two roots for tree size 10",
        logs.recordTreeHead(TestIssuances.LOG_A, HEAD_A), logs.recordTreeHead(TestIssuances.LOG_A, HEAD_B));
  }

  @OnBothDatabases
  void anIncidentWithTwoHeadsAlertsEachAdminChannelOnceWithBothHeads(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Admins admins = new Admins(s, Clock.fixed(NOW, ZoneOffset.UTC));
      long id = splitView(s, NOW.minus(Duration.ofHours(1)));
      IncidentAlerts alerts = new IncidentAlerts(new LogIncidents(s.jdbi()), admins.channels);

      assertEquals(2, alerts.enqueueNew(NOW));

      List<Alert> got = admins.alerts(admins.alice);
      assertEquals(Set.of(new Recipient.Webhook(admins.aliceWebhook), new Recipient.Email("oncall@ops.example")),
          got.stream().map(Alert::recipient).collect(Collectors.toSet()));
      for (Alert a : got) {
        assertEquals(EventType.LOG_MISBEHAVIOUR, a.eventType());
        JsonNode p = JSON.readTree(a.payloadJson());
        assertEquals("log.misbehaviour", p.path("type").asText());
        assertEquals(a.idempotencyKey(), p.path("id").asText());
        assertEquals(TestIssuances.LOG_A.base64(), p.path("log").path("id").asText());
        assertEquals("Test Log A", p.path("log").path("description").asText());
        assertEquals("rfc6962", p.path("log").path("kind").asText());
        assertEquals(id, p.path("incident").path("id").asLong());
        assertEquals("split_view", p.path("incident").path("kind").asText());
        assertEquals("two roots for tree size 10", p.path("incident").path("detail").asText());
        assertEquals("2026-02-01T11:00:00Z", p.path("incident").path("recorded_at").asText());
        JsonNode a1 = p.path("evidence").path("head_a");
        JsonNode b1 = p.path("evidence").path("head_b");
        assertEquals(List.of(10L, HEAD_A.head().timestamp()),
            List.of(a1.path("tree_size").asLong(), a1.path("timestamp").asLong()));
        assertEquals(HEAD_A.head().rootHash().base64(), a1.path("sha256_root_hash").asText());
        assertEquals(HEAD_A.signature().base64(), a1.path("tree_head_signature").asText());
        assertEquals(HEAD_B.head().rootHash().base64(), b1.path("sha256_root_hash").asText());
        assertEquals(HEAD_B.signature().base64(), b1.path("tree_head_signature").asText());
        assertTrue(p.path("message").asText().contains(HEAD_B.head().rootHash().base64()), p.path("message").asText());
      }
      assertEquals(List.of(), admins.alerts(admins.bob), "not an admin");
      assertEquals(List.of(), admins.alerts(admins.carol), "a disabled admin");
    }
  }

  @OnBothDatabases
  void runningAgainOrAfterARestartWritesNothingNew(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Admins admins = new Admins(s, Clock.fixed(NOW, ZoneOffset.UTC));
      splitView(s, NOW.minus(Duration.ofHours(1)));
      IncidentAlerts alerts = new IncidentAlerts(new LogIncidents(s.jdbi()), admins.channels);
      assertEquals(2, alerts.enqueueNew(NOW));

      assertEquals(0, alerts.enqueueNew(NOW.plusSeconds(5)));
      assertEquals(0, new IncidentAlerts(new LogIncidents(s.jdbi()), admins.channels).enqueueNew(NOW.plusSeconds(10)));
      splitView(s, NOW.plusSeconds(20));
      assertEquals(2, alerts.enqueueNew(NOW.plusSeconds(25)), "a new incident is alerted");
      assertEquals(4, admins.alerts(admins.alice).size());
    }
  }

  @OnBothDatabases
  void incidentsOlderThanAWeekAreNotAlerted(TestDatabase db) {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Admins admins = new Admins(s, Clock.fixed(NOW, ZoneOffset.UTC));
      splitView(s, NOW.minus(Duration.ofDays(8)));

      assertEquals(0, new IncidentAlerts(new LogIncidents(s.jdbi()), admins.channels).enqueueNew(NOW));
      assertEquals(List.of(), admins.alerts(admins.alice));
    }
  }

  @OnBothDatabases
  void aStaticLogsHeadCarriesItsSignedNoteAndAMissingHeadIsNull(TestDatabase db) throws Exception {
    try (var t = db.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Admins admins = new Admins(s, Clock.fixed(NOW, ZoneOffset.UTC));
      String note = "b.example/log\n11\n" + TestIssuances.sha("root c").base64() + "\n\n— b.example/log AAAA\n";
      Logs logs = new Logs(s.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC));
      logs.recordIncident(TestIssuances.LOG_B, IncidentKind.BAD_SIGNATURE, "checkpoint signature does not verify", null,
          logs.recordTreeHead(TestIssuances.LOG_B, new ServedTreeHead(
              new TreeHead(11, NOW.toEpochMilli(), TestIssuances.sha("root c")),
              OpaqueBytes.of(note.getBytes(StandardCharsets.UTF_8)), false,
              NOW.toEpochMilli())));

      new IncidentAlerts(new LogIncidents(s.jdbi()), admins.channels).enqueueNew(NOW);

      JsonNode p = JSON.readTree(admins.alerts(admins.alice).get(0).payloadJson());
      assertTrue(p.path("evidence").path("head_a").isNull());
      assertEquals(note, p.path("evidence").path("head_b").path("signed_note").asText());
      assertEquals(false, p.path("evidence").path("head_b").path("signature_valid").asBoolean());
      assertTrue(p.path("message").asText().contains("(does not verify)"), p.path("message").asText());
    }
  }
}
