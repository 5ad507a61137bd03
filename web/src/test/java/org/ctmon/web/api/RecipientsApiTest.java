package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.stored.EmailRecipients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class RecipientsApiTest {
  @RegisterExtension final AccountApiFixture f = AccountApiFixture.perTest();

  @Test
  void anAddressIsStoredLowerCaseListedAndTested() {
    JsonNode r = f.expect(201, "POST", "/api/v1/recipients", f.aliceToken, "{\"address\": \"SecOps@Example.com\"}");
    long id = r.get("id").asLong();

    assertEquals("secops@example.com", r.get("address").asText());
    assertEquals(r, f.expect(200, "GET", "/api/v1/recipients", f.aliceToken, null).get("results").get(0));
    assertTrue(f.expect(200, "POST", "/api/v1/recipients/" + id + "/test", f.aliceToken, "").get("delivered")
        .asBoolean());
    f.tests.result = new DeliveryResult.GaveUp("error mailing secops@example.com: no smtp server configured");
    assertEquals(502, f.send("POST", "/api/v1/recipients/" + id + "/test", f.aliceToken, "").status());
    assertEquals(List.of("email secops@example.com", "email secops@example.com"), f.tests.sent);
    assertEquals(409, f.send("POST", "/api/v1/recipients", f.aliceToken, "{\"address\": \"secops@example.com\"}")
        .status());
  }

  @Test
  void headerInjectionDisplayNamesAndNonAddressesAre400() {
    for (String address : List.of("a@example.com\\r\\nBcc: victim@example.com", "Eve <eve@example.com>",
        "not an address", "a@b@c.example", "@example.com", "")) {
      AccountApiFixture.Response r = f.send("POST", "/api/v1/recipients", f.aliceToken,
          "{\"address\": \"" + address + "\"}");
      assertEquals(400, r.status(), address + ": " + r.body());
      assertTrue(r.error().startsWith("address"), r.error());
    }
    assertEquals(0, new EmailRecipients(f.store.jdbi(), AccountApiFixture.CLOCK).list(f.alice).size());
  }

  @Test
  void anotherAccountsRecipientIs404ForReadTestAndDelete() {
    long id = f.expect(201, "POST", "/api/v1/recipients", f.aliceToken, "{\"address\": \"a@example.com\"}")
        .get("id").asLong();
    String path = "/api/v1/recipients/" + id;

    for (AccountApiFixture.Response r : List.of(f.get(path, f.bobToken), f.send("POST", path + "/test", f.bobToken, ""),
        f.send("DELETE", path, f.bobToken, null))) {
      assertEquals(404, r.status(), r.body());
      assertEquals("no recipient " + id, r.error());
    }
    assertTrue(f.tests.sent.isEmpty());
    assertEquals(1, new EmailRecipients(f.store.jdbi(), AccountApiFixture.CLOCK).list(f.alice).size());
    assertEquals(204, f.send("DELETE", path, f.aliceToken, null).status());
  }
}
