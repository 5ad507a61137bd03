package org.ctmon.alerts.email;

import java.util.List;
import org.ctmon.alerts.delivery.AlertPayload;
import org.ctmon.alerts.outbox.Alert;

/**
 * Several alerts for one address as one message, so a burst (a new wildcard, a CA's batch)
 * is one email rather than a flood. Each alert keeps its section and its id.
 */
final class EmailDigest {
  private EmailDigest() {}

  static EmailContent of(List<Alert> alerts) {
    long unexpected = alerts.stream().map(a -> AlertPayload.parse(a.payloadJson()))
        .filter(p -> p.match().map(m -> !m.verdict().equals("expected")).orElse(true)).count();
    String subject = "[ctmon] " + alerts.size() + " alerts" + (unexpected > 0 ? ", " + unexpected + " unexpected" : "");
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
    html.append("<h2>").append(EmailContent.html(subject.substring("[ctmon] ".length()))).append("</h2>");
    int i = 0;
    for (Alert a : alerts) {
      AlertPayload p = AlertPayload.parse(a.payloadJson());
      i++;
      String head = i + ". " + EmailContent.headline(p);
      text.append("\n").append(head).append("\n").append("-".repeat(Math.min(head.length(), 72))).append("\n");
      html.append("<hr><h3>").append(EmailContent.html(head)).append("</h3>");
      EmailContent.body(p, text, html);
      text.append("Alert id: ").append(a.idempotencyKey()).append('\n');
      html.append("<p style=\"color:#666\">Alert id: ").append(EmailContent.html(a.idempotencyKey())).append("</p>");
    }
    html.append("</body></html>");
    return new EmailContent(subject, text.toString(), html.toString());
  }
}
