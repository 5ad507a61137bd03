package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ctmon.alerts.stored.Authorizations.Authorization;
import org.ctmon.alerts.stored.Authorizations.Kind;
import org.ctmon.alerts.stored.Authorizations;
import org.ctmon.parser.Sha256;
import org.ctmon.web.account.Caller;

/**
 * Certificates and keys an account marks as its own, like {@code certspotter-authorize}:
 * {@code POST /api/v1/authorize} with {@code {"tbs_sha256": hex}} or {@code {"spki_sha256": hex}}
 * and an optional {@code note}; {@code GET /api/v1/authorizations}, {@code GET|DELETE
 * /api/v1/authorizations/{id}}. Authorizing twice is harmless (the first note stays).
 */
final class AuthorizationsApi {
  static final Set<String> FIELDS = Set.of("tbs_sha256", "spki_sha256", "note");
  static final int MAX_NOTE = 200;
  private final Authorizations authorizations;

  AuthorizationsApi(Authorizations authorizations) {
    this.authorizations = authorizations;
  }

  void register(RoutesConfig routes) {
    routes.post("/api/v1/authorize", this::authorize);
    routes.get("/api/v1/authorizations", this::list);
    routes.get("/api/v1/authorizations/{id}", this::get);
    routes.delete("/api/v1/authorizations/{id}", this::delete);
  }

  private void authorize(Context ctx) {
    long account = Caller.of(ctx).accountId();
    JsonBody body = JsonBody.of(ctx, FIELDS);
    Optional<String> tbs = body.string("tbs_sha256", 100);
    Optional<String> spki = body.string("spki_sha256", 100);
    if (tbs.isPresent() == spki.isPresent()) {
      throw RequestRejected.badRequest("give exactly one of tbs_sha256 (one certificate) and spki_sha256 (one key)");
    }
    Kind kind = tbs.isPresent() ? Kind.TBS : Kind.SPKI;
    String field = tbs.isPresent() ? "tbs_sha256" : "spki_sha256";
    Sha256 hash;
    try {
      hash = Sha256.fromHex(tbs.orElseGet(spki::get).strip());
    } catch (IllegalArgumentException e) {
      throw RequestRejected.badRequest(field + " must be 64 hexadecimal digits");
    }
    String note = body.string("note", MAX_NOTE).orElse("");
    authorizations.add(account, kind, hash, note);
    Authorization a = authorizations.list(account).stream()
        .filter(x -> x.kind() == kind && x.hash().equals(hash)).findFirst().orElseThrow();
    ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/authorizations/" + a.id()).json(json(a));
  }

  private void list(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Authorization a : authorizations.list(Caller.of(ctx).accountId())) {
      out.add(json(a));
    }
    ctx.json(Map.of("results", out));
  }

  private void get(Context ctx) {
    long id = PathId.of(ctx, "authorization");
    ctx.json(json(authorizations.list(Caller.of(ctx).accountId()).stream().filter(a -> a.id() == id).findFirst()
        .orElseThrow(() -> RequestRejected.notFound("no authorization " + id))));
  }

  private void delete(Context ctx) {
    long id = PathId.of(ctx, "authorization");
    if (!authorizations.delete(Caller.of(ctx).accountId(), id)) {
      throw RequestRejected.notFound("no authorization " + id);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private static Map<String, Object> json(Authorization a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put(a.kind() == Kind.TBS ? "tbs_sha256" : "spki_sha256", a.hash().hex());
    m.put("note", a.note());
    m.put("created_at", IssuanceJson.time(a.createdAt()));
    return m;
  }
}
