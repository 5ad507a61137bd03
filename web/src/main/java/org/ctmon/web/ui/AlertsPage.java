package org.ctmon.web.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.MatchFilter;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.store.Page;
import org.ctmon.store.issuance.IssuanceSummary;
import org.ctmon.web.api.MatchQuery;

/**
 * {@code GET /alerts}: the account's matches, newest first, 50 a page, filtered by
 * {@code watchlist} (another account's id is a 404), {@code verdict}, {@code delivery} and
 * {@code acknowledged} as {@code GET /api/v1/matches} reads them (a bad value is a 400 that says
 * which). Each row links to its detail ({@link AlertPage}) and carries an acknowledge button.
 */
final class AlertsPage {
  static final int PAGE = 50;
  private final Matches matches;
  private final Watchlists lists;
  private final Templates templates;

  /** One match as a table row. */
  record AlertRow(long id, String names, String moreNames, String verdict, String reasons, String issuer,
                  String watchlist, String when, String delivery, boolean acknowledged, String acknowledgedAt) {
    String link() {
      return "/alerts/" + id;
    }
  }

  /** A choice of a filter's select: its value, label, and whether it is the current one. */
  record Option(String value, String label, boolean selected) {}

  /** The filter form: each select's options, and whether any filter is on. */
  record Filters(List<Option> watchlists, List<Option> verdicts, List<Option> deliveries, List<Option> acks,
                 boolean any) {}

  /** The page: rows, the filters, the link to older ones ("" when none), this page's own address. */
  record Model(List<AlertRow> alerts, String watchlistName, Filters filters, String older, String self,
               String error) {}

  AlertsPage(Matches matches, Watchlists lists, Templates templates) {
    this.matches = matches;
    this.lists = lists;
    this.templates = templates;
  }

  void show(Context ctx, Visitor v) {
    Map<Long, String> names = new LinkedHashMap<>();
    for (Watchlist w : lists.list(v.accountId())) {
      names.put(w.id(), w.spec().name());
    }
    MatchFilter filter = MatchFilter.ALL;
    String raw = ctx.queryParam("watchlist");
    if (raw != null && !raw.isEmpty()) {
      if (!raw.matches("[0-9]{1,18}") || !names.containsKey(Long.parseLong(raw))) {
        NotFound.show(ctx, templates, v, "no such watch list");
        return;
      }
      filter = filter.withWatchlist(Long.parseLong(raw));
    }
    try {
      filter = MatchQuery.parse(ctx::queryParam, filter);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      render(ctx, v, List.of(), names, MatchFilter.ALL, "", e.getMessage() + "; showing every alert instead");
      return;
    }
    Page<MatchView> page;
    try {
      page = matches.list(v.accountId(), filter,
          Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty()), PAGE);
    } catch (IllegalArgumentException e) {
      NotFound.show(ctx, templates, v, "this page of alerts does not exist (bad cursor)");
      return;
    }
    List<AlertRow> rows = page.items().stream().map(m -> row(m, names)).toList();
    String query = query(filter);
    String older = page.next().map(c -> "/alerts?" + query + (query.isEmpty() ? "" : "&")
        + "cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse("");
    render(ctx, v, rows, names, filter, older, "");
  }

  private void render(Context ctx, Visitor v, List<AlertRow> rows, Map<Long, String> names, MatchFilter filter,
                      String older, String error) {
    String query = query(filter);
    templates.page(ctx, "alerts.jte", new org.ctmon.web.ui.Page("Alerts", org.ctmon.web.ui.Page.Section.ALERTS, v),
        new Model(rows, filter.watchlistId().map(names::get).orElse(""), filters(names, filter), older,
            "/alerts" + (query.isEmpty() ? "" : "?" + query), error));
  }

  /** The filter as query parameters, in a fixed order ("" when none). */
  static String query(MatchFilter f) {
    List<String> parts = new ArrayList<>();
    f.watchlistId().ifPresent(w -> parts.add("watchlist=" + w));
    f.verdict().ifPresent(x -> parts.add("verdict=" + x.sqlName()));
    f.delivery().ifPresent(x -> parts.add("delivery=" + x.word()));
    f.acknowledged().ifPresent(x -> parts.add("acknowledged=" + x));
    return String.join("&", parts);
  }

  private static Filters filters(Map<Long, String> names, MatchFilter f) {
    List<Option> lists = new ArrayList<>();
    lists.add(new Option("", "All watch lists", f.watchlistId().isEmpty()));
    names.forEach((id, name) -> lists.add(new Option(Long.toString(id), name, f.watchlistId().equals(Optional.of(id)))));
    String verdict = f.verdict().map(x -> x.sqlName()).orElse("");
    String delivery = f.delivery().map(x -> x.word()).orElse("");
    String ack = f.acknowledged().map(String::valueOf).orElse("");
    return new Filters(lists,
        options(verdict, "", "Any verdict", "unexpected", "Unexpected", "lookalike", "Lookalike", "expected", "Expected"),
        options(delivery, "", "Any delivery", "pending", "Pending", "delivered", "Delivered", "dead", "Failed (dead)",
            "none", "Not sent"),
        options(ack, "", "Open and acknowledged", "false", "Open", "true", "Acknowledged"),
        f.watchlistId().isPresent() || !verdict.isEmpty() || !delivery.isEmpty() || !ack.isEmpty());
  }

  private static List<Option> options(String current, String... valueLabel) {
    List<Option> out = new ArrayList<>();
    for (int i = 0; i < valueLabel.length; i += 2) {
      out.add(new Option(valueLabel[i], valueLabel[i + 1], valueLabel[i].equals(current)));
    }
    return out;
  }

  static AlertRow row(MatchView m, Map<Long, String> names) {
    IssuanceSummary s = m.issuance();
    List<String> all = s.dnsNames().isEmpty() ? s.ipAddresses() : s.dnsNames();
    String shown = String.join(", ", all.subList(0, Math.min(3, all.size())));
    String more = all.size() > 3 ? "+" + (all.size() - 3) + " more" : "";
    return new AlertRow(m.id(), shown, more, m.verdict().sqlName(), String.join("; ", m.reasons()),
        SearchPage.issuer(s), names.getOrDefault(m.watchlistId(), ""), Display.when(m.createdAt()),
        m.delivery().word(), m.acknowledgedAt().isPresent(), m.acknowledgedAt().map(Display::when).orElse(""));
  }
}
