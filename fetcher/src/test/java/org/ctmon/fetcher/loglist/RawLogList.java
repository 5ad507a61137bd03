package org.ctmon.fetcher.loglist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Independent facts about a raw log list, read with a plain Jackson tree walk and none of the
 * production parser, so tests compare the parser against the JSON rather than against itself.
 */
final class RawLogList {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One raw log entry and where it sits. */
  record Entry(String operator, boolean tiled, JsonNode node) {
    String text(String field) {
      JsonNode v = node.get(field);
      return v == null ? null : v.asText();
    }

    /** The single state key ("usable"), or null when there is no state. */
    String state() {
      JsonNode s = node.get("state");
      return s == null || s.size() == 0 ? null : s.fieldNames().next();
    }

    String logType() {
      String t = text("log_type");
      return t == null ? "prod" : t;
    }
  }

  final ObjectNode root;

  RawLogList(byte[] json) {
    try {
      root = (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RawLogList of(String list) {
    return new RawLogList(LogListCorpus.json(list));
  }

  int operatorCount() {
    return root.get("operators").size();
  }

  List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (JsonNode op : root.get("operators")) {
      for (String field : new String[] {"logs", "tiled_logs"}) {
        JsonNode logs = op.get(field);
        if (logs != null) {
          logs.forEach(l -> out.add(new Entry(op.get("name").asText(), field.equals("tiled_logs"), l)));
        }
      }
    }
    return out;
  }

  long count(Predicate<Entry> p) {
    return entries().stream().filter(p).count();
  }

  byte[] bytes() {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw entry (a mutable node) whose description is {@code description}. */
  ObjectNode entry(String description) {
    return (ObjectNode) entries().stream()
        .filter(e -> description.equals(e.text("description")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no log \"" + description + "\" in the raw list"))
        .node();
  }
}
