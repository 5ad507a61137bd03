package org.ctmon.web.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ctmon.store.log.LogIncident;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.TreeHeadRecord;

/**
 * An incident as the admin page's copyable block shows it: the JSON object
 * {@code GET /api/v1/incidents} gives for it (same fields, same order), indented, so what an
 * operator forwards from the page and what a script fetches are the same evidence: each tree
 * head exactly as the log signed it.
 */
final class AdminEvidence {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AdminEvidence() {}

  static String of(LogIncident i) {
    // Mirrors web.api.IncidentsApi.json, which is package-private there; AdminPageTest compares the two.
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("log_id", i.logId().base64());
    m.put("log", i.logDescription());
    m.put("protocol", i.logKind().sqlName());
    m.put("kind", i.kind().sqlName());
    m.put("detail", i.detail());
    m.put("recorded_at", Instant.ofEpochMilli(i.recordedAtMs()).toString());
    m.put("head_a", i.headA().map(h -> head(h, i.logKind())).orElse(null));
    m.put("head_b", i.headB().map(h -> head(h, i.logKind())).orElse(null));
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new AssertionError("a map of strings and numbers is always JSON", e);
    }
  }

  private static Map<String, Object> head(TreeHeadRecord h, LogKind kind) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tree_size", h.treeSize());
    m.put("timestamp", h.timestampMs());
    m.put("sha256_root_hash", h.rootHash().base64());
    if (kind == LogKind.STATIC) {
      m.put("checkpoint", new String(h.signature().unsafeBytes(), StandardCharsets.UTF_8));
    } else {
      m.put("tree_head_signature", h.signature().base64());
    }
    m.put("signature_valid", h.signatureValid());
    m.put("received_at", Instant.ofEpochMilli(h.receivedAtMs()).toString());
    return m;
  }
}
