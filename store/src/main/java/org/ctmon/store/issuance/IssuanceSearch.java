package org.ctmon.store.issuance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Cursor;
import org.ctmon.store.Page;
import org.ctmon.store.SqlText;
import org.ctmon.store.ingest.EntryType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Public search over stored issuances, newest first (first seen, then TBS hash, descending),
 * in pages with an opaque keyset cursor: a row is never returned twice nor skipped across pages,
 * whatever is ingested meanwhile (new rows are newer than any cursor's position).
 *
 * <p>Two steps: the keys of one page come from one index (a name's reversed form, the issuer,
 * the key hash, the fingerprints, the serial), then the page's rows, names and IPs are read by
 * key. A name search with subdomains is one range scan of the reversed-name index, never
 * {@code LIKE '%...'}. Thread safe.
 */
public final class IssuanceSearch {
  /** Largest page a caller may ask for. */
  public static final int MAX_LIMIT = 1000;
  private final Jdbi jdbi;

  public IssuanceSearch(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * One page of the issuances matching {@code query}.
   *
   * @param cursor the {@code next} of the previous page, or empty for the first page
   * @param limit page size, 1..{@link #MAX_LIMIT}
   * @throws IllegalArgumentException on a cursor that is not one of ours or a bad limit
   */
  public Page<IssuanceSummary> search(IssuanceQuery query, Optional<String> cursor, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", not " + limit);
    }
    Optional<Cursor> after = cursor.map(Cursor::decode);
    return jdbi.withHandle(h -> {
      List<byte[]> keys = candidates(h, query, after, limit + 1);
      boolean more = keys.size() > limit;
      if (more) {
        keys = keys.subList(0, limit);
      }
      List<IssuanceSummary> rows = load(h, keys);
      Optional<String> next = Optional.empty();
      if (more) {
        IssuanceSummary last = rows.get(rows.size() - 1);
        next = Optional.of(new Cursor(last.firstSeen().toEpochMilli(), last.tbsSha256().bytes()).encode());
      }
      return new Page<>(rows, next);
    });
  }

  /** The issuance with this TBS hash and every entry of it, or empty. */
  public Optional<IssuanceDetail> byTbs(Sha256 tbs) {
    return jdbi.withHandle(h -> {
      List<IssuanceSummary> rows = load(h, List.of(tbs.bytes()));
      if (rows.isEmpty()) {
        return Optional.empty();
      }
      List<EntryRef> entries = h.createQuery("SELECT l.log_id, e.entry_index, e.entry_type, e.entry_timestamp"
              + " FROM log_entries e JOIN logs l ON l.id = e.log WHERE e.tbs_sha256 = :tbs"
              + " ORDER BY e.entry_timestamp, l.log_id, e.entry_index")
          .bind("tbs", tbs.bytes())
          .map((rs, ctx) -> new EntryRef(Sha256.wrap(rs.getBytes(1)), rs.getLong(2), EntryType.of(rs.getString(3)),
              rs.getLong(4)))
          .list();
      boolean[] der = h.createQuery("SELECT der IS NOT NULL, COALESCE(der_precert, FALSE) FROM issuances"
              + " WHERE tbs_sha256 = :tbs")
          .bind("tbs", tbs.bytes())
          .map((rs, ctx) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)})
          .one();
      return Optional.of(new IssuanceDetail(rows.get(0), entries, der[0], der[1]));
    });
  }

  /** The issuances with these TBS hashes, in the given order; absent ones are left out. */
  public List<IssuanceSummary> summaries(List<Sha256> tbs) {
    if (tbs.isEmpty()) {
      return List.of();
    }
    List<byte[]> keys = tbs.stream().map(Sha256::bytes).toList();
    return jdbi.withHandle(h -> load(h, keys));
  }

  /** Every log entry of each of these issuances, oldest first. */
  public Map<Sha256, List<EntryRef>> entries(List<Sha256> tbs) {
    Map<Sha256, List<EntryRef>> out = new HashMap<>();
    if (tbs.isEmpty()) {
      return out;
    }
    List<byte[]> keys = tbs.stream().map(Sha256::bytes).toList();
    jdbi.useHandle(h -> h.createQuery("SELECT e.tbs_sha256, l.log_id, e.entry_index, e.entry_type, e.entry_timestamp"
            + " FROM log_entries e JOIN logs l ON l.id = e.log WHERE e.tbs_sha256 IN (<keys>)"
            + " ORDER BY e.entry_timestamp, l.log_id, e.entry_index")
        .bindList("keys", keys)
        .map((rs, ctx) -> Map.entry(Sha256.wrap(rs.getBytes(1)), new EntryRef(Sha256.wrap(rs.getBytes(2)),
            rs.getLong(3), EntryType.of(rs.getString(4)), rs.getLong(5))))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue())));
    return out;
  }

  /** The stored DER of the issuance (the final certificate's when both were seen), or empty. */
  public Optional<Der> der(Sha256 tbs) {
    return jdbi.withHandle(h -> h.createQuery("SELECT der FROM issuances WHERE tbs_sha256 = :tbs AND der IS NOT NULL")
        .bind("tbs", tbs.bytes())
        .map((rs, ctx) -> Der.of(rs.getBytes(1)))
        .findOne());
  }

  private static List<byte[]> candidates(Handle h, IssuanceQuery q, Optional<Cursor> after, int n) {
    CandidateSql sql = CandidateSql.of(q.criterion());
    StringBuilder filters = new StringBuilder();
    Map<String, Object> binds = new HashMap<>(sql.binds());
    if (!q.includeExpired()) {
      filters.append(" AND x.not_after >= :now");
      binds.put("now", q.now().toEpochMilli());
    }
    q.seenFrom().ifPresent(t -> {
      filters.append(" AND x.first_seen >= :seenFrom");
      binds.put("seenFrom", t.toEpochMilli());
    });
    q.seenUntil().ifPresent(t -> {
      filters.append(" AND x.first_seen < :seenUntil");
      binds.put("seenUntil", t.toEpochMilli());
    });
    after.ifPresent(c -> {
      filters.append(" AND (x.first_seen < :cTime OR (x.first_seen = :cTime AND x.tbs_sha256 < :cTbs))");
      binds.put("cTime", c.time());
      binds.put("cTbs", c.tieBreaker());
    });
    StringBuilder union = new StringBuilder();
    for (String branch : sql.branches()) {
      if (union.length() > 0) {
        union.append(" UNION ");
      }
      union.append("SELECT x.tbs_sha256, x.first_seen FROM ").append(branch).append(filters);
    }
    String text = "SELECT DISTINCT tbs_sha256, first_seen FROM (" + union + ") c"
        + " ORDER BY first_seen DESC, tbs_sha256 DESC LIMIT " + n;
    return h.createQuery(text).bindMap(binds).map((rs, ctx) -> rs.getBytes(1)).list();
  }

  private static List<IssuanceSummary> load(Handle h, List<byte[]> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    Map<Sha256, List<String>> names = new HashMap<>();
    h.createQuery("SELECT tbs_sha256, name FROM issuance_names WHERE tbs_sha256 IN (<keys>) ORDER BY tbs_sha256, ordinal")
        .bindList("keys", keys)
        .map((rs, ctx) -> Map.entry(Sha256.wrap(rs.getBytes(1)), SqlText.decode(rs.getString(2))))
        .forEach(e -> names.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<Sha256, List<String>> ips = new HashMap<>();
    h.createQuery("SELECT tbs_sha256, ip FROM issuance_ips WHERE tbs_sha256 IN (<keys>) ORDER BY tbs_sha256, ordinal")
        .bindList("keys", keys)
        .map((rs, ctx) -> Map.entry(Sha256.wrap(rs.getBytes(1)), SqlText.decode(rs.getString(2))))
        .forEach(e -> ips.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<Sha256, IssuanceSummary> byKey = new LinkedHashMap<>();
    h.createQuery("SELECT tbs_sha256, subject_dn, issuer_dn, issuer_cn, issuer_o, serial, not_before, not_after,"
            + " spki_sha256, key_type, is_ca, precert_seen, final_seen, cert_sha256, precert_sha256, first_seen"
            + " FROM issuances WHERE tbs_sha256 IN (<keys>)")
        .bindList("keys", keys)
        .map((rs, ctx) -> summary(rs, names, ips))
        .forEach(s -> byKey.put(s.tbsSha256(), s));
    List<IssuanceSummary> ordered = new ArrayList<>(keys.size());
    for (byte[] k : keys) {
      IssuanceSummary s = byKey.get(Sha256.wrap(k));
      if (s != null) { // purged between the two reads
        ordered.add(s);
      }
    }
    return ordered;
  }

  private static IssuanceSummary summary(ResultSet rs, Map<Sha256, List<String>> names,
                                         Map<Sha256, List<String>> ips) throws SQLException {
    Sha256 tbs = Sha256.wrap(rs.getBytes("tbs_sha256"));
    return new IssuanceSummary(tbs,
        names.getOrDefault(tbs, List.of()),
        ips.getOrDefault(tbs, List.of()),
        SqlText.decode(rs.getString("subject_dn")),
        SqlText.decode(rs.getString("issuer_dn")),
        Optional.ofNullable(SqlText.decode(rs.getString("issuer_cn"))),
        Optional.ofNullable(SqlText.decode(rs.getString("issuer_o"))),
        SqlText.decode(rs.getString("serial")),
        Instant.ofEpochMilli(rs.getLong("not_before")),
        Instant.ofEpochMilli(rs.getLong("not_after")),
        Sha256.wrap(rs.getBytes("spki_sha256")),
        SqlText.decode(rs.getString("key_type")),
        rs.getBoolean("is_ca"),
        rs.getBoolean("precert_seen"),
        rs.getBoolean("final_seen"),
        Optional.ofNullable(rs.getBytes("cert_sha256")).map(Sha256::wrap),
        Optional.ofNullable(rs.getBytes("precert_sha256")).map(Sha256::wrap),
        Instant.ofEpochMilli(rs.getLong("first_seen")));
  }
}
