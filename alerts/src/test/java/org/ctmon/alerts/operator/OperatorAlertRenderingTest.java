package org.ctmon.alerts.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ctmon.alerts.delivery.DeliveryBackoff;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.email.EmailSender;
import org.ctmon.alerts.email.SmtpSettings;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.Recipient;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.ctmon.alerts.webhook.WebhookBody;
import org.ctmon.store.Store;
import org.ctmon.store.TestDatabase;
import org.ctmon.store.ingest.TestIssuances;
import org.ctmon.store.log.LogIncidents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Operator alerts as the existing renderers show them: a Slack message, a Teams card, an email. */
final class OperatorAlertRenderingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK = Clock.fixed(IncidentAlertsTest.NOW, ZoneOffset.UTC);

  @RegisterExtension
  static final GreenMailExtension GREENMAIL = new GreenMailExtension(
      new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

  private static Alert emailed(List<Alert> alerts) {
    return alerts.stream().filter(a -> a.recipient() instanceof Recipient.Email).findFirst().orElseThrow();
  }

  private static String text(MimeMessage m) throws Exception {
    return (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
  }

  private static MimeMessage mail(Alert a) {
    EmailSender sender = new EmailSender(SmtpSettings.of("127.0.0.1", GREENMAIL.getSmtp().getPort(),
        SmtpSettings.Security.NONE, Optional.empty(), Optional.empty(), "ctmon@ops.example"),
        new DeliveryBackoff(CLOCK, new SplittableRandom(1)), CLOCK);
    assertEquals(new DeliveryResult.Delivered(), sender.send("oncall@ops.example", a));
    MimeMessage[] got = GREENMAIL.getReceivedMessages();
    return got[got.length - 1];
  }

  @Test
  void aLogMisbehaviourAlertShowsTheIncidentAndBothHeads() throws Exception {
    try (var t = TestDatabase.H2.open()) {
      Store s = t.store();
      TestIssuances.registerLogs(s);
      Admins admins = new Admins(s, CLOCK);
      IncidentAlertsTest.splitView(s, IncidentAlertsTest.NOW.minus(Duration.ofHours(1)));
      new IncidentAlerts(new LogIncidents(s.jdbi()), admins.channels).enqueueNew(IncidentAlertsTest.NOW);
      Alert a = emailed(admins.alerts(admins.alice));
      List<String> shown = List.of("split_view: two roots for tree size 10",
          "head A: tree size 10", IncidentAlertsTest.HEAD_A.head().rootHash().base64(),
          IncidentAlertsTest.HEAD_B.head().rootHash().base64(), IncidentAlertsTest.HEAD_B.signature().base64());

      JsonNode slack = JSON.readTree(WebhookBody.of(WebhookFormat.SLACK, a.payloadJson()));
      JsonNode teams = JSON.readTree(WebhookBody.of(WebhookFormat.TEAMS, a.payloadJson()));
      MimeMessage m = mail(a);

      assertEquals("Log misbehaviour: Test Log A", slack.path("text").asText());
      String section = slack.path("blocks").get(1).path("text").path("text").asText();
      String card = teams.toString();
      assertEquals("[ctmon] log misbehaviour: Test Log A", m.getSubject());
      String body = text(m);
      for (String s1 : shown) {
        assertTrue(section.contains(s1), "slack shows " + s1 + ": " + section);
        assertTrue(body.contains(s1), "the email shows " + s1 + ": " + body);
      }
      assertTrue(card.contains("Log misbehaviour: Test Log A"), card);
      assertTrue(card.contains(IncidentAlertsTest.HEAD_B.head().rootHash().base64()), card);
      assertTrue(body.contains("\"description\" : \"Test Log A\""), body);
    }
  }

  @Test
  void aHealthAlertSaysWhatIsWrongInItsSubjectAndTheLastErrorInItsBody() throws Exception {
    try (var t = TestDatabase.H2.open()) {
      Admins admins = new Admins(t.store(), CLOCK);
      String error = "error fetching entries 1000-1255 from https://a.example/: HTTP 429";
      LogHealth stale = new LogHealth("TnWjJ1yaEMM4W2zU3z9S6x3w4I4bjWnAsfpksWKaOd8=", "Test Log A", false,
          Optional.of(IncidentAlertsTest.NOW.minus(Duration.ofHours(3))), 0, Optional.of(error),
          Optional.of(IncidentAlertsTest.NOW.minusSeconds(30)));
      new HealthAlerts(admins.channels, HealthAlerts.Thresholds.DEFAULTS)
          .check(List.of(stale), Optional.of(IncidentAlertsTest.NOW), IncidentAlertsTest.NOW);
      Alert a = emailed(admins.alerts(admins.alice));

      JsonNode slack = JSON.readTree(WebhookBody.of(WebhookFormat.SLACK, a.payloadJson()));
      MimeMessage m = mail(a);

      assertEquals("ctmon health", slack.path("text").asText());
      String section = slack.path("blocks").get(1).path("text").path("text").asText();
      assertTrue(section.contains("no verified tree head from Test Log A for 3 h"), section);
      assertTrue(section.contains(error), section);
      assertEquals("[ctmon] health: no verified tree head from Test Log A for 3 h"
          + " (the last at 2026-02-01T09:00:00Z)…",
          m.getSubject());
      assertTrue(text(m).contains(error), text(m));
    }
  }
}
