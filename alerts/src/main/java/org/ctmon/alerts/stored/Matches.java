package org.ctmon.alerts.stored;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.alerts.watch.MatchDelivery;
import org.ctmon.alerts.watch.MatchFilter;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.alerts.watch.Verdict;
import org.ctmon.parser.Sha256;
import org.ctmon.store.JsonStrings;
import org.ctmon.store.KeysetPage;
import org.ctmon.store.Page;
import org.ctmon.store.SqlText;
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
  /** The worst state of the alerts of the match's issuance to its account, as {@link MatchDelivery#word()}. */
  private static final String DELIVERY = "(CASE"
      + " WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.account_id = m.account_id AND o.tbs_sha256 = m.tbs_sha256"
      + " AND o.state = 'gave_up') THEN 'dead'"
      + " WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.account_id = m.account_id AND o.tbs_sha256 = m.tbs_sha256"
      + " AND o.state = 'pending') THEN 'pending'"
      + " WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.account_id = m.account_id AND o.tbs_sha256 = m.tbs_sha256)"
      + " THEN 'delivered' ELSE 'none' END)";
  private static final String COLUMNS = "m.id, m.watchlist_id, m.tbs_sha256, m.verdict, m.reasons, m.watch_items,"
      + " m.created_at, m.issuance_id, m.historical, m.acknowledged_at, " + DELIVERY + " AS delivery";
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
    return list(accountId, new MatchFilter(watchlistId, Optional.empty(), Optional.empty(), Optional.empty(), since),
        cursor, limit);
  }

  /**
   * One page of the account's matches that pass {@code filter}, newest first.
   *
   * @param cursor the previous page's {@code next}
   * @param limit 1..{@link #MAX_LIMIT}
   * @throws IllegalArgumentException for a bad limit or cursor
   */
  public Page<MatchView> list(long accountId, MatchFilter filter, Optional<String> cursor, int limit) {
    KeysetPage page = KeysetPage.of(cursor, limit, MAX_LIMIT);
    StringBuilder where = new StringBuilder("m.account_id = :account");
    Map<String, Object> binds = new HashMap<>();
    binds.put("account", accountId);
    filter.watchlistId().ifPresent(w -> {
      where.append(" AND m.watchlist_id = :watchlist");
      binds.put("watchlist", w);
    });
    filter.verdict().ifPresent(v -> {
      where.append(" AND m.verdict = :verdict");
      binds.put("verdict", v.sqlName());
    });
    filter.acknowledged().ifPresent(a -> where.append(a ? " AND m.acknowledged_at IS NOT NULL"
        : " AND m.acknowledged_at IS NULL"));
    filter.delivery().ifPresent(d -> {
      where.append(" AND ").append(DELIVERY).append(" = :delivery");
      binds.put("delivery", d.word());
    });
    filter.since().ifPresent(t -> {
      where.append(" AND m.created_at >= :since");
      binds.put("since", t.toEpochMilli());
    });
    where.append(page.olderThanCursor("m.created_at", "m.id"));
    page.bind(binds);
    List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM matches m WHERE " + where
            + page.newestFirst("m.created_at", "m.id"))
        .bindMap(binds)
        .map((rs, ctx) -> row(rs))
        .list());
    return page.page(rows, Row::createdAt, Row::id, this::views);
  }

  /**
   * Acknowledges the account's match (keeping the first time it was), or takes the acknowledgement
   * back; false when the account has no such match.
   *
   * @param at when, or empty to take it back
   */
  public boolean acknowledge(long accountId, long matchId, Optional<Instant> at) {
    return jdbi.withHandle(h -> h.createUpdate("UPDATE matches SET acknowledged_at = "
            + (at.isPresent() ? "COALESCE(acknowledged_at, :at)" : "NULL") + " WHERE id = :id AND account_id = :account")
        .bind("at", at.map(Instant::toEpochMilli).orElse(null))
        .bind("id", matchId)
        .bind("account", accountId)
        .execute()) == 1;
  }

  /** How many of the account's matches were stored at or after {@code since}. */
  public long countSince(long accountId, Instant since) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM matches WHERE account_id = :account"
            + " AND created_at >= :since")
        .bind("account", accountId)
        .bind("since", since.toEpochMilli())
        .mapTo(Long.class)
        .one());
  }

  /**
   * The issuances a watch list of the account matched, counted per issuer and UTC day of their
   * first log entry, from {@code since} on; empty for another account's list.
   */
  public List<IssuerDay> issuersPerDay(long accountId, long watchlistId, Instant since) {
    return jdbi.withHandle(h -> h.createQuery("SELECT i.issuer_o, i.issuer_cn, i.first_seen / 86400000 AS utc_day,"
            + " COUNT(*) FROM matches m JOIN issuances i ON i.id = m.issuance_id"
            + " WHERE m.account_id = :account AND m.watchlist_id = :watchlist AND i.first_seen >= :since"
            + " GROUP BY i.issuer_o, i.issuer_cn, i.first_seen / 86400000 ORDER BY utc_day")
        .bind("account", accountId)
        .bind("watchlist", watchlistId)
        .bind("since", since.toEpochMilli())
        .map((rs, ctx) -> new IssuerDay(Optional.ofNullable(rs.getString(1)).map(SqlText::decode),
            Optional.ofNullable(rs.getString(2)).map(SqlText::decode),
            Instant.ofEpochMilli(rs.getLong(3) * 86_400_000L), rs.getLong(4)))
        .list());
  }

  /**
   * How many matched issuances one issuer had on one day.
   *
   * @param issuerO the issuer's organization, if any
   * @param issuerCn the issuer's common name, if any
   * @param day the UTC day's start
   * @param count issuances first logged that day
   */
  public record IssuerDay(Optional<String> issuerO, Optional<String> issuerCn, Instant day, long count) {}

  /** The account's match with this id; empty when it is another account's or absent. */
  public Optional<MatchView> get(long accountId, long matchId) {
    List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM matches m WHERE m.account_id = :account AND m.id = :id")
        .bind("account", accountId)
        .bind("id", matchId)
        .map((rs, ctx) -> row(rs))
        .list());
    return views(rows).stream().findFirst();
  }

  /**
   * The account's matches of the issuance with this TBS hash, newest first: one per watch list of
   * the account that matched it (at most {@link #MAX_LIMIT}); empty when none did or when only other
   * accounts' lists did.
   */
  public List<MatchView> ofIssuance(long accountId, Sha256 tbs) {
    List<Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM matches m"
            + " WHERE m.tbs_sha256 = :tbs AND m.account_id = :account ORDER BY m.created_at DESC, m.id DESC LIMIT "
            + MAX_LIMIT)
        .bind("tbs", tbs.bytes())
        .bind("account", accountId)
        .map((rs, ctx) -> row(rs))
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
            Instant.ofEpochMilli(r.createdAt()), r.historical(),
            Optional.ofNullable(r.acknowledgedAt()).map(Instant::ofEpochMilli), MatchDelivery.of(r.delivery())));
      }
    }
    return out;
  }

  private static Row row(ResultSet rs) throws SQLException {
    long ack = rs.getLong(10);
    Long acknowledged = rs.wasNull() ? null : ack;
    return new Row(rs.getLong(1), rs.getLong(2), Sha256.wrap(rs.getBytes(3)), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9), acknowledged, rs.getString(11));
  }

  private record Row(long id, long watchlistId, Sha256 tbs, String verdict, String reasons, String items,
                     long createdAt, long issuanceId, boolean historical, Long acknowledgedAt, String delivery) {}
}
