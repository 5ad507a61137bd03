package org.ctmon.alerts.outbox;

import java.time.Instant;

/**
 * A webhook target of an account.
 *
 * @param id its id
 * @param accountId its owner
 * @param url where deliveries are POSTed
 * @param secret the key deliveries are signed with (kept as given: signing needs it)
 * @param format body shape
 * @param enabled whether deliveries go out
 * @param createdAt when it was added
 */
public record Webhook(long id, long accountId, String url, String secret, WebhookFormat format, boolean enabled,
                      Instant createdAt) {
  @Override
  public String toString() {
    return "Webhook[id=" + id + ", accountId=" + accountId + ", url=" + url + ", format=" + format + "]";
  }
}
