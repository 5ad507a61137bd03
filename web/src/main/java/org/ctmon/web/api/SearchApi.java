package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.store.issuance.Criterion;
import org.ctmon.store.issuance.IssuanceDetail;
import org.ctmon.store.issuance.IssuanceQuery;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.issuance.IssuanceSummary;
import org.ctmon.store.Page;

/**
 * Public search over what ctmon has seen: {@code GET /api/v1/search?q=} (newest first, keyset
 * cursor, {@code expired=false} to hide expired certificates) and {@code GET /api/v1/certs/{tbs}}
 * with its PEM and DER. Public CT data: no account needed.
 */
public final class SearchApi {
  /** Results per page unless {@code limit} asks for fewer or more (up to the store's maximum). */
  static final int DEFAULT_LIMIT = 100;

  private final IssuanceSearch search;
  private final Clock clock;
  private final RecentAnswers answers = new RecentAnswers();

  public SearchApi(IssuanceSearch search, Clock clock) {
    this.search = search;
    this.clock = clock;
  }

  /** Registers the routes. */
  public void register(RoutesConfig routes) {
    routes.get("/api/v1/search", this::search);
    routes.get("/api/v1/certs/{tbs}", this::cert);
  }

  private void search(Context ctx) {
    Criterion criterion;
    try {
      criterion = SearchQuery.parse(ctx.queryParam("q"));
    } catch (IllegalArgumentException e) {
      ApiError.send(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
      return;
    }
    java.util.OptionalInt pageLimit = PageLimit.of(ctx, DEFAULT_LIMIT, IssuanceSearch.MAX_LIMIT);
    if (pageLimit.isEmpty()) {
      return;
    }
    int limit = pageLimit.getAsInt();
    String expired = ctx.queryParam("expired");
    boolean unexpiredOnly = "false".equalsIgnoreCase(expired);
    if (expired != null && !unexpiredOnly && !"true".equalsIgnoreCase(expired)) {
      ApiError.send(ctx, HttpStatus.BAD_REQUEST, "expired must be true or false");
      return;
    }
    Optional<String> cursor = PageJson.cursor(ctx);
    try {
      answers.send(ctx, new Supplier<>() {
        @Override
        public RecentAnswers.Answer get() {
          IssuanceQuery query = IssuanceQuery.of(criterion, clock.instant()); // "expired" as of each search
          Page<IssuanceSummary> page = search.search(unexpiredOnly ? query.unexpiredOnly() : query, cursor, limit);
          return new RecentAnswers.Answer(RecentAnswers.json(PageJson.of(page, IssuanceJson::summary)), Map.of(),
              this);
        }
      });
    } catch (IllegalArgumentException e) {
      ApiError.send(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private void cert(Context ctx) {
    String raw = ctx.pathParam("tbs");
    String format = null;
    if (raw.endsWith(".pem") || raw.endsWith(".der")) {
      format = raw.substring(raw.length() - 3);
      raw = raw.substring(0, raw.length() - 4);
    }
    Sha256 tbs;
    try {
      tbs = Sha256.fromHex(raw);
    } catch (IllegalArgumentException e) {
      ApiError.send(ctx, HttpStatus.BAD_REQUEST, "a certificate is named by its tbs_sha256: 64 hexadecimal digits");
      return;
    }
    if (format != null) {
      Optional<Der> der = search.der(tbs);
      if (der.isEmpty()) {
        ApiError.send(ctx, HttpStatus.NOT_FOUND, "no DER kept for issuance " + tbs.hex() + ": ctmon keeps the DER"
            + " of issuances a watch list matched; retention.keepAllDer=true (CTMON_RETENTION_KEEP_ALL_DER) keeps"
            + " every one from then on");
        return;
      }
      if (format.equals("der")) {
        ctx.contentType("application/pkix-cert").result(der.get().bytes());
      } else {
        ctx.contentType("application/x-pem-file").result(pem(der.get()));
      }
      return;
    }
    Optional<IssuanceDetail> detail = search.byTbs(tbs);
    if (detail.isEmpty()) {
      ApiError.send(ctx, HttpStatus.NOT_FOUND, "no issuance with tbs_sha256 " + tbs.hex());
      return;
    }
    ctx.json(IssuanceJson.detail(detail.get(), "/api/v1/certs/" + tbs.hex()));
  }

  static String pem(Der der) {
    String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der.bytes());
    return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
  }
}
