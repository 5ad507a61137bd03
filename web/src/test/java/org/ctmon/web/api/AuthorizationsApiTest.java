package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ctmon.alerts.stored.Authorizations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class AuthorizationsApiTest {
  private static final String TBS = "0123456789abcdef".repeat(4);
  @RegisterExtension final AccountApiFixture f = AccountApiFixture.perTest();

  @Test
  void aCertificateOrAKeyIsAuthorizedOnceWithItsNote() {
    JsonNode tbs = f.expect(201, "POST", "/api/v1/authorize", f.aliceToken,
        "{\"tbs_sha256\": \"" + TBS.toUpperCase() + "\", \"note\": \"renewal 2026\"}");
    JsonNode spki = f.expect(201, "POST", "/api/v1/authorize", f.aliceToken, "{\"spki_sha256\": \"" + "f".repeat(64) + "\"}");
    JsonNode again = f.expect(201, "POST", "/api/v1/authorize", f.aliceToken, "{\"tbs_sha256\": \"" + TBS + "\"}");

    assertEquals(TBS, tbs.get("tbs_sha256").asText());
    assertEquals("renewal 2026", tbs.get("note").asText());
    assertEquals("f".repeat(64), spki.get("spki_sha256").asText());
    assertEquals(tbs, again);
    assertEquals(2, f.expect(200, "GET", "/api/v1/authorizations", f.aliceToken, null).get("results").size());
  }

  @Test
  void aBodyWithoutExactlyOneValidHashIs400() {
    assertEquals("give exactly one of tbs_sha256 (one certificate) and spki_sha256 (one key)",
        f.send("POST", "/api/v1/authorize", f.aliceToken, "{}").error());
    assertEquals("give exactly one of tbs_sha256 (one certificate) and spki_sha256 (one key)",
        f.send("POST", "/api/v1/authorize", f.aliceToken,
            "{\"tbs_sha256\": \"" + TBS + "\", \"spki_sha256\": \"" + TBS + "\"}").error());
    assertEquals("tbs_sha256 must be 64 hexadecimal digits",
        f.send("POST", "/api/v1/authorize", f.aliceToken, "{\"tbs_sha256\": \"xyz\"}").error());
    assertEquals("note is longer than 200 characters", f.send("POST", "/api/v1/authorize", f.aliceToken,
        "{\"tbs_sha256\": \"" + TBS + "\", \"note\": \"" + "n".repeat(201) + "\"}").error());
    assertEquals(0, new Authorizations(f.store.jdbi(), AccountApiFixture.CLOCK).list(f.alice).size());
  }

  @Test
  void anotherAccountsAuthorizationIs404ForReadAndDelete() {
    long id = f.expect(201, "POST", "/api/v1/authorize", f.aliceToken, "{\"tbs_sha256\": \"" + TBS + "\"}")
        .get("id").asLong();
    String path = "/api/v1/authorizations/" + id;

    for (AccountApiFixture.Response r : List.of(f.get(path, f.bobToken), f.send("DELETE", path, f.bobToken, null))) {
      assertEquals(404, r.status(), r.body());
      assertEquals("no authorization " + id, r.error());
    }
    assertEquals(0, f.expect(200, "GET", "/api/v1/authorizations", f.bobToken, null).get("results").size());
    assertEquals(1, new Authorizations(f.store.jdbi(), AccountApiFixture.CLOCK).list(f.alice).size());
    assertEquals(204, f.send("DELETE", path, f.aliceToken, null).status());
    assertEquals(0, new Authorizations(f.store.jdbi(), AccountApiFixture.CLOCK).list(f.alice).size());
  }
}
