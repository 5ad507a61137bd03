package org.ctmon.store.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.TreeHead;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads the incidents recorded against logs, newest first, each with the tree heads that are its
 * evidence. Incidents are about public logs, so they belong to no account.
 */
public final class LogIncidents {
  /** At most this many incidents in one answer. */
  public static final int MAX_LIMIT = 1000;

  private static final String HEAD_COLUMNS = "%1$s.tree_size AS %1$s_size, %1$s.head_timestamp AS %1$s_ts,"
      + " %1$s.root_hash AS %1$s_root, %1$s.signature AS %1$s_sig, %1$s.signature_valid AS %1$s_valid,"
      + " %1$s.received_at AS %1$s_received";

  private final Jdbi jdbi;

  public LogIncidents(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The newest {@code limit} incidents (1 to {@link #MAX_LIMIT}), of one log or of all. */
  public List<LogIncident> recent(Optional<Sha256> log, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
    }
    String sql = "SELECT i.id, l.log_id, l.description, l.kind AS log_kind, i.kind, i.detail, i.recorded_at, "
        + String.format(HEAD_COLUMNS, "a") + ", " + String.format(HEAD_COLUMNS, "b")
        + " FROM log_incidents i JOIN logs l ON l.id = i.log"
        + " LEFT JOIN tree_heads a ON a.id = i.head_a LEFT JOIN tree_heads b ON b.id = i.head_b"
        + (log.isPresent() ? " WHERE l.log_id = :logId" : "")
        + " ORDER BY i.recorded_at DESC, i.id DESC LIMIT " + limit;
    return jdbi.withHandle(h -> {
      Query q = h.createQuery(sql);
      log.ifPresent(id -> q.bind("logId", id.bytes()));
      return q.map((rs, ctx) -> new LogIncident(rs.getLong("id"), Sha256.wrap(rs.getBytes("log_id")),
          rs.getString("description"), LogKind.of(rs.getString("log_kind")),
          IncidentKind.of(rs.getString("kind")), rs.getString("detail"), rs.getLong("recorded_at"),
          head(rs, "a"), head(rs, "b"))).list();
    });
  }

  /** How many incidents are on record, all logs together. */
  public long count() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM log_incidents").mapTo(Long.class).one());
  }

  /** How many incidents each log has on record; logs without any are absent. */
  public java.util.Map<Sha256, Integer> countsByLog() {
    return jdbi.withHandle(h -> h.createQuery("SELECT l.log_id, COUNT(*) AS n FROM log_incidents i"
            + " JOIN logs l ON l.id = i.log GROUP BY l.log_id")
        .reduceRows(new java.util.HashMap<Sha256, Integer>(), (m, row) -> {
          m.put(Sha256.wrap(row.getColumn("log_id", byte[].class)), row.getColumn("n", Integer.class));
          return m;
        }));
  }

  private static Optional<ServedTreeHead> head(ResultSet rs, String alias) throws SQLException {
    byte[] root = rs.getBytes(alias + "_root");
    if (root == null) {
      return Optional.empty();
    }
    return Optional.of(new ServedTreeHead(new TreeHead(rs.getLong(alias + "_size"), rs.getLong(alias + "_ts"),
        Sha256.wrap(root)),
        OpaqueBytes.of(rs.getBytes(alias + "_sig")), rs.getBoolean(alias + "_valid"), rs.getLong(alias + "_received")));
  }
}
