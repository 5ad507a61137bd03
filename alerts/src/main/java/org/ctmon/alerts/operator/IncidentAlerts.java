package org.ctmon.alerts.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ctmon.alerts.outbox.EventType;
import org.ctmon.store.log.LogIncident;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.ServedTreeHead;

/**
 * Turns recorded log incidents into {@code log.misbehaviour} alerts for the admins: one per
 * incident per admin channel, carrying both tree heads as the log signed them, so the admin can
 * forward the alert to the log's operator and the root programs as it is. The follower records
 * incidents in the store and knows nothing of alerts; this closes the gap by polling.
 *
 * <p>Idempotent: the key is derived from the incident, the account and the channel, so calling
 * {@link #enqueueNew} every few seconds, on several nodes, or after a restart writes each alert
 * once. Only incidents of the last {@link #WINDOW} are considered: an admin channel added today
 * hears of this week's incidents, not of a year of them. Thread safe.
 */
public final class IncidentAlerts {
  /** Incidents recorded longer ago than this are not alerted. */
  public static final Duration WINDOW = Duration.ofDays(7);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LogIncidents incidents;
  private final AdminChannels channels;
  // Keys known to be in the outbox: saves an INSERT per incident and channel on every run.
  private Set<String> written = new HashSet<>();

  public IncidentAlerts(LogIncidents incidents, AdminChannels channels) {
    this.incidents = incidents;
    this.channels = channels;
  }

  /**
   * Enqueues the alerts not yet written for incidents recorded since {@code now} minus
   * {@link #WINDOW}; returns how many outbox rows were added.
   */
  public synchronized int enqueueNew(Instant now) {
    long since = now.minus(WINDOW).toEpochMilli();
    List<LogIncident> recent = incidents.recent(Optional.empty(), LogIncidents.MAX_LIMIT).stream()
        .filter(i -> i.recordedAtMs() >= since).toList();
    if (recent.isEmpty()) {
      written = new HashSet<>();
      return 0;
    }
    List<AdminChannels.Channel> all = channels.channels();
    Set<String> stillWritten = new HashSet<>();
    int added = 0;
    for (LogIncident i : recent) {
      String base = "log-incident-" + i.id();
      List<AdminChannels.Channel> todo = all.stream()
          .filter(c -> !written.contains(AdminChannels.key(base, c))).toList();
      added += channels.enqueue(todo, base, EventType.LOG_MISBEHAVIOUR, key -> payload(i, key));
      all.forEach(c -> stillWritten.add(AdminChannels.key(base, c)));
    }
    written = stillWritten; // forgets incidents that left the window
    return added;
  }

  /** The generic webhook body of the alert for {@code incident} under {@code key}. */
  static String payload(LogIncident incident, String key) {
    ObjectNode root = JSON.createObjectNode();
    root.put("type", EventType.LOG_MISBEHAVIOUR.wireName());
    root.put("id", key);
    root.putObject("log")
        .put("id", incident.logId().base64())
        .put("description", incident.logDescription())
        .put("kind", incident.logKind().sqlName());
    String recordedAt = Instant.ofEpochMilli(incident.recordedAtMs()).toString();
    root.putObject("incident")
        .put("id", incident.id())
        .put("kind", incident.kind().sqlName())
        .put("detail", incident.detail())
        .put("recorded_at", recordedAt);
    ObjectNode evidence = root.putObject("evidence");
    head(evidence, "head_a", incident.headA(), incident.logKind());
    head(evidence, "head_b", incident.headB(), incident.logKind());
    // What email, Slack and Teams show (they render "message"); receivers of ctmon's JSON read the fields.
    StringBuilder m = new StringBuilder();
    m.append(incident.kind().sqlName()).append(": ").append(incident.detail()).append('\n');
    m.append("log: ").append(incident.logDescription()).append(" (").append(incident.logId().base64()).append(")\n");
    m.append("recorded at: ").append(recordedAt).append('\n');
    m.append("head A: ").append(describe(incident.headA(), incident.logKind())).append('\n');
    m.append("head B: ").append(describe(incident.headB(), incident.logKind()));
    root.put("message", m.toString());
    return root.toString();
  }

  /**
   * A head in the fields a log serves it with: {@code get-sth}'s names for RFC 6962 logs (so the
   * object is a get-sth response), the whole signed note for static-ct-api checkpoints.
   */
  private static void head(ObjectNode parent, String name, Optional<ServedTreeHead> head, LogKind kind) {
    if (head.isEmpty()) {
      parent.putNull(name);
      return;
    }
    ServedTreeHead h = head.get();
    ObjectNode o = parent.putObject(name);
    o.put("tree_size", h.head().treeSize());
    o.put("timestamp", h.head().timestamp());
    o.put("sha256_root_hash", h.head().rootHash().base64());
    Optional<String> note = kind == LogKind.STATIC ? text(h.signature().bytes()) : Optional.empty();
    if (note.isPresent()) {
      o.put("signed_note", note.get());
    } else {
      o.put("tree_head_signature", h.signature().base64());
    }
    o.put("signature_valid", h.signatureValid());
    o.put("received_at", Instant.ofEpochMilli(h.receivedAtMs()).toString());
  }

  private static String describe(Optional<ServedTreeHead> head, LogKind kind) {
    if (head.isEmpty()) {
      return "(none)";
    }
    ServedTreeHead h = head.get();
    String sig = kind == LogKind.STATIC && text(h.signature().bytes()).isPresent()
        ? "signed note " + text(h.signature().bytes()).get().strip().replace("\n", " | ")
        : "signature " + (h.signature().isEmpty() ? "(not kept)" : h.signature().base64());
    return "tree size " + h.head().treeSize() + ", timestamp " + h.head().timestamp() + " ("
        + Instant.ofEpochMilli(h.head().timestamp()) + "), root " + h.head().rootHash().base64() + ", " + sig
        + (h.signatureValid() ? "" : " (does not verify)");
  }

  private static Optional<String> text(byte[] b) {
    if (b.length == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
