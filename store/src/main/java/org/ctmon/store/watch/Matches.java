package org.ctmon.store.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Cursor;
import org.ctmon.store.JsonStrings;
import org.ctmon.store.Page;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.issuance.IssuanceSummary;
import org.jdbi.v3.core.Jdbi;

/**
 * The matches of an account's watch lists, newest first with a keyset cursor. Matches are
 * written by {@link org.ctmon.store.ingest.Ingest}; this class only reads. Every query is
 * limited to the caller's account. Thread safe.
 */
public final class Matches {
  /** Largest page a caller may ask for. */
  public static final int MAX_LIMIT = 500;
  private final Jdbi jdbi;
  private final IssuanceSearch issuances;

  public Matches(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.issuances = new IssuanceSearch(jdbi);
  }

  /**
   * One page of the account's matches, newest first.
   *
   * @param watchlistId only this watch list's (of the account), or all of the account's
   * @param since only matches stored at or after this time
   * @param cursor the previous page's {@code next}
   * @param limit 1..{@link #MAX_LIMIT}
   */
  public Page<MatchView> list(long accountId, Optional<Long> watchlistId, Optional<Instant> since,
                              Optional<String> cursor, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", not " + limit);
    }
    StringBuilder where = new StringBuilder("m.account_id = :account");
    Map<String, Object> binds = new HashMap<>();
    binds.put("account", accountId);
    watchlistId.ifPresent(w -> {
      where.append(" AND m.watchlist_id = :watchlist");
      binds.put("watchlist", w);
    });
    since.ifPresent(t -> {
      where.append(" AND m.created_at >= :since");
      binds.put("since", t.toEpochMilli());
    });
    cursor.map(Cursor::decode).ifPresent(c -> {
      where.append(" AND (m.created_at < :cTime OR (m.created_at = :cTime AND m.id < :cId))");
      binds.put("cTime", c.time());
      binds.put("cId", c.id());
    });
    List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT m.id, m.watchlist_id, m.tbs_sha256, m.verdict,"
            + " m.reasons, m.watch_items, m.created_at, m.issuance_id, m.historical FROM matches m WHERE " + where
            + " ORDER BY m.created_at DESC, m.id DESC LIMIT " + (limit + 1))
        .bindMap(binds)
        .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), Sha256.wrap(rs.getBytes(3)), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9)))
        .list());
    boolean more = rows.size() > limit;
    if (more) {
      rows = rows.subList(0, limit);
    }
    List<MatchView> views = views(rows);
    Optional<String> next = Optional.empty();
    if (more) {
      Row last = rows.get(rows.size() - 1);
      next = Optional.of(new Cursor(last.createdAt(), last.id()).encode());
    }
    return new Page<>(views, next);
  }

  /** The account's match with this id; empty when it is another account's or absent. */
  public Optional<MatchView> get(long accountId, long matchId) {
    List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT m.id, m.watchlist_id, m.tbs_sha256, m.verdict,"
            + " m.reasons, m.watch_items, m.created_at, m.issuance_id, m.historical FROM matches m WHERE m.account_id = :account AND m.id = :id")
        .bind("account", accountId)
        .bind("id", matchId)
        .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), Sha256.wrap(rs.getBytes(3)), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9)))
        .list());
    return views(rows).stream().findFirst();
  }

  /**
   * The account's matches of the issuance with this TBS hash, newest first: one per watch list of
   * the account that matched it (at most {@link #MAX_LIMIT}); empty when none did or when only other
   * accounts' lists did.
   */
  public List<MatchView> ofIssuance(long accountId, Sha256 tbs) {
    List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT m.id, m.watchlist_id, m.tbs_sha256, m.verdict,"
            + " m.reasons, m.watch_items, m.created_at, m.issuance_id, m.historical FROM matches m"
            + " WHERE m.tbs_sha256 = :tbs AND m.account_id = :account ORDER BY m.created_at DESC, m.id DESC LIMIT "
            + MAX_LIMIT)
        .bind("tbs", tbs.bytes())
        .bind("account", accountId)
        .map((rs, ctx) -> new Row(rs.getLong(1), rs.getLong(2), Sha256.wrap(rs.getBytes(3)), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9)))
        .list());
    return views(rows);
  }

  // Issuances by store id: one primary-key look-up each (on H2 no index has the TBS hash first).
  private List<MatchView> views(List<Row> rows) {
    List<Long> ids = rows.stream().map(Row::issuanceId).distinct().toList();
    Map<Sha256, IssuanceSummary> byTbs = new HashMap<>();
    for (IssuanceSummary s : issuances.summariesOf(ids)) {
      byTbs.put(s.tbsSha256(), s);
    }
    var entries = issuances.entriesOf(ids);
    List<MatchView> out = new ArrayList<>();
    for (Row r : rows) {
      IssuanceSummary s = byTbs.get(r.tbs());
      if (s != null) {
        out.add(new MatchView(r.id(), r.watchlistId(), s, Verdict.of(r.verdict()), JsonStrings.decode(r.reasons()),
            JsonStrings.decode(r.items()), entries.getOrDefault(r.issuanceId(), List.of()),
            Instant.ofEpochMilli(r.createdAt()), r.historical()));
      }
    }
    return out;
  }

  private record Row(long id, long watchlistId, Sha256 tbs, String verdict, String reasons, String items,
                     long createdAt, long issuanceId, boolean historical) {}
}
