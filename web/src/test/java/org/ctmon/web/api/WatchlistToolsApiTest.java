package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Test a name and issuers over time, as the watch-list page uses them: owner only, bad input refused. */
final class WatchlistToolsApiTest {
  @RegisterExtension final AccountApiFixture f = AccountApiFixture.perTest();
  private long list;

  @BeforeEach
  void start() {
    list = new Watchlists(f.store.jdbi(), AccountApiFixture.CLOCK).create(f.alice, new WatchlistSpec("bank",
        List.of(".mybank.example", "www.other.example", "192.0.2.0/24"), List.of("letsencrypt.org"), List.of(), true,
        List.of("internal.mybank.example"), false));
  }

  @Test
  void testANameSaysWhichItemsMatchAndWhy() {
    JsonNode sub = f.expect(200, "GET", "/api/v1/watchlists/" + list + "/test?name=VPN.mybank.example", f.aliceToken,
        null);
    assertTrue(sub.get("matches").asBoolean());
    assertEquals("vpn.mybank.example", sub.get("name").asText());
    assertEquals(".mybank.example", sub.get("items").get(0).get("item").asText());
    assertTrue(sub.get("items").get(0).get("why").asText().contains("under mybank.example"), sub.toString());

    JsonNode ip = f.expect(200, "GET", "/api/v1/watchlists/" + list + "/test?name=192.0.2.77", f.aliceToken, null);
    assertEquals("192.0.2.0/24", ip.get("items").get(0).get("item").asText());

    JsonNode never = f.expect(200, "GET", "/api/v1/watchlists/" + list + "/test?name=internal.mybank.example",
        f.aliceToken, null);
    assertEquals("[\"internal.mybank.example\"]", never.get("never_issue").toString());

    JsonNode look = f.expect(200, "GET", "/api/v1/watchlists/" + list + "/test?name=rnybank.example", f.aliceToken,
        null);
    assertTrue(look.get("matches").asBoolean(), look.toString());
    assertEquals(0, look.get("items").size());
    assertFalse(look.get("lookalike").isEmpty(), look.toString());

    JsonNode none = f.expect(200, "GET", "/api/v1/watchlists/" + list + "/test?name=example.net", f.aliceToken, null);
    assertFalse(none.get("matches").asBoolean());
  }

  @Test
  void testANameRefusesWhatNoCertificateNames() {
    for (String q : new String[] {"", "name=", "name=a%20b", "name=a%0Ab", "name=a%00b", "name=" + "a".repeat(301)}) {
      AccountApiFixture.Response r = f.send("GET", "/api/v1/watchlists/" + list + "/test?" + q, f.aliceToken, null);
      assertEquals(400, r.status(), q);
      assertTrue(r.error().startsWith("name must be"), r.body());
    }
  }

  @Test
  void anotherAccountsListCannotBeTestedOrCharted() {
    assertEquals(404, f.send("GET", "/api/v1/watchlists/" + list + "/test?name=www.mybank.example", f.bobToken, null)
        .status());
    assertEquals(404, f.send("GET", "/api/v1/watchlists/" + list + "/issuers", f.bobToken, null).status());
    assertEquals(401, f.send("GET", "/api/v1/watchlists/" + list + "/issuers", null, null).status());
  }

  @Test
  void issuersAreBucketedByWeekAndTheDaysAreChecked() {
    JsonNode weeks = f.expect(200, "GET", "/api/v1/watchlists/" + list + "/issuers", f.aliceToken, null);
    assertEquals(7, weeks.get("bucket_days").asInt());
    assertEquals(26, weeks.get("buckets").size());
    assertEquals(0, weeks.get("issuers").size(), "nothing matched yet");
    assertEquals(1, f.expect(200, "GET", "/api/v1/watchlists/" + list + "/issuers?days=30", f.aliceToken, null)
        .get("bucket_days").asInt());
    for (String d : new String[] {"0", "367", "x", "-1"}) {
      assertEquals(400, f.send("GET", "/api/v1/watchlists/" + list + "/issuers?days=" + d, f.aliceToken, null).status());
    }
  }
}
