package org.ctmon.alerts.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The generic webhook body of an outbox row, read for the renderings that are not that body
 * (email, Slack, Teams). Every string in it is certificate- or log-derived, so attacker-chosen:
 * renderers escape it for their medium. Missing fields read as empty, never fail: a payload
 * written by a newer ctmon still renders.
 *
 * @param type the event type's wire name
 * @param id the idempotency key
 * @param match the match, for certificate events
 * @param log the log, for log misbehaviour (pretty JSON)
 * @param message the message or evidence of non-certificate events (text, or pretty JSON)
 */
public record AlertPayload(String type, String id, Optional<Match> match, Optional<String> log, Optional<String> message) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A matched certificate, as in {@code GET /api/v1/matches}. */
  public record Match(String tbsSha256, List<String> dnsNames, List<String> ipAddresses, String issuer, String serial,
                      String notBefore, String notAfter, String verdict, List<String> reasons, List<String> watchItems,
                      String watchlistName, List<Entry> entries, String firstSeen, String url) {
    /** DNS names then IP addresses. */
    public List<String> names() {
      List<String> all = new ArrayList<>(dnsNames);
      all.addAll(ipAddresses);
      return all;
    }

    /** The first name, and how many more: {@code a.example and 2 more}. */
    public String shortNames() {
      List<String> all = names();
      if (all.isEmpty()) {
        return "(no names)";
      }
      return all.size() == 1 ? all.get(0) : all.get(0) + " and " + (all.size() - 1) + " more";
    }

    /** What was found, in lower case: {@code unexpected certificate for a.example and 2 more}. */
    public String headline() {
      String what = switch (verdict) {
        case "unexpected" -> "unexpected certificate";
        case "lookalike" -> "lookalike certificate";
        default -> "certificate";
      };
      return what + " for " + shortNames();
    }
  }

  /** One log entry of the certificate. */
  public record Entry(String log, long index, String entryType) {}

  /** Reads a stored payload; text that is not a JSON object reads as a message. */
  public static AlertPayload parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return new AlertPayload("", "", Optional.empty(), Optional.empty(), Optional.of(json));
    }
    if (root == null || !root.isObject()) {
      return new AlertPayload("", "", Optional.empty(), Optional.empty(), Optional.of(json));
    }
    JsonNode m = root.path("match");
    Optional<Match> match = m.isObject() ? Optional.of(match(m)) : Optional.empty();
    Optional<String> log = root.has("log") ? Optional.of(pretty(root.get("log"))) : Optional.empty();
    JsonNode msg = root.has("message") ? root.get("message") : root.get("evidence");
    Optional<String> message = msg == null ? Optional.empty()
        : Optional.of(msg.isTextual() ? msg.asText() : pretty(msg));
    return new AlertPayload(root.path("type").asText(""), root.path("id").asText(""), match, log, message);
  }

  /** What a log alert is about: its description, URL or id, whichever it has. */
  public String logName() {
    if (log.isEmpty()) {
      return "a log";
    }
    try {
      JsonNode l = JSON.readTree(log.get());
      for (String f : List.of("description", "url", "log_id", "id")) {
        if (l.path(f).isTextual()) {
          return l.get(f).asText();
        }
      }
    } catch (JsonProcessingException e) {
      // fall through
    }
    return "a log";
  }

  private static Match match(JsonNode m) {
    List<Entry> entries = new ArrayList<>();
    for (JsonNode e : m.path("entries")) {
      entries.add(new Entry(e.path("log").asText(""), e.path("index").asLong(-1), e.path("entry_type").asText("")));
    }
    return new Match(m.path("tbs_sha256").asText(""), strings(m.path("dns_names")), strings(m.path("ip_addresses")),
        m.path("issuer").asText(""), m.path("serial").asText(""), m.path("not_before").asText(""),
        m.path("not_after").asText(""), m.path("verdict").asText(""), strings(m.path("reasons")),
        strings(m.path("watch_items")), m.path("watchlist").path("name").asText(""), entries,
        m.path("first_seen").asText(""), m.path("url").asText(""));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(n.asText());
    }
    return List.copyOf(out);
  }

  private static String pretty(JsonNode n) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      return n.toString();
    }
  }
}
