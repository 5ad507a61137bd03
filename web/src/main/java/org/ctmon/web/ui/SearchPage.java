package org.ctmon.web.ui;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Page;
import org.ctmon.store.issuance.IssuanceQuery;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.issuance.IssuanceSummary;
import org.ctmon.web.api.SearchQuery;

/**
 * {@code GET /search?q=}: public search over what ctmon has seen, as {@code /api/v1/search} reads
 * {@code q} (a name, {@code .example.com} or {@code %.example.com} with subdomains,
 * {@code issuer:}, {@code spki:}, {@code sha256:}, {@code serial:}); {@code expired=false} hides
 * expired certificates; 50 a page, newest first.
 */
final class SearchPage {
  static final int PAGE = 50;
  private final IssuanceSearch search;
  private final Clock clock;
  private final Templates templates;

  /** One issuance as a result row. */
  record ResultRow(String names, String moreNames, String issuer, String notBefore, String notAfter, boolean expired,
                   String kind, String certLink) {}

  /** The page: the query as typed, its error or its results, the link to more ("" when none). */
  record Model(String q, boolean hideExpired, String error, List<ResultRow> results, boolean searched, String more) {}

  SearchPage(IssuanceSearch search, Clock clock, Templates templates) {
    this.search = search;
    this.clock = clock;
    this.templates = templates;
  }

  void show(Context ctx, Visitor v) {
    String q = Optional.ofNullable(ctx.queryParam("q")).orElse("");
    boolean hideExpired = "false".equalsIgnoreCase(ctx.queryParam("expired"));
    org.ctmon.web.ui.Page page = new org.ctmon.web.ui.Page("Search", org.ctmon.web.ui.Page.Section.SEARCH, v);
    if (q.isBlank()) {
      templates.page(ctx, "search.jte", page, new Model("", hideExpired, "", List.of(), false, ""));
      return;
    }
    Page<IssuanceSummary> found;
    try {
      IssuanceQuery query = IssuanceQuery.of(SearchQuery.parse(q), clock.instant());
      found = search.search(hideExpired ? query.unexpiredOnly() : query,
          Optional.ofNullable(ctx.queryParam("cursor")).filter(c -> !c.isEmpty()), PAGE);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      templates.page(ctx, "search.jte", page, new Model(q, hideExpired, e.getMessage(), List.of(), false, ""));
      return;
    }
    List<ResultRow> rows = found.items().stream().map(this::row).toList();
    String more = found.next().map(c -> "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
        + (hideExpired ? "&expired=false" : "") + "&cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse("");
    templates.page(ctx, "search.jte", page, new Model(q, hideExpired, "", rows, true, more));
  }

  private ResultRow row(IssuanceSummary s) {
    List<String> all = s.dnsNames().isEmpty() ? s.ipAddresses() : s.dnsNames();
    String shown = String.join(", ", all.subList(0, Math.min(3, all.size())));
    String more = all.size() > 3 ? "+" + (all.size() - 3) + " more" : "";
    String kind = s.finalSeen() && s.precertSeen() ? "cert + precert" : s.finalSeen() ? "cert" : "precert";
    return new ResultRow(shown, more, issuer(s), Display.day(s.notBefore()), Display.day(s.notAfter()),
        s.notAfter().isBefore(clock.instant()), kind, "/api/v1/certs/" + s.tbsSha256().hex());
  }

  /** The issuer as people name it: its common name, else its organization, else the whole DN. */
  static String issuer(IssuanceSummary s) {
    return s.issuerCn().or(s::issuerO).orElse(s.issuerDn());
  }
}
