package org.ctmon.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctmon.alerts.stored.EmailRecipients.EmailRecipient;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.store.StoreException;
import org.ctmon.web.account.Caller;
import org.ctmon.web.account.EmailAddress;

/**
 * The email addresses an account's alerts go to: {@code GET|POST /api/v1/recipients},
 * {@code GET|DELETE /api/v1/recipients/{id}}, {@code POST /api/v1/recipients/{id}/test}. Body
 * {@code {"address": "name@domain"}}: a bare address, strictly checked, no CR or LF.
 */
final class RecipientsApi {
  static final Set<String> FIELDS = Set.of("address");
  private final EmailRecipients recipients;
  private final TestDelivery tests;

  RecipientsApi(EmailRecipients recipients, TestDelivery tests) {
    this.recipients = recipients;
    this.tests = tests;
  }

  void register(RoutesConfig routes) {
    routes.get("/api/v1/recipients", this::list);
    routes.post("/api/v1/recipients", this::create);
    routes.get("/api/v1/recipients/{id}", this::get);
    routes.delete("/api/v1/recipients/{id}", this::delete);
    routes.post("/api/v1/recipients/{id}/test", this::test);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (EmailRecipient r : recipients.list(Caller.of(ctx).accountId())) {
      out.add(json(r));
    }
    ctx.json(Map.of("results", out));
  }

  private void create(Context ctx) {
    long account = Caller.of(ctx).accountId();
    JsonBody body = JsonBody.of(ctx, FIELDS);
    EmailAddress address;
    try {
      address = new EmailAddress(body.requiredString("address", EmailAddress.MAX_LENGTH + 100));
    } catch (IllegalArgumentException e) {
      throw RequestRejected.badRequest("address: " + e.getMessage());
    }
    boolean exists = recipients.list(account).stream().anyMatch(r -> r.address().equals(address.value()));
    if (exists) {
      throw new RequestRejected(HttpStatus.CONFLICT, "recipient " + address + " exists already");
    }
    long id;
    try {
      id = recipients.add(account, address.value());
    } catch (StoreException e) {
      throw new RequestRejected(HttpStatus.CONFLICT, "recipient " + address + " exists already");
    }
    ctx.status(HttpStatus.CREATED).header("Location", "/api/v1/recipients/" + id).json(json(owned(account, id)));
  }

  private void get(Context ctx) {
    ctx.json(json(owned(Caller.of(ctx).accountId(), PathId.of(ctx, "recipient"))));
  }

  private void delete(Context ctx) {
    long id = PathId.of(ctx, "recipient");
    if (!recipients.delete(Caller.of(ctx).accountId(), id)) {
      throw RequestRejected.notFound("no recipient " + id);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void test(Context ctx) {
    EmailRecipient r = owned(Caller.of(ctx).accountId(), PathId.of(ctx, "recipient"));
    if (tests == null) {
      throw TestOutcome.unavailable();
    }
    TestOutcome.send(ctx, tests.toEmail(r.address()), r.address());
  }

  private EmailRecipient owned(long account, long id) {
    return recipients.list(account).stream().filter(r -> r.id() == id).findFirst()
        .orElseThrow(() -> RequestRejected.notFound("no recipient " + id));
  }

  private static Map<String, Object> json(EmailRecipient r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("address", r.address());
    return m;
  }
}
