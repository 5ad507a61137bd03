package org.ctmon.web.crtsh;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ctmon.store.Page;
import org.ctmon.store.issuance.IssuanceQuery;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.issuance.NumberedIssuance;
import org.ctmon.web.api.HomePage;
import org.ctmon.web.api.RecentAnswers;

/**
 * crt.sh-compatible search: {@code GET /json?q=} and {@code GET /?q=&output=json} answer a JSON
 * array of crt.sh rows ({@link CrtShRow}), newest first, one row per issuance (a precertificate
 * and its certificate are one issuance in ctmon, so {@code deduplicate=Y} changes nothing).
 *
 * <p>At most {@link #RESULT_CAP} rows; every answer says so in {@code X-Result-Cap} and whether
 * rows were left out in {@code X-Results-Truncated} (crt.sh truncates silently). Public CT data:
 * no account needed; {@code Access-Control-Allow-Origin: *} as crt.sh sends. Thread safe.
 */
public final class CrtShJson {
  /** Most rows one answer holds: crt.sh's identity-search limit. */
  public static final int RESULT_CAP = 10_000;
  /** Stored issuances read at most per answer, matching or not (bounds a search's cost). */
  static final int EXAMINED_CAP = 4 * RESULT_CAP;

  private final IssuanceSearch search;
  private final Clock clock;
  private final int cap;
  private final RecentAnswers answers = new RecentAnswers();

  public CrtShJson(IssuanceSearch search, Clock clock) {
    this(search, clock, RESULT_CAP);
  }

  CrtShJson(IssuanceSearch search, Clock clock, int cap) {
    this.search = search;
    this.clock = clock;
    this.cap = cap;
  }

  /** Registers {@code /json} and {@code /} (the home page, which hands crt.sh-style requests here). */
  public void register(RoutesConfig routes) {
    routes.get("/json", this::answer);
    HomePage.register(routes, this::answer);
  }

  /** As {@link #register(RoutesConfig)}, with {@code home} (the web UI's) for {@code /} without a crt.sh query. */
  public void register(RoutesConfig routes, io.javalin.http.Handler home) {
    routes.get("/json", this::answer);
    HomePage.register(routes, this::answer, home);
  }

  private void answer(Context ctx) {
    ctx.header("Access-Control-Allow-Origin", "*");
    CrtShQuery q;
    try {
      q = CrtShQuery.parse(ctx.queryParamMap());
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage()));
      return;
    }
    answers.send(ctx, new Supplier<>() {
      @Override
      public RecentAnswers.Answer get() {
        IssuanceQuery query = IssuanceQuery.of(q.criterion(), clock.instant()); // "expired" as of each search
        return rows(q.excludeExpired() ? query.unexpiredOnly() : query, q, this);
      }
    });
  }

  /** Up to the cap of rows, newest first, with the headers saying the cap and whether rows were left out. */
  private RecentAnswers.Answer rows(IssuanceQuery query, CrtShQuery q, Supplier<RecentAnswers.Answer> again) {
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean truncated = false;
    int examined = 0;
    Optional<String> cursor = Optional.empty();
    pages:
    while (true) {
      Page<NumberedIssuance> page = search.searchNumbered(query, cursor, IssuanceSearch.MAX_LIMIT);
      for (NumberedIssuance n : page.items()) {
        examined++;
        Optional<Map<String, Object>> row = CrtShRow.of(n, q);
        if (row.isPresent()) {
          if (rows.size() == cap) {
            truncated = true;
            break pages;
          }
          rows.add(row.get());
        }
      }
      cursor = page.next();
      if (cursor.isEmpty()) {
        break;
      }
      if (examined >= EXAMINED_CAP) {
        truncated = true;
        break;
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Result-Cap", Integer.toString(cap));
    headers.put("X-Results-Truncated", Boolean.toString(truncated));
    return new RecentAnswers.Answer(RecentAnswers.json(rows), headers, again);
  }
}
