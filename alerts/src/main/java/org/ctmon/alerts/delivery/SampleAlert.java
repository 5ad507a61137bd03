package org.ctmon.alerts.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.ctmon.alerts.outbox.Alert;
import org.ctmon.alerts.outbox.DeliveryState;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.alerts.outbox.Recipient;

/** The made-up alert that "send test" delivers: shaped like a real one, clearly labelled a test. */
final class SampleAlert {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleAlert() {}

  static Alert of(long accountId, Recipient recipient, Instant now, RandomGenerator random) {
    byte[] b = new byte[12];
    random.nextBytes(b);
    String key = "test-" + HexFormat.of().formatHex(b);
    ObjectNode root = JSON.createObjectNode();
    root.put("type", EventType.CERTIFICATE_DISCOVERED.wireName());
    root.put("id", key);
    root.put("test", true);
    ObjectNode m = root.putObject("match");
    m.put("tbs_sha256", "00".repeat(32));
    m.putArray("dns_names").add("test.ctmon.invalid");
    m.putArray("ip_addresses");
    m.put("issuer", "CN=ctmon test, O=ctmon");
    m.put("serial", "01");
    m.put("not_before", now.toString());
    m.put("not_after", now.plusSeconds(90L * 86400).toString());
    m.put("verdict", "expected");
    m.putArray("reasons").add("this is a test alert sent from ctmon");
    m.putArray("watch_items").add("test.ctmon.invalid");
    m.putObject("watchlist").put("id", 0).put("name", "test");
    m.putArray("entries").addObject().put("log", "test").put("index", 0).put("entry_type", "x509");
    m.put("first_seen", now.toString());
    m.put("url", "");
    return new Alert(0, accountId, key, EventType.CERTIFICATE_DISCOVERED, recipient, Optional.empty(), Optional.empty(),
        root.toString(), now, DeliveryState.PENDING, 0, now, Optional.empty(), Optional.empty());
  }
}
