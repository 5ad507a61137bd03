package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.alerts.stored.Watchlists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

final class WatchlistsApiTest {
  private static final String KEY = "a".repeat(64);
  @RegisterExtension final AccountApiFixture f = AccountApiFixture.perTest();

  private static String body(String name, List<String> items) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("items", items);
    return AccountApiFixture.json(m);
  }

  private long create(String token, String name, List<String> items) {
    return f.expect(201, "POST", "/api/v1/watchlists", token, body(name, items)).get("id").asLong();
  }

  private int storedLists() {
    return new Watchlists(f.store.jdbi(), AccountApiFixture.CLOCK).list(f.alice).size();
  }

  @Test
  void aNewListIsStoredCanonicalAndReturnedWithItsIdAndTheMatcherIsTold() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "prod");
    m.put("items", List.of("Example.COM.", ".example.org", "bücher.example", "2001:DB8::1", "192.0.2.77/24"));
    m.put("expected_issuers", List.of("letsencrypt.org", "sha256:" + "B".repeat(64), "Example CA"));
    m.put("known_keys", List.of(KEY.toUpperCase()));
    m.put("never_issue", List.of("admin.example.com"));
    m.put("lookalikes", true);
    m.put("alert_history", true);

    AccountApiFixture.Response r = f.send("POST", "/api/v1/watchlists", f.aliceToken, AccountApiFixture.json(m));

    assertEquals(201, r.status(), r.body());
    JsonNode w = r.json();
    long id = w.get("id").asLong();
    assertEquals("/api/v1/watchlists/" + id, r.raw().headers().firstValue("Location").orElseThrow());
    assertEquals("prod", w.get("name").asText());
    assertEquals("[\"example.com\",\".example.org\",\"xn--bcher-kva.example\",\"2001:db8::1\",\"192.0.2.0/24\"]",
        w.get("items").toString());
    assertEquals("[\"letsencrypt.org\",\"sha256:" + "b".repeat(64) + "\",\"Example CA\"]",
        w.get("expected_issuers").toString());
    assertEquals("[\"" + KEY + "\"]", w.get("known_keys").toString());
    assertEquals("[\"admin.example.com\"]", w.get("never_issue").toString());
    assertTrue(w.get("lookalikes").asBoolean());
    assertTrue(w.get("alert_history").asBoolean());
    assertEquals(AccountApiFixture.NOW.toString(), w.get("created_at").asText());
    assertEquals(List.of("saved " + f.alice + " " + id), f.listener.events);
    assertEquals(w, f.expect(200, "GET", "/api/v1/watchlists/" + id, f.aliceToken, null));
    assertEquals(w, f.expect(200, "GET", "/api/v1/watchlists", f.aliceToken, null).get("results").get(0));
  }

  @Test
  void everyHostileItemIsNamedWithItsIndexAndNothingIsStored() {
    List<String> items = List.of("good.example", "*", "exa mple.com", "bad\u0000name.example", "a".repeat(400) + ".com",
        "192.0.2.0/33", "10.0.0.0/8");

    AccountApiFixture.Response r = f.send("POST", "/api/v1/watchlists", f.aliceToken, body("hostile", items));

    assertEquals(400, r.status(), r.body());
    assertEquals("5 invalid entries in the watch list; nothing was stored", r.error());
    JsonNode bad = r.json().get("items");
    assertEquals(5, bad.size(), bad.toString());
    int[] indexes = {1, 2, 3, 4, 5};
    for (int i = 0; i < indexes.length; i++) {
      assertEquals("items", bad.get(i).get("field").asText());
      assertEquals(indexes[i], bad.get(i).get("index").asInt());
      assertTrue(bad.get(i).get("error").asText().startsWith("invalid watch item"), bad.get(i).toString());
    }
    assertEquals("*", bad.get(0).get("item").asText());
    assertEquals("exa mple.com", bad.get(1).get("item").asText());
    assertTrue(bad.get(3).get("item").asText().endsWith("…"), "a long item is clipped in the answer");
    assertEquals(0, storedLists());
    assertTrue(f.listener.events.isEmpty());
  }

  @Test
  void badPolicyValuesAreNamedByFieldToo() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "policy");
    m.put("items", List.of("example.com"));
    m.put("expected_issuers", List.of("sha256:nothex", "no-such-ca.example"));
    m.put("known_keys", List.of("abc"));
    m.put("never_issue", List.of("*"));

    AccountApiFixture.Response r = f.send("POST", "/api/v1/watchlists", f.aliceToken, AccountApiFixture.json(m));

    assertEquals(400, r.status(), r.body());
    List<String> fields = new ArrayList<>();
    r.json().get("items").forEach(p -> fields.add(p.get("field").asText() + "[" + p.get("index").asInt() + "]"));
    assertEquals(List.of("never_issue[0]", "expected_issuers[0]", "expected_issuers[1]", "known_keys[0]"), fields);
    assertEquals(0, storedLists());
  }

  @Test
  void unknownFieldsWrongTypesAndTooManyItemsAre400NamingTheField() {
    String typo = "{\"name\": \"x\", \"items\": [\"example.com\"], \"expected_isuers\": [\"letsencrypt.org\"]}";
    assertTrue(f.send("POST", "/api/v1/watchlists", f.aliceToken, typo).error()
        .startsWith("unknown field \"expected_isuers\""));
    assertEquals("items must be an array of strings",
        f.send("POST", "/api/v1/watchlists", f.aliceToken, "{\"name\": \"x\", \"items\": \"example.com\"}").error());
    assertEquals("items[1] must be a string",
        f.send("POST", "/api/v1/watchlists", f.aliceToken, "{\"name\": \"x\", \"items\": [\"a.example\", 7]}").error());
    assertEquals("lookalikes must be true or false",
        f.send("POST", "/api/v1/watchlists", f.aliceToken, "{\"name\": \"x\", \"lookalikes\": \"yes\"}").error());
    assertEquals("name is required", f.send("POST", "/api/v1/watchlists", f.aliceToken, "{\"items\": []}").error());
    assertEquals("name is longer than 200 characters",
        f.send("POST", "/api/v1/watchlists", f.aliceToken, body("n".repeat(201), List.of())).error());
    assertEquals("the body must be a JSON object", f.send("POST", "/api/v1/watchlists", f.aliceToken, "[]").error());
    assertTrue(f.send("POST", "/api/v1/watchlists", f.aliceToken, "{\"name\": \"x\", \"name\": \"y\"}").error()
        .startsWith("the body is not valid JSON: duplicate field 'name'"));
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= 10_000; i++) {
      many.add("h" + i + ".example");
    }
    AccountApiFixture.Response tooMany = f.send("POST", "/api/v1/watchlists", f.aliceToken, body("many", many));
    assertEquals(400, tooMany.status());
    assertEquals("items has 10001 entries; at most 10000 are allowed", tooMany.error());
    assertEquals(0, storedLists());
  }

  @Test
  void putReplacesTheWholeListAndADuplicateNameIs409() {
    long id = create(f.aliceToken, "prod", List.of("a.example"));
    create(f.aliceToken, "staging", List.of("b.example"));

    JsonNode replaced = f.expect(200, "PUT", "/api/v1/watchlists/" + id, f.aliceToken,
        body("prod", List.of(".c.example")));
    AccountApiFixture.Response clash = f.send("PUT", "/api/v1/watchlists/" + id, f.aliceToken,
        body("staging", List.of()));

    assertEquals("[\".c.example\"]", replaced.get("items").toString());
    assertEquals(409, clash.status());
    assertEquals("a watch list named \"staging\" exists already", clash.error());
    assertEquals(409, f.send("POST", "/api/v1/watchlists", f.aliceToken, body("prod", List.of())).status());
    assertEquals("saved " + f.alice + " " + id, f.listener.events.get(2));
  }

  @Test
  void deleteRemovesTheListAndTellsTheMatcher() {
    long id = create(f.aliceToken, "prod", List.of("a.example"));

    assertEquals(204, f.send("DELETE", "/api/v1/watchlists/" + id, f.aliceToken, null).status());

    assertEquals(404, f.get("/api/v1/watchlists/" + id, f.aliceToken).status());
    assertEquals("deleted " + f.alice + " " + id, f.listener.events.get(1));
    assertEquals(0, storedLists());
  }

  @Test
  void anotherAccountsListIs404ForReadReplaceDeleteAndExportAndStaysAsItWas() {
    long id = create(f.aliceToken, "prod", List.of("a.example"));
    String path = "/api/v1/watchlists/" + id;

    for (AccountApiFixture.Response r : List.of(f.get(path, f.bobToken),
        f.send("PUT", path, f.bobToken, body("mine now", List.of("evil.example"))),
        f.send("PUT", path, f.bobToken, "{\"bogus\": 1}"),
        f.send("DELETE", path, f.bobToken, null), f.get(path + "/export", f.bobToken),
        f.get("/api/v1/matches?watchlist=" + id, f.bobToken))) {
      assertEquals(404, r.status(), r.body());
      assertEquals("no watch list " + id, r.error());
    }
    assertEquals(0, f.expect(200, "GET", "/api/v1/watchlists", f.bobToken, null).get("results").size());
    assertEquals("[\"a.example\"]", f.expect(200, "GET", path, f.aliceToken, null).get("items").toString());
    assertEquals(404, f.get("/api/v1/watchlists/abc", f.aliceToken).status());
    assertEquals(1, f.listener.events.size());
  }

  @Test
  void importAndExportSpeakCertspotterFiles() {
    AccountApiFixture.Response imported = f.send("POST", "/api/v1/watchlists/import?name=certspotter", f.aliceToken,
        "# from certspotter\n.Example.com\nwww.example.org valid_at:2025-01-01T00:00:00Z\n\n", "text/plain");

    assertEquals(201, imported.status(), imported.body());
    long id = imported.json().get("id").asLong();
    assertEquals("[\".example.com\",\"www.example.org\"]", imported.json().get("items").toString());
    AccountApiFixture.Response export = f.get("/api/v1/watchlists/" + id + "/export", f.aliceToken);
    assertEquals(200, export.status());
    assertTrue(export.raw().headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
    assertTrue(export.body().endsWith("\n.example.com\nwww.example.org\n"), export.body());

    AccountApiFixture.Response again = f.send("POST", "/api/v1/watchlists/import?name=certspotter", f.aliceToken,
        "new.example\n", "text/plain");
    assertEquals(200, again.status(), again.body());
    assertEquals(id, again.json().get("id").asLong());
    assertEquals(List.of("saved " + f.alice + " " + id, "saved " + f.alice + " " + id), f.listener.events);
  }

  @Test
  void anImportWithBadLinesReportsEachLineAndStoresNothing() {
    AccountApiFixture.Response r = f.send("POST", "/api/v1/watchlists/import", f.aliceToken,
        "ok.example\n*\n# comment\nexa mple.com\nok2.example foo:bar\n", "text/plain");

    assertEquals(400, r.status(), r.body());
    assertEquals("3 bad line(s) in the watch-list file; nothing was stored", r.error());
    List<Integer> lines = new ArrayList<>();
    r.json().get("lines").forEach(l -> lines.add(l.get("line").asInt()));
    assertEquals(List.of(2, 4, 5), lines);
    assertFalse(r.json().get("lines").get(0).get("error").asText().isEmpty());
    assertEquals(0, storedLists());
  }
}
