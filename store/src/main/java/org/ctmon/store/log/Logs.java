package org.ctmon.store.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.store.StoreException;
import org.ctmon.parser.treehead.TreeHead;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * The stored logs: registration from the log list, state for the followers and the API, tree-head
 * evidence and incidents. The position itself only moves through
 * {@link org.ctmon.store.ingest.Ingest#commit}. Thread safe.
 */
public final class Logs {
  private static final String COLUMNS = "log_id, public_key, description, operator, kind, url, monitoring_url,"
      + " list_state, mmd_seconds, next_index, compact_range, range_root, verified_size, verified_timestamp,"
      + " verified_root, status, last_error, updated_at";
  private final Jdbi jdbi;
  private final Clock clock;

  public Logs(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Adds the log, or updates what the log list says about it (description, URLs, state); the
   * position is never touched. Idempotent.
   */
  public void register(LogSpec spec) {
    long now = clock.millis();
    jdbi.useTransaction(h -> {
      int updated = h.createUpdate("UPDATE logs SET public_key = :key, description = :description,"
              + " operator = :operator, kind = :kind, url = :url, monitoring_url = :monitoringUrl,"
              + " list_state = :listState, mmd_seconds = :mmd, updated_at = :now WHERE log_id = :logId")
          .bindMap(bindings(spec, now))
          .execute();
      if (updated == 0) {
        h.createUpdate("INSERT INTO logs (log_id, public_key, description, operator, kind, url, monitoring_url,"
                + " list_state, mmd_seconds, updated_at) VALUES (:logId, :key, :description, :operator, :kind,"
                + " :url, :monitoringUrl, :listState, :mmd, :now) ON CONFLICT DO NOTHING")
            .bindMap(bindings(spec, now))
            .execute();
      }
    });
  }

  private static java.util.Map<String, Object> bindings(LogSpec spec, long now) {
    java.util.Map<String, Object> m = new java.util.HashMap<>();
    m.put("logId", spec.logId().bytes());
    m.put("key", spec.publicKey().bytes());
    m.put("description", spec.description());
    m.put("operator", spec.operator());
    m.put("kind", spec.kind().sqlName());
    m.put("url", spec.url());
    m.put("monitoringUrl", spec.monitoringUrl());
    m.put("listState", spec.listState());
    m.put("mmd", spec.mmdSeconds());
    m.put("now", now);
    return m;
  }

  /** The log's stored state, or empty when it is not registered. */
  public Optional<LogState> state(Sha256 logId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM logs WHERE log_id = :logId")
        .bind("logId", logId.bytes())
        .map((rs, ctx) -> state(rs))
        .findOne());
  }

  /** Every registered log, in registration order. */
  public List<LogState> all() {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM logs ORDER BY id")
        .map((rs, ctx) -> state(rs))
        .list());
  }

  /**
   * Turns following the log on or off (an administrator's choice, kept across restarts); its
   * position and evidence are untouched. Returns false when the log is not registered.
   */
  public boolean setEnabled(Sha256 logId, boolean enabled) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE logs SET enabled = :enabled, updated_at = :now"
            + " WHERE log_id = :logId")
        .bind("enabled", enabled)
        .bind("now", clock.millis())
        .bind("logId", logId.bytes())
        .execute()) == 1;
  }

  /** The logs an administrator turned off, whatever the log list says of them. */
  public java.util.Set<Sha256> disabled() {
    return jdbi.withHandle(h -> h.createQuery("SELECT log_id FROM logs WHERE NOT enabled")
        .map((rs, ctx) -> Sha256.wrap(rs.getBytes(1)))
        .collect(java.util.stream.Collectors.toSet()));
  }

  /** Sets the log's status and last error (null clears it). */
  public void setStatus(Sha256 logId, LogStatus status, String lastError) {
    updateStatus(logId, status, lastError, false);
  }

  /**
   * Sets the status and last error a follower reports, unless the log is stopped: only an operator
   * ({@link #setStatus}, {@code ctmon resume}) takes a log out of {@code stopped}. With several
   * ctmon processes on one database, one may stop a log for misbehaviour while another, which
   * loaded the log before, finishes a run and reports it ok.
   *
   * @return false when the log is stopped and kept its status
   */
  public boolean setStatusUnlessStopped(Sha256 logId, LogStatus status, String lastError) {
    return updateStatus(logId, status, lastError, true);
  }

  private boolean updateStatus(Sha256 logId, LogStatus status, String lastError, boolean unlessStopped) {
    int n = jdbi.withHandle(h -> {
      Update update = h.createUpdate("UPDATE logs SET status = :status, last_error = :error, updated_at = :now"
              + " WHERE log_id = :logId" + (unlessStopped ? " AND status <> :stopped" : ""))
          .bind("status", status.sqlName())
          .bind("error", lastError)
          .bind("now", clock.millis())
          .bind("logId", logId.bytes());
      if (unlessStopped) {
        update.bind("stopped", LogStatus.STOPPED.sqlName());
      }
      return update.execute();
    });
    if (n == 0) {
      jdbi.useHandle(h -> internalId(h, logId)); // throws when the log is not registered at all
    }
    return n > 0;
  }

  /**
   * Keeps a tree head as evidence and returns its id; the same head (size, timestamp, root) is
   * stored once and its first id returned.
   *
   * <p>A head already on record may be older than {@code retention.treeHeads} (a read-only log
   * serves one head for ever), so {@link org.ctmon.store.retention.TreeHeadPurge} can delete it
   * between this insert, which found it and did nothing, and the look-up of its id: then the head
   * is inserted again, as new.
   */
  public long recordTreeHead(Sha256 logId, ServedTreeHead head) {
    for (int attempt = 1; ; attempt++) {
      Optional<Long> id = jdbi.inTransaction(h -> {
        int log = internalId(h, logId);
        h.createUpdate("INSERT INTO tree_heads (log, tree_size, head_timestamp, root_hash, signature,"
                + " signature_valid, received_at) VALUES (:log, :size, :ts, :root, :sig, :valid, :received)"
                + " ON CONFLICT DO NOTHING")
            .bind("log", log)
            .bind("size", head.head().treeSize())
            .bind("ts", head.head().timestamp())
            .bind("root", head.head().rootHash().bytes())
            .bind("sig", head.signature().bytes())
            .bind("valid", head.signatureValid())
            .bind("received", head.receivedAtMs())
            .execute();
        return h.createQuery("SELECT id FROM tree_heads WHERE log = :log AND tree_size = :size"
                + " AND head_timestamp = :ts AND root_hash = :root")
            .bind("log", log)
            .bind("size", head.head().treeSize())
            .bind("ts", head.head().timestamp())
            .bind("root", head.head().rootHash().bytes())
            .mapTo(Long.class)
            .findOne();
      });
      if (id.isPresent()) {
        return id.get();
      }
      if (attempt == 3) {
        throw new StoreException("the tree head of size " + head.head().treeSize() + " of log " + logId.base64()
            + " was deleted three times between its insert and its look-up");
      }
    }
  }

  /**
   * The largest tree head on record for the log with a valid signature (the latest of that size),
   * if any is left after {@code retention.treeHeads}, leaving out every head received before the
   * log's last incident: an operator who resumed the log has judged the log as it was then. A follower that starts again checks a newer,
   * smaller head against it: any two validly signed heads that cannot both be true are evidence,
   * whichever the follower happened to verify.
   */
  public Optional<ServedTreeHead> largestSignedHead(Sha256 logId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT t.tree_size, t.head_timestamp, t.root_hash, t.signature,"
            + " t.received_at FROM tree_heads t WHERE t.log = :log AND t.signature_valid"
            + " AND t.received_at > (SELECT COALESCE(MAX(i.recorded_at), -1) FROM log_incidents i WHERE i.log = t.log)"
            + " ORDER BY t.tree_size DESC, t.head_timestamp DESC LIMIT 1")
        .bind("log", internalId(h, logId))
        .map((rs, ctx) -> new ServedTreeHead(new TreeHead(rs.getLong("tree_size"), rs.getLong("head_timestamp"),
            Sha256.wrap(rs.getBytes("root_hash"))), OpaqueBytes.of(rs.getBytes("signature")), true,
            rs.getLong("received_at")))
        .findOne());
  }

  /** Records misbehaviour with the ids of the tree heads that prove it (either may be null). */
  public long recordIncident(Sha256 logId, IncidentKind kind, String detail, Long headA, Long headB) {
    return jdbi.inTransaction(h -> h.createUpdate("INSERT INTO log_incidents (log, kind, detail, head_a, head_b,"
            + " recorded_at) VALUES (:log, :kind, :detail, :a, :b, :now)")
        .bind("log", internalId(h, logId))
        .bind("kind", kind.sqlName())
        .bind("detail", detail)
        .bind("a", headA)
        .bind("b", headB)
        .bind("now", clock.millis())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one());
  }

  /** Number of incidents recorded for the log. */
  public int incidentCount(Sha256 logId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_incidents WHERE log = :log")
        .bind("log", internalId(h, logId))
        .mapTo(Integer.class)
        .one());
  }

  private static int internalId(Handle h, Sha256 logId) {
    return h.createQuery("SELECT id FROM logs WHERE log_id = :logId")
        .bind("logId", logId.bytes())
        .mapTo(Integer.class)
        .findOne()
        .orElseThrow(() -> new StoreException("log " + logId.base64() + " is not registered"));
  }

  private static LogState state(ResultSet rs) throws SQLException {
    int mmd = rs.getInt("mmd_seconds");
    Integer mmdSeconds = rs.wasNull() ? null : mmd;
    LogSpec spec = new LogSpec(Sha256.wrap(rs.getBytes("log_id")), Der.of(rs.getBytes("public_key")),
        rs.getString("description"), rs.getString("operator"), LogKind.of(rs.getString("kind")),
        rs.getString("url"), rs.getString("monitoring_url"), rs.getString("list_state"), mmdSeconds);
    byte[] range = rs.getBytes("compact_range");
    byte[] root = rs.getBytes("range_root");
    long vsize = rs.getLong("verified_size");
    Optional<TreeHead> verified = rs.wasNull() ? Optional.empty()
        : Optional.of(new TreeHead(vsize, rs.getLong("verified_timestamp"),
            Sha256.wrap(rs.getBytes("verified_root"))));
    return new LogState(spec, rs.getLong("next_index"),
        Optional.ofNullable(range).map(OpaqueBytes::of), Optional.ofNullable(root).map(Sha256::wrap), verified,
        LogStatus.of(rs.getString("status")), Optional.ofNullable(rs.getString("last_error")), rs.getLong("updated_at"));
  }
}
