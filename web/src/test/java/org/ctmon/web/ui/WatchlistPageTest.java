package org.ctmon.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ctmon.alerts.stored.Watchlists;
import org.ctmon.alerts.watch.WatchlistSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One watch list's page: edit, delete, test a name, certspotter upload and download, the issuers chart. */
final class WatchlistPageTest {
  @RegisterExtension final UiFixture f = UiFixture.perTest();
  private HttpBrowser alice;
  private HttpBrowser bob;
  private String page;

  @BeforeEach
  void start() {
    alice = f.signedIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);
    bob = f.signedIn(UiFixture.BOB, UiFixture.BOB_PASSWORD);
    page = "/watchlists/" + f.aliceList;
  }

  private WatchlistSpec stored() {
    return new Watchlists(f.store.jdbi(), f.clock).get(f.alice, f.aliceList).orElseThrow().spec();
  }

  @Test
  void anEditSavesEveryFieldAndTellsTheMatcher() {
    HttpBrowser.Response r = alice.post(page, Map.of("csrf", alice.csrfOf(page), "name", "shop renamed",
        "items", ".shop.example\nwww.shop.org", "expected_issuers", "letsencrypt.org\nsha256:" + "AB".repeat(32),
        "known_keys", "cd".repeat(32), "never_issue", "internal.shop.example", "lookalikes", "on",
        "alert_history", "on"));

    assertEquals(303, r.status(), r.body());
    assertEquals(page + "?saved=edited", r.location());
    assertEquals(new WatchlistSpec("shop renamed", List.of(".shop.example", "www.shop.org"),
        List.of("letsencrypt.org", "sha256:" + "ab".repeat(32)), List.of("cd".repeat(32)), true,
        List.of("internal.shop.example"), true), stored());
    assertEquals(List.of(f.alice + " " + f.aliceList), f.saved);
    String shown = alice.get(r.location()).body();
    assertTrue(shown.contains("Saved. The matcher uses the new version now"), shown);
    assertTrue(shown.contains(">internal.shop.example</textarea>") && shown.contains("name=\"alert_history\" value=\"on\" checked"));
  }

  @Test
  void aBadEditStoresNothingAndSaysWhere() {
    WatchlistSpec before = stored();
    HttpBrowser.Response r = alice.post(page, Map.of("csrf", alice.csrfOf(page), "name", "<b>x</b>",
        "items", ".shop.example", "never_issue", "ok.example\nbad..name\n", "known_keys", "not hex"));

    assertEquals(400, r.status());
    assertTrue(r.body().contains("nothing was changed"));
    assertTrue(r.body().contains("<p class=\"field-error\">line 2: "), r.body());
    assertTrue(r.body().contains("value=\"&lt;b>x&lt;/b>\"") && !r.body().contains("<b>x"), "the name as typed, escaped");
    assertEquals(before, stored());
    assertTrue(f.saved.isEmpty());
    assertEquals(403, alice.post(page, Map.of("name", "no token", "items", ".x.example")).status());
    assertEquals(before, stored());
  }

  @Test
  void testANameSaysWhichItemsMatchAndWhyInThePageOrAsAnHtmxFragment() {
    String full = alice.get(page + "/test?name=pay.shop.example").body();
    assertTrue(full.contains("<strong>pay.shop.example</strong> is watched by this list."), full);
    assertTrue(full.contains("it is under shop.example"));
    assertTrue(full.contains("<h2 id=\"edit\">"), "the whole page without JavaScript");

    HttpBrowser.Response fragment = alice.get(page + "/test?name=example.org", Map.of("HX-Request", "true"));
    assertEquals(200, fragment.status());
    assertTrue(fragment.body().startsWith("<div id=\"test-result\""), fragment.body());
    assertTrue(fragment.body().contains("is not watched by this list"));

    HttpBrowser.Response hostile = alice.get(page + "/test?name=%3Cscript%3Ea%20b");
    assertEquals(400, hostile.status());
    assertFalse(hostile.body().contains("<script>a"), hostile.body());
    assertTrue(hostile.body().contains("name must be a DNS name"));
  }

  @Test
  void aCertspotterFileIsUploadedIntoANewListAndDownloadedBack() {
    String csrf = alice.csrfOf("/watchlists");
    HttpBrowser.Response r = alice.upload("/watchlists/import", Map.of("csrf", csrf, "name", "old certspotter"),
        "watchlist.txt", "# mine\n.bank.example\nvpn.bank.org\n192.0.2.0/24\n".getBytes(StandardCharsets.UTF_8));

    assertEquals(303, r.status(), r.body());
    assertTrue(r.location().endsWith("?saved=imported"), r.location());
    String id = r.location().substring("/watchlists/".length(), r.location().indexOf('?'));
    HttpBrowser.Response file = alice.get("/watchlists/" + id + "/export");
    assertEquals(200, file.status());
    assertTrue(file.raw().headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
    assertEquals(List.of(".bank.example", "vpn.bank.org", "192.0.2.0/24"),
        file.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
    assertEquals(404, bob.get("/watchlists/" + id + "/export").status());
  }

  @Test
  void aFileWithABadLineOrNoTokenStoresNothing() {
    String csrf = alice.csrfOf("/watchlists");
    HttpBrowser.Response bad = alice.upload("/watchlists/import", Map.of("csrf", csrf, "name", "broken"),
        "w.txt", ".ok.example\n<script>..\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, bad.status());
    assertTrue(bad.body().contains("line 2: "), bad.body());
    assertFalse(bad.body().contains("<script>.."), "the bad line is never echoed as markup");
    HttpBrowser.Response binary = alice.upload("/watchlists/import", Map.of("csrf", csrf, "name", "binary"),
        "w.bin", new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
    assertEquals(400, binary.status());
    assertTrue(binary.body().contains("not UTF-8"), binary.body());
    assertEquals(403, alice.upload("/watchlists/import", Map.of("name", "forged"), "w.txt",
        ".x.example\n".getBytes(StandardCharsets.UTF_8)).status());
    assertEquals(1, new Watchlists(f.store.jdbi(), f.clock).list(f.alice).size());
  }

  @Test
  void anotherAccountsListCannotBeSeenTestedEditedOrDeleted() {
    String csrf = bob.csrfOf("/watchlists");
    WatchlistSpec before = stored();
    assertEquals(404, bob.get(page + "/test?name=www.shop.example").status());
    assertEquals(404, bob.post(page, Map.of("csrf", csrf, "name", "mine now", "items", ".shop.example")).status());
    assertEquals(404, bob.post(page + "/delete", Map.of("csrf", csrf)).status());
    assertEquals(before, stored());
  }

  @Test
  void deletingRemovesTheListAndTellsTheMatcher() {
    assertEquals(403, alice.post(page + "/delete", Map.of()).status());
    HttpBrowser.Response r = alice.post(page + "/delete", Map.of("csrf", alice.csrfOf(page)));

    assertEquals(303, r.status());
    assertTrue(new Watchlists(f.store.jdbi(), f.clock).get(f.alice, f.aliceList).isEmpty());
    assertEquals(404, alice.get(page).status());
  }

  @Test
  void theIssuersChartCountsTheListsMatchesAndKeepsIssuerNamesAsText() {
    String shown = alice.get(page).body();

    assertTrue(shown.contains("<rect "), "one bar for the match");
    assertTrue(shown.contains("&lt;script&gt;alert(") && !shown.contains("<script>alert"), "issuer as text");
    assertTrue(shown.contains("1 matched certificates by 1 issuer(s)"), shown);
  }
}
