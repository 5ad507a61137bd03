package org.ctmon.store.issuance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.store.KeysetPage;
import org.ctmon.store.NameKey;
import org.ctmon.store.Page;
import org.ctmon.store.SqlText;
import org.ctmon.store.Vendor;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Public search over stored issuances, newest first (first seen, then internal issuance id, descending),
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
  private final String namesSql;

  /** @param jdbi the store's Jdbi ({@link org.ctmon.store.Store#jdbi()}: it names the database vendor) */
  public IssuanceSearch(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.namesSql = namesSql(Vendor.of(jdbi));
  }

  // Each issuance's names. H2: one range of the row key (NameKey) per issuance, which H2 follows
  // from the joined row. PostgreSQL: its primary key (issuance_id, name_key); its planner cannot
  // estimate the range from a joined row and sometimes scanned every name (docs/benchmarks.md), so
  // it gets the plain IN.
  private static String namesSql(Vendor vendor) {
    return vendor == Vendor.H2
        ? "SELECT n.issuance_id, n.name FROM issuances i JOIN issuance_names n ON n.name_key >= i.id * "
            + NameKey.MAX_NAMES + " AND n.name_key < (i.id + 1) * " + NameKey.MAX_NAMES
            + " WHERE i.id IN (<keys>) ORDER BY n.name_key"
        : "SELECT issuance_id, name FROM issuance_names WHERE issuance_id IN (<keys>) ORDER BY issuance_id, name_key";
  }

  /**
   * One page of the issuances matching {@code query}.
   *
   * @param cursor the {@code next} of the previous page, or empty for the first page
   * @param limit page size, 1..{@link #MAX_LIMIT}
   * @throws IllegalArgumentException on a cursor that is not one of ours or a bad limit
   */
  public Page<IssuanceSummary> search(IssuanceQuery query, Optional<String> cursor, int limit) {
    Page<NumberedIssuance> page = searchNumbered(query, cursor, limit);
    return new Page<>(page.items().stream().map(NumberedIssuance::summary).toList(), page.next());
  }

  /**
   * As {@link #search}, each result with its store id (crt.sh's {@code id} needs a number).
   *
   * @throws IllegalArgumentException on a cursor that is not one of ours or a bad limit
   */
  public Page<NumberedIssuance> searchNumbered(IssuanceQuery query, Optional<String> cursor, int limit) {
    KeysetPage page = KeysetPage.of(cursor, limit, MAX_LIMIT);
    return jdbi.withHandle(h -> page.page(candidates(h, query, page), k -> k[1], k -> k[0],
        keys -> loadNumbered(h, keys.stream().map(k -> k[0]).toList())));
  }

  /** The issuance with this TBS hash and every entry of it, or empty. */
  public Optional<IssuanceDetail> byTbs(Sha256 tbs) {
    return jdbi.withHandle(h -> {
      Optional<Long> found = idByTbs(h, tbs);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      long id = found.get();
      Optional<Integer> der = h.createQuery("SELECT CASE WHEN der IS NULL THEN 0 WHEN der_precert THEN 2"
              + " ELSE 1 END FROM issuances WHERE id = :id")
          .bind("id", id)
          .mapTo(Integer.class)
          .findOne();
      List<IssuanceSummary> rows = load(h, List.of(id));
      if (der.isEmpty() || rows.isEmpty()) { // purged meanwhile
        return Optional.empty();
      }
      List<EntryRef> entries = entries(h, List.of(id)).getOrDefault(id, List.of());
      return Optional.of(new IssuanceDetail(rows.get(0), entries, der.get() != 0, der.get() == 2));
    });
  }

  /**
   * The issuances with these store ids ({@code matches.issuance_id}), in the given order; absent
   * ones are left out. One primary-key look-up each, whatever the store holds.
   */
  public List<IssuanceSummary> summariesOf(List<Long> issuanceIds) {
    if (issuanceIds.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(h -> load(h, issuanceIds));
  }

  /** Every log entry of each of these issuances (by store id), oldest first. */
  public Map<Long, List<EntryRef>> entriesOf(List<Long> issuanceIds) {
    if (issuanceIds.isEmpty()) {
      return new HashMap<>();
    }
    return jdbi.withHandle(h -> entries(h, issuanceIds));
  }

  /**
   * Store id of the issuance with this TBS hash. On H2 no index has the TBS hash alone first (its
   * unique key leads with notBefore, V6), so each partition's {@code (part, tbs_sha256)} index is
   * sought, like any other search key; PostgreSQL has one partition. (With {@code IN (...)} over
   * several hashes H2 would seek on part alone and scan each partition.)
   */
  private static Optional<Long> idByTbs(Handle h, Sha256 tbs) {
    Optional<long[]> parts = partitions(h);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return h.createQuery("SELECT x.id FROM generate_series(:partFrom, :partTo) AS p(part_no)"
            + " JOIN issuances x ON x.part = p.part_no WHERE x.tbs_sha256 = :tbs")
        .bind("partFrom", parts.get()[0])
        .bind("partTo", parts.get()[1])
        .bind("tbs", tbs.bytes())
        .mapTo(Long.class)
        .findFirst();
  }

  private static Map<Long, List<EntryRef>> entries(Handle h, List<Long> ids) {
    Map<Long, List<EntryRef>> out = new HashMap<>();
    h.createQuery("SELECT e.issuance_id, l.log_id, e.entry_index, e.entry_type, e.entry_timestamp"
            + " FROM log_entries e JOIN logs l ON l.id = e.log WHERE e.issuance_id IN (<ids>)"
            + " ORDER BY e.entry_timestamp, l.log_id, e.entry_index")
        .bindList("ids", InList.padded(ids))
        .map((rs, ctx) -> Map.entry(rs.getLong(1), new EntryRef(Sha256.wrap(rs.getBytes(2)), rs.getLong(3),
            EntryType.of(rs.getString(4)), rs.getLong(5))))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  /** The stored DER of the issuance (the final certificate's when both were seen), or empty. */
  public Optional<Der> der(Sha256 tbs) {
    return jdbi.withHandle(h -> {
      return idByTbs(h, tbs).flatMap(id -> h.createQuery("SELECT der FROM issuances WHERE id = :id AND der IS NOT NULL")
          .bind("id", id)
          .map((rs, ctx) -> Der.of(rs.getBytes(1)))
          .findOne());
    });
  }

  /** Up to {@code page.fetch()} {id, first_seen} pairs, newest first. */
  private static List<long[]> candidates(Handle h, IssuanceQuery q, KeysetPage page) {
    Optional<long[]> parts = partitions(h);
    if (parts.isEmpty()) {
      return List.of();
    }
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
    page.bind(binds);
    Optional<NameFilters> nameFilters = NameFilters.of(h.getJdbi());
    if (nameFilters.isEmpty()) {
      binds.put("partFrom", parts.get()[0]);
      binds.put("partTo", parts.get()[1]);
      List<String> everyPartition = Collections.nCopies(sql.branches().size(),
          "generate_series(:partFrom, :partTo)");
      return query(h, union(sql, everyPartition, filters, page), binds, page);
    }
    return newestPartitionsFirst(h, sql, nameFilters.get(), parts.get(), filters, binds, page);
  }

  /**
   * The candidates read a few partitions at a time, newest first, stopping once {@code n} are found
   * that no partition left can beat: its newest {@code first_seen} is older than the n-th found
   * (and its ids are smaller, which breaks a tie the same way). A page of a name with 10,000
   * issuances reads the newest partitions, not all. Partitions a branch's {@link NameFilter} rules
   * out are not read at all.
   */
  private static List<long[]> newestPartitionsFirst(Handle h, CandidateSql sql, NameFilters nameFilters, long[] range,
      CharSequence filters, Map<String, Object> binds, KeysetPage page) {
    int n = page.fetch();
    List<Set<Long>> perBranch = new ArrayList<>();
    TreeSet<Long> any = new TreeSet<>(Comparator.reverseOrder());
    for (CandidateSql.Branch branch : sql.branches()) {
      List<Long> maybe = nameFilters.partitions(range[0], range[1], branch.filter() == null ? f -> true : branch.filter());
      perBranch.add(new HashSet<>(maybe));
      any.addAll(maybe);
    }
    List<Long> order = new ArrayList<>(any);
    Map<Long, long[]> found = new HashMap<>();
    int chunk = 8;
    for (int from = 0; from < order.size(); from += chunk, chunk *= 2) {
      List<Long> window = order.subList(from, Math.min(order.size(), from + chunk));
      List<String> sources = new ArrayList<>();
      Map<String, Object> b = new HashMap<>(binds);
      for (int i = 0; i < perBranch.size(); i++) {
        Set<Long> mine = perBranch.get(i);
        Long[] in = window.stream().filter(mine::contains).toArray(Long[]::new);
        sources.add(in.length == 0 ? null : "UNNEST(CAST(:parts" + i + " AS BIGINT ARRAY))");
        if (in.length > 0) {
          b.put("parts" + i, in);
        }
      }
      for (long[] c : query(h, union(sql, sources, filters, page), b, page)) {
        found.putIfAbsent(c[0], c);
      }
      if (found.size() >= n) {
        List<long[]> best = sorted(found.values(), n);
        long nth = best.get(n - 1)[1];
        long newestLeft = Long.MIN_VALUE;
        for (int j = from + window.size(); j < order.size(); j++) {
          newestLeft = Math.max(newestLeft, nameFilters.newestFirstSeen(order.get(j)));
        }
        if (nth >= newestLeft) {
          return best;
        }
      }
    }
    return sorted(found.values(), n);
  }

  private static List<long[]> sorted(Collection<long[]> rows, int n) {
    List<long[]> all = new ArrayList<>(rows);
    all.sort((x, y) -> x[1] != y[1] ? Long.compare(y[1], x[1]) : Long.compare(y[0], x[0]));
    return all.size() > n ? new ArrayList<>(all.subList(0, n)) : all;
  }

  /**
   * The UNION of the branches, each over its partition source (a table of partition numbers);
   * a branch whose source is {@code null} is left out. Each partition is one index descent: the
   * partition numbers are the outer side of a join, so x.part = p.part_no is an index condition per
   * partition. (H2 cannot combine part IN (...) with a range on the next index column: it would
   * scan whole partitions.)
   */
  private static String union(CandidateSql sql, List<String> sources, CharSequence filters, KeysetPage page) {
    StringBuilder union = new StringBuilder();
    for (int i = 0; i < sql.branches().size(); i++) {
      CandidateSql.Branch branch = sql.branches().get(i);
      if (sources.get(i) == null) {
        continue;
      }
      if (union.length() > 0) {
        union.append(" UNION ");
      }
      String id = "x." + branch.idColumn();
      union.append("SELECT ").append(id).append(" AS iid, x.first_seen FROM ").append(sources.get(i))
          .append(" AS p(part_no) JOIN ").append(branch.table()).append(" x ON x.part = p.part_no WHERE ")
          .append(branch.condition()).append(filters).append(page.olderThanCursor("x.first_seen", id));
    }
    return union.toString();
  }

  private static List<long[]> query(Handle h, String union, Map<String, Object> binds, KeysetPage page) {
    if (union.isEmpty()) {
      return List.of();
    }
    String text = "SELECT DISTINCT iid, first_seen FROM (" + union + ") c" + page.newestFirst("first_seen", "iid");
    Map<String, Object> used = new HashMap<>();
    binds.forEach((k, v) -> {
      if (Pattern.compile(":" + k + "\\b").matcher(union).find()) {
        used.put(k, v);
      }
    });
    return h.createQuery(text).bindMap(used).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
  }

  /**
   * The first and last index partition holding issuances ({@link org.ctmon.store.IndexPartition}),
   * or empty when none is stored. Both ends come from the partitioned indexes' first column.
   */
  private static Optional<long[]> partitions(Handle h) {
    long[] range = h.createQuery("SELECT MIN(part), MAX(part) FROM issuances")
        .map((rs, ctx) -> rs.getObject(1) == null ? new long[0] : new long[] {rs.getLong(1), rs.getLong(2)})
        .one();
    return range.length == 0 ? Optional.empty() : Optional.of(range);
  }

  private List<IssuanceSummary> load(Handle h, List<Long> keys) {
    return loadNumbered(h, keys).stream().map(NumberedIssuance::summary).toList();
  }

  private List<NumberedIssuance> loadNumbered(Handle h, List<Long> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<Long> in = InList.padded(keys);
    Map<Long, List<String>> names = new HashMap<>();
    h.createQuery(namesSql)
        .bindList("keys", in)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), SqlText.decode(rs.getString(2))))
        .forEach(e -> names.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<Long, List<String>> ips = new HashMap<>();
    h.createQuery("SELECT issuance_id, ip FROM issuance_ips WHERE issuance_id IN (<keys>) ORDER BY issuance_id, ordinal")
        .bindList("keys", in)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), SqlText.decode(rs.getString(2))))
        .forEach(e -> ips.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<Long, IssuanceSummary> byKey = new HashMap<>();
    h.createQuery("SELECT id, tbs_sha256, subject_dn, issuer_dn, issuer_cn, issuer_o, serial, not_before, not_after,"
            + " spki_sha256, key_type, is_ca, precert_seen, final_seen, cert_sha256, precert_sha256, first_seen"
            + " FROM issuances WHERE id IN (<keys>)")
        .bindList("keys", in)
        .map((rs, ctx) -> Map.entry(rs.getLong("id"), summary(rs, names, ips)))
        .forEach(e -> byKey.put(e.getKey(), e.getValue()));
    List<NumberedIssuance> ordered = new ArrayList<>(keys.size());
    for (Long k : keys) {
      IssuanceSummary s = byKey.get(k);
      if (s != null) { // purged between the two reads
        ordered.add(new NumberedIssuance(k, s));
      }
    }
    return ordered;
  }

  private static IssuanceSummary summary(ResultSet rs, Map<Long, List<String>> names,
                                         Map<Long, List<String>> ips) throws SQLException {
    long id = rs.getLong("id");
    return new IssuanceSummary(Sha256.wrap(rs.getBytes("tbs_sha256")),
        names.getOrDefault(id, List.of()),
        ips.getOrDefault(id, List.of()),
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
