package org.ctmon.fetcher.loglist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ctmon.parser.Sha256;

/**
 * A parsed log list: its version and timestamp, the operators with every log that loaded, and every
 * log that did not with its reason.
 *
 * <p>Log ids are unique across the whole list. Immutable and thread-safe.
 *
 * @param source where the list came from, for messages ("file /etc/ctmon/list.json")
 * @param version {@code version}, absent in old v2 lists
 * @param timestamp {@code log_list_timestamp}, absent in v2 and Apple lists
 * @param operators operators in list order; an operator whose logs were all skipped is still here
 * @param skipped log entries that could not be used, with reasons
 */
public record LogList(
    String source,
    Optional<LogListVersion> version,
    Optional<Instant> timestamp,
    List<LogOperator> operators,
    List<SkippedLog> skipped) {

  public LogList {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(timestamp, "timestamp");
    operators = List.copyOf(operators);
    skipped = List.copyOf(skipped);
    Map<Sha256, CtLog> seen = new HashMap<>();
    for (LogOperator op : operators) {
      for (CtLog log : op.logs()) {
        CtLog before = seen.putIfAbsent(log.logId(), log);
        if (before != null) {
          throw new IllegalArgumentException("log id " + log.logId().base64() + " is listed twice: \""
              + before.description() + "\" and \"" + log.description() + "\"");
        }
      }
    }
  }

  /** Every loaded log, operator by operator, in list order. */
  public List<CtLog> logs() {
    List<CtLog> all = new ArrayList<>();
    for (LogOperator op : operators) {
      all.addAll(op.logs());
    }
    return all;
  }

  /** The log with this id, if the list has it. */
  public Optional<CtLog> log(Sha256 logId) {
    for (LogOperator op : operators) {
      for (CtLog log : op.logs()) {
        if (log.logId().equals(logId)) {
          return Optional.of(log);
        }
      }
    }
    return Optional.empty();
  }

  /** "version 89.25 (2026-08-20T13:34:57Z) from SOURCE", for messages. */
  public String describe() {
    return "log list " + version.map(v -> "version " + v + " ").orElse("")
        + timestamp.map(t -> "(" + t + ") ").orElse("") + "from " + source;
  }
}
