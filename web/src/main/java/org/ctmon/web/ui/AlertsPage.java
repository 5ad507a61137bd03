package org.ctmon.web.ui;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ctmon.store.Page;
import org.ctmon.store.issuance.IssuanceSummary;
import org.ctmon.store.watch.MatchView;
import org.ctmon.store.watch.Matches;
import org.ctmon.store.watch.Watchlist;
import org.ctmon.store.watch.Watchlists;

/**
 * {@code GET /alerts}: the account's matches, newest first, 50 a page; {@code ?watchlist=ID}
 * keeps one watch list's (another account's id is a 404).
 */
final class AlertsPage {
  static final int PAGE = 50;
  private final Matches matches;
  private final Watchlists lists;
  private final Templates templates;

  /** One match as a table row. */
  record AlertRow(String names, String moreNames, String verdict, String reasons, String issuer, String watchlist,
                  String when, String certLink) {}

  /** The page: rows, the filter, the link to older ones ("" when none). */
  record Model(List<AlertRow> alerts, String watchlistName, String older) {}

  AlertsPage(Matches matches, Watchlists lists, Templates templates) {
    this.matches = matches;
    this.lists = lists;
    this.templates = templates;
  }

  void show(Context ctx, Visitor v) {
    Map<Long, String> names = new HashMap<>();
    for (Watchlist w : lists.list(v.accountId())) {
      names.put(w.id(), w.spec().name());
    }
    Optional<Long> filter = Optional.empty();
    String raw = ctx.queryParam("watchlist");
    if (raw != null && !raw.isEmpty()) {
      if (!raw.matches("[0-9]{1,18}") || !names.containsKey(Long.parseLong(raw))) {
        NotFound.show(ctx, templates, v, "no such watch list");
        return;
      }
      filter = Optional.of(Long.parseLong(raw));
    }
    Page<MatchView> page;
    try {
      page = matches.list(v.accountId(), filter, Optional.empty(),
          Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty()), PAGE);
    } catch (IllegalArgumentException e) {
      NotFound.show(ctx, templates, v, "this page of alerts does not exist (bad cursor)");
      return;
    }
    List<AlertRow> rows = page.items().stream().map(m -> row(m, names)).toList();
    String prefix = "/alerts?" + filter.map(f -> "watchlist=" + f + "&").orElse("");
    String older = page.next().map(c -> prefix
        + "cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse("");
    templates.page(ctx, "alerts.jte", new org.ctmon.web.ui.Page("Alerts", org.ctmon.web.ui.Page.Section.ALERTS, v),
        new Model(rows, filter.map(names::get).orElse(""), older));
  }

  private static AlertRow row(MatchView m, Map<Long, String> names) {
    IssuanceSummary s = m.issuance();
    List<String> all = s.dnsNames().isEmpty() ? s.ipAddresses() : s.dnsNames();
    String shown = String.join(", ", all.subList(0, Math.min(3, all.size())));
    String more = all.size() > 3 ? "+" + (all.size() - 3) + " more" : "";
    return new AlertRow(shown, more, m.verdict().name().toLowerCase(Locale.ROOT), String.join("; ", m.reasons()),
        SearchPage.issuer(s), names.getOrDefault(m.watchlistId(), ""), Display.when(m.createdAt()),
        "/api/v1/certs/" + s.tbsSha256().hex());
  }
}
