package org.ctmon.alerts.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.DeliveryState;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.Recipient;

/** Test fixture: alert payloads shaped as ingest writes them, and alerts carrying them. */
public final class TestAlerts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestAlerts() {}

  /** A certificate alert's generic webhook body. */
  public static String match(String key, String verdict, String... names) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", "certificate." + (verdict.equals("expected") ? "discovered" : verdict));
    root.put("id", key);
    ObjectNode m = root.putObject("match");
    m.put("tbs_sha256", "ab".repeat(32));
    ArrayNode dns = m.putArray("dns_names");
    for (String n : names) {
      dns.add(n);
    }
    m.putArray("ip_addresses");
    m.put("issuer", "C=US, O=Let's Encrypt, CN=R11");
    m.put("serial", "04a1b2");
    m.put("not_before", "2026-02-01T00:00:00Z");
    m.put("not_after", "2026-05-02T00:00:00Z");
    m.put("verdict", verdict);
    m.putArray("reasons").add("issuer C=US, O=Let's Encrypt, CN=R11 is not an expected issuer");
    m.putArray("watch_items").add(".mybank.example");
    m.putObject("watchlist").put("id", 7).put("name", "prod");
    m.putArray("entries").addObject().put("log", "TnWjJ1yaEMM4W2zU3z9S6x3w4I4bjWnAsfpksWKaOd8=").put("index", 123456)
        .put("entry_type", "precert");
    m.put("first_seen", "2026-02-01T00:00:05Z");
    m.put("url", "https://ctmon.example/certs/" + "ab".repeat(32));
    return root.toString();
  }

  /** A pending alert as the outbox would return it. */
  public static Alert alert(String key, Recipient to, String payload, Instant createdAt) {
    EventType type = EventType.of(payload.contains("\"certificate.unexpected\"") ? "certificate.unexpected"
        : payload.contains("\"certificate.lookalike\"") ? "certificate.lookalike" : "certificate.discovered");
    return new Alert(1, 1, key, type, to, Optional.empty(), Optional.empty(), payload, createdAt, DeliveryState.PENDING,
        0, createdAt, Optional.empty(), Optional.empty());
  }
}
