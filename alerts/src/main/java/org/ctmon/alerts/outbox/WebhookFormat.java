package org.ctmon.alerts.outbox;

import org.ctmon.store.SqlName;

/**
 * How a webhook's body is shaped: ctmon's JSON, a Slack message or a Teams card; stored and served
 * as {@code json}, {@code slack}, {@code teams}.
 */
public enum WebhookFormat implements SqlName {
  JSON,
  SLACK,
  TEAMS;

  /** The webhook format whose stored form is {@code s}. */
  public static WebhookFormat of(String s) {
    return SqlName.of(WebhookFormat.class, s, "webhook format");
  }
}
