package org.ctmon.alerts.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.watch.MatchRecord;

/**
 * The generic webhook body of a certificate alert, as DESIGN.md gives it: {@code {"type", "id",
 * "match": {...}}}. It is stored in the outbox as written here and every channel renders from it,
 * so what a receiver gets does not depend on when it is delivered.
 */
final class AlertBody {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertBody() {}

  /** What the body says of the certificate. */
  record Certificate(List<String> dnsNames, List<String> ipAddresses, String issuer, String serial, Instant notBefore,
                     Instant notAfter, Instant firstSeen, List<Entry> entries) {}

  /** One log entry of the certificate. */
  record Entry(String logIdBase64, long index, String entryType) {}

  static String of(EventType type, String idempotencyKey, MatchRecord m, String watchlistName, Certificate c,
                   String publicUrl) {
    Map<String, Object> match = new LinkedHashMap<>();
    match.put("tbs_sha256", m.tbsSha256().hex());
    match.put("dns_names", c.dnsNames());
    match.put("ip_addresses", c.ipAddresses());
    match.put("issuer", c.issuer());
    match.put("serial", c.serial());
    match.put("not_before", c.notBefore().toString());
    match.put("not_after", c.notAfter().toString());
    match.put("verdict", m.verdict().sqlName());
    match.put("reasons", m.reasons());
    match.put("watch_items", m.watchItems());
    match.put("watchlist", Map.of("id", m.watchlistId(), "name", watchlistName));
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Entry e : c.entries()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("log", e.logIdBase64());
      row.put("index", e.index());
      row.put("entry_type", e.entryType());
      entries.add(row);
    }
    match.put("entries", entries);
    match.put("first_seen", c.firstSeen().toString());
    match.put("url", trimSlash(publicUrl) + "/api/v1/certs/" + m.tbsSha256().hex());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.wireName());
    body.put("id", idempotencyKey);
    body.put("match", match);
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an alert body", e);
    }
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
