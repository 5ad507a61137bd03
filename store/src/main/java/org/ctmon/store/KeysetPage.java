package org.ctmon.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Which page of a newest-first listing to read: keyset paging on (time, id), written once for
 * every paged query. The query keeps the rows {@link #olderThanCursor older than the cursor},
 * orders them {@link #newestFirst newest first} and reads {@link #fetch()} of them, one more than
 * the page, so {@link #page} knows whether a next page exists without a count.
 *
 * @param after the last row of the previous page; empty for the first page
 * @param limit rows per page, at least 1
 */
public record KeysetPage(Optional<Cursor> after, int limit) {
  public KeysetPage {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, not " + limit);
    }
  }

  /**
   * The page after {@code cursor} (a previous page's {@code next}), of {@code limit} rows.
   *
   * @throws IllegalArgumentException when {@code limit} is not in 1..{@code maxLimit} or the
   *     cursor is not one of ours
   */
  public static KeysetPage of(Optional<String> cursor, int limit, int maxLimit) {
    if (limit < 1 || limit > maxLimit) {
      throw new IllegalArgumentException("limit must be 1.." + maxLimit + ", not " + limit);
    }
    return new KeysetPage(cursor.map(Cursor::decode), limit);
  }

  /**
   * The condition, starting with {@code AND}, that keeps the rows strictly older than the cursor,
   * with the parameters {@code :cTime} and {@code :cId} ({@link #bind}); empty for the first page.
   */
  public String olderThanCursor(String timeColumn, String idColumn) {
    return after.isEmpty() ? "" : " AND (" + timeColumn + " < :cTime OR (" + timeColumn + " = :cTime AND "
        + idColumn + " < :cId))";
  }

  /** Adds the cursor's parameters to {@code binds}; nothing for the first page. */
  public void bind(Map<String, Object> binds) {
    after.ifPresent(c -> {
      binds.put("cTime", c.time());
      binds.put("cId", c.id());
    });
  }

  /** {@code ORDER BY} newest first and {@code LIMIT} {@link #fetch()}. */
  public String newestFirst(String timeColumn, String idColumn) {
    return " ORDER BY " + timeColumn + " DESC, " + idColumn + " DESC LIMIT " + fetch();
  }

  /** How many rows the query reads: one more than the page, to tell whether another follows. */
  public int fetch() {
    return limit + 1;
  }

  /**
   * The page of {@code rows} (at most {@link #fetch()}, newest first): the first {@link #limit}
   * made {@code items}, and the cursor of the last of them when more rows were read.
   */
  public <R, T> Page<T> page(List<R> rows, ToLongFunction<R> time, ToLongFunction<R> id,
                             Function<List<R>, List<T>> items) {
    if (rows.size() <= limit) {
      return new Page<>(items.apply(rows), Optional.empty());
    }
    List<R> kept = rows.subList(0, limit);
    R last = kept.get(limit - 1);
    Cursor next = new Cursor(time.applyAsLong(last), id.applyAsLong(last));
    return new Page<>(items.apply(kept), Optional.of(next.encode()));
  }
}
