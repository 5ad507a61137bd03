package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.ctmon.parser.Sha256;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.Logs;
import org.ctmon.web.account.BearerAuth;
import org.ctmon.web.account.Caller;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code PUT /api/v1/admin/logs/{log_id}} with {@code {"enabled": false}} (administrators' tokens
 * only; others get 403): turns following a log off or on, as the admin page does. The id is the
 * log's id as {@code /api/v1/logs} gives it, in URL-safe base64 ({@code -} and {@code _}; standard
 * base64 percent-encoded works too) or hex. Answers {@code {"log_id", "description", "enabled"}}.
 */
public final class LogSwitchApi {
  private static final Set<String> FIELDS = Set.of("enabled");
  private final Logs logs;
  private final BiConsumer<Sha256, Boolean> switched;
  private final BearerAuth auth;

  /** @param switched told after the store changed, so the followers follow suit; should return quickly */
  public LogSwitchApi(Jdbi jdbi, Clock clock, BiConsumer<Sha256, Boolean> switched) {
    this.logs = new Logs(jdbi, clock);
    this.switched = switched;
    this.auth = new BearerAuth(new ApiTokens(jdbi, clock, new SecureRandom()));
  }

  public void register(RoutesConfig routes) {
    auth.register(routes, "/api/v1/admin");
    routes.put("/api/v1/admin/logs/{log_id}", this::put);
  }

  private void put(Context ctx) {
    if (!Caller.of(ctx).admin()) {
      ApiError.send(ctx, HttpStatus.FORBIDDEN, "only administrators turn logs on and off");
      return;
    }
    String raw = ctx.pathParam("log_id");
    Optional<LogState> log = id(raw).flatMap(logs::state);
    if (log.isEmpty()) {
      ApiError.send(ctx, HttpStatus.NOT_FOUND, "no log " + ApiText.clip(raw));
      return;
    }
    boolean enabled;
    try {
      JsonBody body = JsonBody.of(ctx, FIELDS);
      if (!body.has("enabled")) {
        throw RequestRejected.badRequest("enabled is required: true or false");
      }
      enabled = body.bool("enabled", true);
    } catch (RequestRejected e) {
      ctx.status(e.status()).json(e.body());
      return;
    }
    Sha256 id = log.get().spec().logId();
    logs.setEnabled(id, enabled);
    switched.accept(id, enabled);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("log_id", id.base64());
    m.put("description", log.get().spec().description());
    m.put("enabled", enabled);
    ctx.json(m);
  }

  /** A log id in URL-safe or standard base64, or hex. */
  static Optional<Sha256> id(String text) {
    if (text == null || text.length() > 100) {
      return Optional.empty();
    }
    String t = text.strip();
    try {
      if (t.matches("[0-9a-fA-F]{64}")) {
        return Optional.of(Sha256.fromHex(t.toLowerCase(Locale.ROOT)));
      }
      byte[] b = Base64.getDecoder().decode(t.replace('-', '+').replace('_', '/').replace(' ', '+'));
      return b.length == Sha256.LENGTH ? Optional.of(Sha256.wrap(b)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
