package org.ctmon.testlog.loglist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.log.TestLog;

/**
 * Writes a Chrome v3 log list for test logs: one operator, RFC 6962 logs under {@code logs[]} with
 * {@code url}, static-ct-api logs under {@code tiled_logs[]} with {@code submission_url} and {@code
 * monitoring_url} (the same prefix), each with base64 {@code key}, {@code log_id}, {@code mmd} (86400
 * for RFC 6962, 60 for tiled, as in Chrome's list), {@code state: usable} and a {@code
 * temporal_interval} wide enough for every generated certificate (2020 to 2050).
 */
public final class LogListJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INTERVAL_START = "2020-01-01T00:00:00Z";
  private static final String INTERVAL_END = "2050-01-01T00:00:00Z";

  private LogListJson() {}

  /** One listed log: the log and its URL prefix (ending with {@code /}). */
  public record Listed(TestLog log, String prefix) {
    public Listed {
      if (!prefix.endsWith("/")) {
        throw new IllegalArgumentException("log prefix " + prefix + " does not end with /");
      }
    }
  }

  /** The list JSON; {@code timestamp} is the list's and every log's state timestamp. */
  public static String of(List<Listed> logs, Instant timestamp) {
    String ts = timestamp.truncatedTo(ChronoUnit.SECONDS).toString();
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0.0-ctmon-testlog");
    root.put("log_list_timestamp", ts);
    ArrayNode operators = root.putArray("operators");
    ObjectNode op = operators.addObject();
    op.put("name", "ctmon test logs");
    op.putArray("email").add("testlog@ctmon.invalid");
    ArrayNode rfc = op.putArray("logs");
    ArrayNode tiled = op.putArray("tiled_logs");
    for (Listed l : logs) {
      TestLog log = l.log();
      boolean isStatic = log.protocol() == LogProtocol.STATIC;
      ObjectNode o = isStatic ? tiled.addObject() : rfc.addObject();
      o.put("description", "ctmon test log " + log.name() + (isStatic ? " (static-ct-api)" : " (rfc 6962)"));
      o.put("log_id", log.logKey().logId().base64());
      o.put("key", log.logKey().spki().base64());
      if (isStatic) {
        o.put("submission_url", l.prefix());
        o.put("monitoring_url", l.prefix());
      } else {
        o.put("url", l.prefix());
      }
      o.put("mmd", isStatic ? 60 : 86400);
      o.putObject("state").putObject("usable").put("timestamp", ts);
      ObjectNode interval = o.putObject("temporal_interval");
      interval.put("start_inclusive", INTERVAL_START);
      interval.put("end_exclusive", INTERVAL_END);
    }
    return root.toPrettyString();
  }
}
