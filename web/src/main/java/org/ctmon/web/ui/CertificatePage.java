package org.ctmon.web.ui;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ctmon.alerts.stored.Authorizations;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.MatchView;
import org.ctmon.alerts.watch.Watchlist;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.store.issuance.IssuanceDetail;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.Logs;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code GET /certs/{tbs_sha256}}: one issuance, public (CT data is public). Every field decoded
 * from the stored DER, or what the store recorded at ingest when no DER is kept; the
 * precertificate and final certificate twins with their logs and indices; PEM and DER links; and,
 * for a signed-in visitor, their own watch lists' verdicts on it (never another account's). A tbs
 * that is not 64 hex digits, or one ctmon has not seen, is a 404. Thread safe.
 */
final class CertificatePage {
  private final IssuanceSearch search;
  private final Matches matches;
  private final Watchlists lists;
  private final Logs logs;
  private final Clock clock;
  private final Templates templates;
  private final Authorizations authorizations;

  CertificatePage(Jdbi jdbi, Clock clock, Templates templates) {
    this.search = new IssuanceSearch(jdbi);
    this.matches = new Matches(jdbi);
    this.lists = new Watchlists(jdbi, clock);
    this.logs = new Logs(jdbi, clock);
    this.clock = clock;
    this.templates = templates;
    this.authorizations = new Authorizations(jdbi, clock);
  }

  /** Registers {@code GET /certs/{tbs}} as a public page. */
  void register(RoutesConfig routes, SignIn signIn) {
    routes.get("/certs/{tbs}", signIn.open(this::show));
    routes.post("/certs/{tbs}/authorize", signIn.signedIn(this::authorize));
  }

  /**
   * {@code POST /certs/{tbs}/authorize} (signed in, CSRF-checked): the account marks the
   * certificate as its own, like {@code POST /api/v1/authorize}; its matches are then expected and
   * silent (the matcher picks the authorization up within seconds).
   */
  void authorize(Context ctx, Visitor v) {
    Optional<IssuanceDetail> detail = issuance(ctx, v);
    if (detail.isEmpty()) {
      return;
    }
    Sha256 tbs = detail.get().summary().tbsSha256();
    authorizations.add(v.accountId(), Authorizations.Kind.TBS, tbs, "marked as ours on the certificate page");
    ctx.status(303).header("Location", path(tbs));
  }

  /** The issuance the path names, or empty after showing the visitor why not. */
  private Optional<IssuanceDetail> issuance(Context ctx, Visitor v) {
    String raw = ctx.pathParam("tbs");
    if (!raw.matches("[0-9a-fA-F]{64}")) {
      NotFound.show(ctx, templates, v, "a certificate is named by its tbs_sha256: 64 hexadecimal digits");
      return Optional.empty();
    }
    Sha256 tbs = Sha256.fromHex(raw.toLowerCase(Locale.ROOT));
    Optional<IssuanceDetail> detail = search.byTbs(tbs);
    if (detail.isEmpty()) {
      NotFound.show(ctx, templates, v, "ctmon has not seen a certificate with tbs_sha256 " + tbs.hex());
    }
    return detail;
  }

  /** The page's path for an issuance. */
  static String path(Sha256 tbs) {
    return "/certs/" + tbs.hex();
  }

  void show(Context ctx, Visitor v) {
    Optional<IssuanceDetail> detail = issuance(ctx, v);
    if (detail.isEmpty()) {
      return;
    }
    Sha256 tbs = detail.get().summary().tbsSha256();
    Optional<FactsResult> decoded = Optional.empty();
    if (detail.get().hasDer()) {
      Optional<Der> der = search.der(tbs);
      decoded = der.map(d -> detail.get().derIsPrecert() ? CertificateDecoder.fromPrecertificate(d)
          : CertificateDecoder.fromCertificate(d));
    }
    List<MatchView> mine = v == null ? List.of() : matches.ofIssuance(v.accountId(), tbs);
    Map<Long, String> listNames = new HashMap<>();
    if (!mine.isEmpty()) {
      for (Watchlist w : lists.list(v.accountId())) {
        listNames.put(w.id(), w.spec().name());
      }
    }
    CertificateView view = CertificateView.of(detail.get(), decoded, logNames(), v != null, mine, listNames,
        clock.instant());
    if (v != null) {
      view = view.authorized(authorizations.list(v.accountId()).stream()
          .anyMatch(a -> a.kind() == Authorizations.Kind.TBS && a.hash().equals(tbs)));
    }
    templates.page(ctx, "certificate.jte", new Page(view.heading(), Page.Section.SEARCH, v), view);
  }

  private Map<Sha256, String> logNames() {
    Map<Sha256, String> names = new HashMap<>();
    for (LogState s : logs.all()) {
      String d = s.spec().description();
      names.put(s.spec().logId(), d == null || d.isBlank() ? s.spec().logId().base64() : d);
    }
    return names;
  }
}
