package org.ctmon.alerts.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.ctmon.alerts.delivery.AlertPayload;
import org.ctmon.alerts.outbox.WebhookFormat;

/**
 * The bytes POSTed for an alert in each webhook format: ctmon's JSON exactly as stored (what
 * the signature covers and DESIGN.md promises), a Slack Block Kit message, or a Microsoft Teams
 * Adaptive Card (what Teams Workflows accept). Names and issuers are chosen by whoever got the
 * certificate issued, so they are escaped for Slack's mrkdwn and Teams' markdown: a name cannot
 * become a link or formatting. Long name lists are cut to keep under the receivers' limits.
 */
public final class WebhookBody {
  static final int MAX_NAMES = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookBody() {}

  /** The body for this format. */
  public static byte[] of(WebhookFormat format, String payloadJson) {
    if (format == WebhookFormat.JSON) {
      return payloadJson.getBytes(StandardCharsets.UTF_8);
    }
    AlertPayload p = AlertPayload.parse(payloadJson);
    ObjectNode body = format == WebhookFormat.SLACK ? slack(p) : teams(p);
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A one-line title, plain text (not escaped). */
  static String title(AlertPayload p) {
    if (p.match().isPresent()) {
      String headline = p.match().get().headline();
      return Character.toUpperCase(headline.charAt(0)) + headline.substring(1);
    }
    if (p.type().equals("log.misbehaviour")) {
      return "Log misbehaviour: " + p.logName();
    }
    return "ctmon " + (p.type().isEmpty() ? "alert" : p.type());
  }

  static ObjectNode slack(AlertPayload p) {
    ObjectNode root = JSON.createObjectNode();
    root.put("text", mrkdwn(title(p)));
    ArrayNode blocks = root.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("text", cut(title(p), 150));
    StringBuilder s = new StringBuilder();
    if (p.match().isPresent()) {
      AlertPayload.Match m = p.match().get();
      s.append("*Names:* ").append(mrkdwn(names(m))).append('\n');
      if (!m.watchlistName().isEmpty()) {
        s.append("*Watch list:* ").append(mrkdwn(m.watchlistName())).append('\n');
      }
      s.append("*Verdict:* ").append(mrkdwn(m.verdict()));
      if (!m.reasons().isEmpty()) {
        s.append(" — ").append(mrkdwn(String.join("; ", m.reasons())));
      }
      s.append('\n');
      s.append("*Issuer:* ").append(mrkdwn(m.issuer())).append('\n');
      s.append("*Valid:* ").append(mrkdwn(m.notBefore())).append(" to ").append(mrkdwn(m.notAfter())).append('\n');
      s.append("*Logs:* ").append(mrkdwn(entries(m))).append('\n');
      s.append("*TBS SHA-256:* ").append(mrkdwn(m.tbsSha256()));
      if (!m.url().isEmpty()) {
        s.append("\n<").append(mrkdwn(m.url()).replace("|", "%7C")).append("|View certificate in ctmon>");
      }
    } else {
      p.message().ifPresent(msg -> s.append("```").append(mrkdwn(cut(msg, 2500)).replace("```", "'''")).append("```"));
    }
    if (s.length() > 0) {
      blocks.addObject().put("type", "section").putObject("text").put("type", "mrkdwn").put("text", cut(s.toString(), 3000));
    }
    return root;
  }

  static ObjectNode teams(AlertPayload p) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "message");
    ObjectNode attachment = root.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content");
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    ArrayNode body = card.putArray("body");
    body.addObject().put("type", "TextBlock").put("text", markdown(title(p))).put("weight", "Bolder")
        .put("size", "Medium").put("wrap", true);
    if (p.match().isPresent()) {
      AlertPayload.Match m = p.match().get();
      ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
      fact(facts, "Names", names(m));
      if (!m.watchlistName().isEmpty()) {
        fact(facts, "Watch list", m.watchlistName());
      }
      fact(facts, "Verdict", m.verdict());
      if (!m.reasons().isEmpty()) {
        fact(facts, "Why", String.join("; ", m.reasons()));
      }
      fact(facts, "Issuer", m.issuer());
      fact(facts, "Valid", m.notBefore() + " to " + m.notAfter());
      fact(facts, "Logs", entries(m));
      fact(facts, "TBS SHA-256", m.tbsSha256());
      if (!m.url().isEmpty()) {
        card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "View certificate in ctmon")
            .put("url", m.url());
      }
    } else {
      p.message().ifPresent(msg -> body.addObject().put("type", "TextBlock").put("text", markdown(cut(msg, 2500)))
          .put("wrap", true).put("fontType", "Monospace"));
    }
    return root;
  }

  private static void fact(ArrayNode facts, String title, String value) {
    facts.addObject().put("title", title).put("value", markdown(value));
  }

  static String names(AlertPayload.Match m) {
    List<String> all = m.names();
    String shown = all.stream().limit(MAX_NAMES).collect(Collectors.joining(", "));
    return all.size() > MAX_NAMES ? shown + " and " + (all.size() - MAX_NAMES) + " more" : shown;
  }

  static String entries(AlertPayload.Match m) {
    return m.entries().stream().limit(MAX_NAMES)
        .map(e -> e.log() + " #" + e.index() + (e.entryType().isEmpty() ? "" : " (" + e.entryType() + ")"))
        .collect(Collectors.joining(", "));
  }

  /** Slack's escaping of user text in mrkdwn: the three control characters, nothing else. */
  static String mrkdwn(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Teams markdown: backslash-escape what could make a link, emphasis or a heading. */
  static String markdown(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if ("\\`*_[]()~#<>".indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
