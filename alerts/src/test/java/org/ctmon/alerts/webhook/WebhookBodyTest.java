package org.ctmon.alerts.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.ctmon.alerts.delivery.TestAlerts;
import org.ctmon.alerts.outbox.WebhookFormat;
import org.junit.jupiter.api.Test;

final class WebhookBodyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOSTILE = "<https://evil.example|click>&<script>.mybank.example";

  @Test
  void jsonIsTheStoredPayloadByteForByte() {
    String payload = TestAlerts.match("k", "unexpected", "vpn.mybank.example");
    assertEquals(payload, new String(WebhookBody.of(WebhookFormat.JSON, payload), StandardCharsets.UTF_8));
  }

  @Test
  void slackMessageHasAHeaderTheDetailsAndALinkWithNamesEscaped() throws IOException {
    JsonNode slack = JSON.readTree(WebhookBody.of(WebhookFormat.SLACK,
        TestAlerts.match("k", "unexpected", "vpn.mybank.example", HOSTILE)));
    assertEquals("Unexpected certificate for vpn.mybank.example and 1 more", slack.get("text").asText());
    assertEquals("header", slack.at("/blocks/0/type").asText());
    String section = slack.at("/blocks/1/text/text").asText();
    assertEquals("mrkdwn", slack.at("/blocks/1/text/type").asText());
    assertTrue(section.contains("*Names:* vpn.mybank.example, &lt;https://evil.example|click&gt;&amp;&lt;script&gt;"
        + ".mybank.example"), section);
    assertFalse(section.contains("<https://evil.example"), "a name cannot become a link");
    assertTrue(section.contains("*Watch list:* prod"));
    assertTrue(section.contains("*Verdict:* unexpected — issuer C=US, O=Let's Encrypt, CN=R11 is not an expected"));
    assertTrue(section.contains("*Issuer:* C=US, O=Let's Encrypt, CN=R11"));
    assertTrue(section.contains("*Valid:* 2026-02-01T00:00:00Z to 2026-05-02T00:00:00Z"));
    assertTrue(section.contains("#123456 (precert)"));
    assertTrue(section.contains("<https://ctmon.example/certs/" + "ab".repeat(32) + "|View certificate in ctmon>"));
  }

  @Test
  void teamsMessageIsAnAdaptiveCardWithFactsAndALink() throws IOException {
    JsonNode teams = JSON.readTree(WebhookBody.of(WebhookFormat.TEAMS,
        TestAlerts.match("k", "lookalike", "rnybank.example")));
    assertEquals("message", teams.get("type").asText());
    JsonNode attachment = teams.at("/attachments/0");
    assertEquals("application/vnd.microsoft.card.adaptive", attachment.get("contentType").asText());
    JsonNode card = attachment.get("content");
    assertEquals("AdaptiveCard", card.get("type").asText());
    assertEquals("Lookalike certificate for rnybank.example", card.at("/body/0/text").asText());
    assertEquals("Names", card.at("/body/1/facts/0/title").asText());
    assertEquals("rnybank.example", card.at("/body/1/facts/0/value").asText());
    assertEquals("Action.OpenUrl", card.at("/actions/0/type").asText());
  }

  @Test
  void teamsEscapesMarkdownInNames() throws IOException {
    JsonNode teams = JSON.readTree(WebhookBody.of(WebhookFormat.TEAMS,
        TestAlerts.match("k", "unexpected", "[click](https://evil.example)")));
    assertEquals("\\[click\\]\\(https://evil.example\\)",
        teams.at("/attachments/0/content/body/1/facts/0/value").asText());
  }

  @Test
  void aLogMisbehaviourRendersItsEvidence() throws IOException {
    String payload = "{\"type\":\"log.misbehaviour\",\"id\":\"m1\",\"log\":{\"description\":\"Test Log 2026\"},"
        + "\"evidence\":{\"kind\":\"root_mismatch\"}}";
    JsonNode slack = JSON.readTree(WebhookBody.of(WebhookFormat.SLACK, payload));
    assertEquals("Log misbehaviour: Test Log 2026", slack.get("text").asText());
    assertTrue(slack.at("/blocks/1/text/text").asText().contains("root_mismatch"));
  }
}
