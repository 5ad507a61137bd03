package org.ctmon.fetcher.loglist;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ctmon.parser.Sha256;

/**
 * Turns the bytes of a Chrome v3 log list (or a v2 list, or Apple's list, which share its layout)
 * into a {@link LogList}.
 *
 * <p>Only a list that is not a list at all (not JSON, not an object, no {@code operators} array,
 * an unreadable {@code log_list_timestamp}) throws {@link UnableToParseLogListException}; every log
 * entry that cannot be used (missing field, bad base64, a log id that is not the key's hash, a
 * non-http URL, a duplicate id) becomes a {@link SkippedLog} whose reason names the entry's path,
 * description and operator. Unknown fields are ignored. Stateless and thread-safe.
 */
public final class LogListParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LogListParser() {}

  /**
   * Parses {@code json}; {@code source} names where it came from in messages and in
   * {@link LogList#source()}.
   *
   * @throws UnableToParseLogListException when the bytes are not a log list
   */
  public static LogList parse(byte[] json, String source) {
    JsonNode root = readTree(json, source);
    JsonNode operators = root.get("operators");
    if (operators == null || operators.isNull()) {
      throw fail(source, "no operators array");
    }
    if (!operators.isArray()) {
      throw fail(source, "operators is a " + operators.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an array");
    }
    Optional<LogListVersion> version = version(root.get("version"));
    Optional<Instant> timestamp;
    try {
      timestamp = root.hasNonNull("log_list_timestamp")
          ? Optional.of(LogEntryParser.time(root, "log_list_timestamp", "log_list_timestamp"))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      throw fail(source, e.getMessage());
    }

    List<LogOperator> ops = new ArrayList<>();
    List<SkippedLog> skipped = new ArrayList<>();
    Map<Sha256, CtLog> seen = new HashMap<>();
    for (int i = 0; i < operators.size(); i++) {
      JsonNode op = operators.get(i);
      String path = "operators[" + i + "]";
      Optional<String> name = op.isObject() ? nonBlankText(op.get("name")) : Optional.empty();
      if (name.isEmpty()) {
        skipped.add(new SkippedLog(path, "(all logs)", Optional.empty(),
            path + (op.isObject() ? " has no name" : " is not a json object") + ": its logs are skipped"));
        continue;
      }
      List<CtLog> logs = new ArrayList<>();
      readLogs(op, "logs", false, path, name.get(), logs, skipped, seen);
      readLogs(op, "tiled_logs", true, path, name.get(), logs, skipped, seen);
      ops.add(new LogOperator(name.get(), emails(op.get("email")), logs));
    }
    return new LogList(source, version, timestamp, ops, skipped);
  }

  private static void readLogs(JsonNode op, String field, boolean tiled, String opPath, String operator,
      List<CtLog> logs, List<SkippedLog> skipped, Map<Sha256, CtLog> seen) {
    JsonNode entries = op.get(field);
    String path = opPath + "." + field;
    if (entries == null || entries.isNull()) {
      return;
    }
    if (!entries.isArray()) {
      skipped.add(new SkippedLog(operator, "(all " + field + ")", Optional.empty(),
          path + " of operator \"" + operator + "\" is not an array"));
      return;
    }
    for (int j = 0; j < entries.size(); j++) {
      JsonNode n = entries.get(j);
      String description = n.isObject() ? nonBlankText(n.get("description")).orElse("(no description)")
          : "(no description)";
      String where = path + "[" + j + "] \"" + description + "\" of operator \"" + operator + "\": ";
      try {
        CtLog log = LogEntryParser.parse(n, operator, tiled);
        CtLog before = seen.putIfAbsent(log.logId(), log);
        if (before != null) {
          skipped.add(SkippedLog.of(log, where + "log id " + log.logId().base64()
              + " is already listed as \"" + before.description() + "\""));
        } else {
          logs.add(log);
        }
      } catch (IllegalArgumentException e) {
        Optional<Sha256> claimed = n.isObject() ? LogEntryParser.logId(n) : Optional.empty();
        skipped.add(new SkippedLog(operator, description, claimed, where + e.getMessage()));
      }
    }
  }

  private static JsonNode readTree(byte[] json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new UnableToParseLogListException(source, prefix(source) + "not json"
          + (at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr()), e);
    } catch (IOException e) {
      throw new UnableToParseLogListException(source, prefix(source) + "not json", e);
    }
    if (root == null || root.isMissingNode()) {
      throw fail(source, "empty");
    }
    if (!root.isObject()) {
      throw fail(source, "not a json object but a " + root.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return root;
  }

  private static Optional<LogListVersion> version(JsonNode v) {
    // Chrome and Apple write a string; accept a bare number too.
    if (v == null || !(v.isTextual() || v.isNumber()) || v.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new LogListVersion(v.asText()));
  }

  private static List<String> emails(JsonNode e) {
    List<String> out = new ArrayList<>();
    if (e != null && e.isArray()) {
      e.forEach(x -> nonBlankText(x).ifPresent(out::add));
    } else {
      nonBlankText(e).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<String> nonBlankText(JsonNode n) {
    return n != null && n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
  }

  private static String prefix(String source) {
    return "error parsing log list from " + source + ": ";
  }

  private static UnableToParseLogListException fail(String source, String what) {
    return new UnableToParseLogListException(source, prefix(source) + what);
  }
}
