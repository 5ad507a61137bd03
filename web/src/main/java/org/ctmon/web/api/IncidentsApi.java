package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.ctmon.store.log.LogIncident;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.ServedTreeHead;

/**
 * {@code GET /api/v1/incidents[?log=LOG_ID][&limit=N]}: the misbehaviour ctmon caught logs in
 * (bad signature, root mismatch, split view), newest first, each with the tree heads that prove it
 * exactly as the log signed them, so anyone can check them with the log's key and forward them.
 * An RFC 6962 head carries get-sth's own fields; a static-ct-api head its whole checkpoint. Public,
 * like the logs' health.
 */
public final class IncidentsApi {
  private static final int DEFAULT_LIMIT = 100;
  private final LogIncidents incidents;

  public IncidentsApi(LogIncidents incidents) {
    this.incidents = incidents;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/incidents", this::list);
  }

  private void list(Context ctx) {
    Optional<Sha256> log = Optional.empty();
    String logParam = ctx.queryParam("log");
    if (logParam != null) {
      try {
        // A '+' pasted into a URL arrives as a space; base64url (- and _) is accepted too.
        String text = logParam.strip().replace(' ', '+');
        byte[] id = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
            ? Base64.getUrlDecoder().decode(text) : Base64.getDecoder().decode(text);
        if (id.length != 32) {
          throw new IllegalArgumentException("not 32 bytes");
        }
        log = Optional.of(Sha256.wrap(id));
      } catch (IllegalArgumentException e) {
        ApiError.send(ctx, HttpStatus.BAD_REQUEST, "log must be a log id: the base64 SHA-256 of the log's key,"
            + " as /api/v1/logs gives it");
        return;
      }
    }
    java.util.OptionalInt limit = PageLimit.of(ctx, DEFAULT_LIMIT, LogIncidents.MAX_LIMIT);
    if (limit.isEmpty()) {
      return;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (LogIncident i : incidents.recent(log, limit.getAsInt())) {
      out.add(json(i));
    }
    ctx.json(Map.of("incidents", out));
  }

  /** The JSON object of one incident, as this API and the admin page's evidence block give it. */
  public static Map<String, Object> json(LogIncident i) {
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
    return m;
  }

  private static Map<String, Object> head(ServedTreeHead h, LogKind kind) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tree_size", h.head().treeSize());
    m.put("timestamp", h.head().timestamp());
    m.put("sha256_root_hash", h.head().rootHash().base64());
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
