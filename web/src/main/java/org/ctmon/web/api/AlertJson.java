package org.ctmon.web.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.DeliveryState;
import org.ctmon.alerts.outbox.Recipient;

/**
 * An alert as {@code GET /api/v1/alerts} shows it: its delivery state ({@code pending},
 * {@code delivered}, or {@code dead} once ctmon gave up), attempts, errors, where it goes, and the
 * payload as delivered.
 */
final class AlertJson {
  private AlertJson() {}

  static Map<String, Object> of(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("type", a.eventType().wireName());
    m.put("state", state(a.state()));
    m.put("attempts", a.attempts());
    m.put("next_attempt_at", a.state() == DeliveryState.PENDING ? IssuanceJson.time(a.nextAttemptAt()) : null);
    m.put("last_error", a.lastError().orElse(null));
    m.put("delivered_at", a.deliveredAt().map(IssuanceJson::time).orElse(null));
    if (a.recipient() instanceof Recipient.Webhook w) {
      m.put("channel", "webhook");
      m.put("recipient", w.webhookId());
    } else if (a.recipient() instanceof Recipient.Email e) {
      m.put("channel", "email");
      m.put("recipient", e.address());
    } else {
      throw new AssertionError("unknown recipient " + a.recipient());
    }
    m.put("watchlist", a.watchlistId().orElse(null));
    m.put("tbs_sha256", a.tbsSha256().map(h -> h.hex()).orElse(null));
    m.put("created_at", IssuanceJson.time(a.createdAt()));
    m.put("idempotency_key", a.idempotencyKey());
    m.put("payload", JsonBody.tree(a.payloadJson()));
    return m;
  }

  static String state(DeliveryState s) {
    if (s == DeliveryState.PENDING) {
      return "pending";
    } else if (s == DeliveryState.DELIVERED) {
      return "delivered";
    } else if (s == DeliveryState.GAVE_UP) {
      return "dead";
    }
    throw new AssertionError("unknown delivery state " + s);
  }
}
