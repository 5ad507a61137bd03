package org.ctmon.alerts.outbox;

/** How a webhook's body is shaped: ctmon's JSON, a Slack message or a Teams card. */
public enum WebhookFormat {
  JSON("json"),
  SLACK("slack"),
  TEAMS("teams");

  private final String sql;

  WebhookFormat(String sql) {
    this.sql = sql;
  }

  /** The stored and API form. */
  public String sqlName() {
    return sql;
  }

  /** The format whose stored form is {@code s}. */
  public static WebhookFormat of(String s) {
    for (WebhookFormat f : values()) {
      if (f.sql.equals(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown webhook format " + s);
  }
}
