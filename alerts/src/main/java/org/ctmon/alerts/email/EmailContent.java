package org.ctmon.alerts.email;

import java.util.List;
import org.ctmon.alerts.delivery.AlertPayload;

/**
 * What an alert email says, as a subject, a plain text part and an HTML part. Every value from
 * the payload is attacker-influenced (certificate names, issuers, log descriptions): it is
 * HTML-escaped in the HTML part and stripped of control characters in the subject.
 */
record EmailContent(String subject, String text, String html) {
  static EmailContent of(AlertPayload p, String key) {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
    String subject = "[ctmon] " + headline(p);
    html.append("<h2>").append(html(headline(p))).append("</h2>");
    body(p, text, html);
    text.append("\nAlert id: ").append(key).append(" (a repeat of this alert carries the same id)\n");
    html.append("<p style=\"color:#666\">Alert id: ").append(html(key))
        .append(" (a repeat of this alert carries the same id)</p></body></html>");
    return new EmailContent(oneLine(subject), text.toString(), html.toString());
  }

  /** E.g. {@code unexpected certificate for vpn.mybank.example}. */
  static String headline(AlertPayload p) {
    if (p.match().isPresent()) {
      return p.match().get().headline();
    }
    if (p.type().equals("log.misbehaviour")) {
      return "log misbehaviour: " + p.logName();
    }
    if (p.type().equals("health")) {
      return "health: " + p.message().map(EmailContent::oneLine).map(s -> s.length() > 80 ? s.substring(0, 80) + "…" : s)
          .orElse("a problem");
    }
    return "alert " + p.type();
  }

  /** The alert's details, appended to both parts (used by digests too). */
  static void body(AlertPayload p, StringBuilder text, StringBuilder html) {
    if (p.match().isPresent()) {
      AlertPayload.Match m = p.match().get();
      String intro = switch (m.verdict()) {
        case "unexpected" -> "ctmon found a certificate for names you watch that does not match what you expect.";
        case "lookalike" -> "ctmon found a certificate for a name that looks like one you watch.";
        default -> "ctmon found a certificate for names you watch.";
      };
      text.append(intro).append("\n\n");
      html.append("<p>").append(html(intro)).append("</p><table cellpadding=\"4\">");
      row(text, html, "Names", String.join(", ", m.names()));
      if (!m.watchlistName().isEmpty()) {
        row(text, html, "Watch list", m.watchlistName());
      }
      if (!m.watchItems().isEmpty()) {
        row(text, html, "Matched", String.join(", ", m.watchItems()));
      }
      row(text, html, "Verdict", m.verdict());
      if (!m.reasons().isEmpty()) {
        row(text, html, "Why", String.join("; ", m.reasons()));
      }
      row(text, html, "Issuer", m.issuer());
      row(text, html, "Valid", m.notBefore() + " to " + m.notAfter());
      row(text, html, "Serial", m.serial());
      row(text, html, "TBS SHA-256", m.tbsSha256());
      List<String> logs = m.entries().stream()
          .map(e -> e.log() + " #" + e.index() + (e.entryType().isEmpty() ? "" : " (" + e.entryType() + ")")).toList();
      row(text, html, "Logs", String.join(", ", logs));
      row(text, html, "First seen", m.firstSeen());
      html.append("</table>");
      if (!m.url().isEmpty()) {
        text.append('\n').append(m.url()).append('\n');
        if (m.url().startsWith("https://") || m.url().startsWith("http://")) {
          html.append("<p><a href=\"").append(html(m.url())).append("\">View the certificate in ctmon</a></p>");
        } else {
          html.append("<p>").append(html(m.url())).append("</p>");
        }
      }
      return;
    }
    String intro = p.type().equals("log.misbehaviour")
        ? "ctmon caught a CT log misbehaving and stopped following it until you resume it. Evidence:"
        : "ctmon reports:";
    text.append(intro).append("\n\n");
    html.append("<p>").append(html(intro)).append("</p>");
    p.log().ifPresent(l -> {
      text.append("Log:\n").append(l).append("\n\n");
      html.append("<p>Log:</p><pre>").append(html(l)).append("</pre>");
    });
    p.message().ifPresent(msg -> {
      text.append(msg).append('\n');
      html.append("<pre>").append(html(msg)).append("</pre>");
    });
  }

  private static void row(StringBuilder text, StringBuilder html, String label, String value) {
    text.append(String.format("%-12s %s%n", label + ":", value));
    html.append("<tr><th align=\"left\" valign=\"top\">").append(html(label)).append("</th><td>").append(html(value))
        .append("</td></tr>");
  }

  static String html(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String oneLine(String s) {
    return s.replaceAll("[\\p{Cntrl}]+", " ").strip();
  }
}
