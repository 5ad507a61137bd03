package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.List;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every account route needs a valid bearer token; the public routes need none. */
final class AccountAuthTest {
  private static final List<String> ACCOUNT_ROUTES = List.of("GET /api/v1/watchlists", "POST /api/v1/watchlists",
      "GET /api/v1/watchlists/1", "PUT /api/v1/watchlists/1", "DELETE /api/v1/watchlists/1",
      "GET /api/v1/watchlists/1/export", "POST /api/v1/watchlists/import", "GET /api/v1/matches",
      "GET /api/v1/matches/1", "GET /api/v1/alerts", "GET /api/v1/alerts/1", "GET /api/v1/webhooks",
      "POST /api/v1/webhooks", "DELETE /api/v1/webhooks/1", "POST /api/v1/webhooks/1/test", "GET /api/v1/recipients",
      "POST /api/v1/recipients", "DELETE /api/v1/recipients/1", "POST /api/v1/recipients/1/test",
      "POST /api/v1/authorize", "GET /api/v1/authorizations", "DELETE /api/v1/authorizations/1");
  @RegisterExtension final AccountApiFixture f = AccountApiFixture.perTest();

  private void assertEveryRouteRefuses(String token, String message) {
    for (String route : ACCOUNT_ROUTES) {
      String[] mp = route.split(" ");
      AccountApiFixture.Response r = f.send(mp[0], mp[1], token, mp[0].equals("GET") ? null : "{}");
      assertEquals(401, r.status(), route + ": " + r.body());
      assertEquals(message, r.error(), route);
      assertTrue(r.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), route);
    }
  }

  @Test
  void withoutATokenEveryAccountRouteIs401AndSaysHowToGetOne() {
    assertEveryRouteRefuses(null,
        "this api needs an api token: Authorization: Bearer <token> (ctmon token add EMAIL)");
  }

  @Test
  void anUnknownTokenIs401() {
    assertEveryRouteRefuses("ctmon_notatoken",
        "the api token is not valid (unknown, revoked, or its account is disabled)");
  }

  @Test
  void aRevokedTokenIs401() {
    ApiTokens tokens = new ApiTokens(f.store.jdbi(), AccountApiFixture.CLOCK, new SecureRandom());
    assertEquals(200, f.get("/api/v1/watchlists", f.aliceToken).status());
    tokens.revoke(f.alice, tokens.list(f.alice).get(0).id());

    assertEveryRouteRefuses(f.aliceToken,
        "the api token is not valid (unknown, revoked, or its account is disabled)");
  }

  @Test
  void aDisabledAccountsTokenIs401() {
    new Accounts(f.store.jdbi(), AccountApiFixture.CLOCK, new SecureRandom()).setDisabled(f.bob, true);

    assertEquals(401, f.get("/api/v1/watchlists", f.bobToken).status());
    assertEquals(200, f.get("/api/v1/watchlists", f.aliceToken).status());
  }

  @Test
  void anAuthorizationHeaderThatIsNotBearerIs401() {
    AccountApiFixture.Response r = f.send("GET", "/api/v1/watchlists", null, null);
    java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + f.web.port() + "/api/v1/watchlists"))
        .header("Authorization", "Basic YWxpY2U6cGFzc3dvcmQ=").build();
    try {
      var basic = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(401, basic.statusCode());
      assertTrue(basic.body().contains("the Authorization header must be Bearer <token>"), basic.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertEquals(401, r.status());
  }

  @Test
  void publicRoutesStayPublic() {
    assertEquals(200, f.get("/api/v1/search?q=example.com", null).status());
  }
}
