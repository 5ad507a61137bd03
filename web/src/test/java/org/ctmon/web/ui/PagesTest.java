package org.ctmon.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pages over real HTTP: what they show, to whom, and that hostile text stays text. */
final class PagesTest {
  @RegisterExtension final UiFixture f = UiFixture.perTest();
  private HttpBrowser alice;
  private HttpBrowser bob;

  @BeforeEach
  void start() {
    alice = f.signedIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);
    bob = f.signedIn(UiFixture.BOB, UiFixture.BOB_PASSWORD);
  }

  @Test
  void theDashboardShowsEachLogWithItsSizeLagAndStatus() {
    String page = alice.get("/").body();

    assertTrue(page.contains("Google &#39;Argon2027h1&#39;") || page.contains("Google 'Argon2027h1'"), page);
    assertTrue(page.contains("400\u202f000\u202f010"), "tree size");
    assertTrue(page.contains("42 s"), "verified head age");
    assertTrue(page.contains("backing off, retry in 60 s"), page);
    assertTrue(page.contains("error fetching checkpoint from https://storage.googleapis.com/parcelyard2026h2/: HTTP 503"));
    assertTrue(page.contains("rfc6962") && page.contains("static"));
  }

  @Test
  void theDashboardShowsTodaysFiguresPaceAndChartsOfTheLastDay() {
    String page = alice.get("/").body();

    assertTrue(page.contains("1\u202f235/s</span><span class=\"label\">ingest now"), page);
    assertTrue(page.contains("<span class=\"figure\">1</span><span class=\"label\">issuances today"), page);
    assertTrue(page.contains("256 per page · 3 in flight · 9.5 req/s"), "pace");
    assertEquals(2, page.split("<polyline ", -1).length - 1, "a lag and an ingest line");
    assertTrue(page.contains("entries stored per second: now "), page);
    assertTrue(page.contains("7 in a row"), "failures in a row");
  }

  @Test
  void aLogTurnedOffIsListedAsOff() {
    new org.ctmon.store.log.Logs(f.store.jdbi(), f.clock).setEnabled(UiFixture.sha("log"), false);

    String page = alice.get("/").body();

    assertTrue(page.contains("Test Log") && page.contains("turned off by an administrator"), page);
    assertTrue(page.contains("1 off"), page);
  }

  @Test
  void aWatchListIsCreatedFromTheFormListedAndTheMatcherIsTold() {
    String csrf = alice.csrfOf("/watchlists");
    HttpBrowser.Response r = alice.post("/watchlists", Map.of("csrf", csrf, "name", "bank",
        "items", ".mybank.example\n# payments\n.mybank-payments.example\n", "expected_issuers", "letsencrypt.org"));

    assertEquals(303, r.status(), r.body());
    String id = r.location().substring("/watchlists/".length(), r.location().indexOf('?'));
    assertEquals(f.alice + " " + id, f.saved.get(0));
    String one = alice.get(r.location()).body();
    assertTrue(one.contains("mybank-payments.example") && one.contains("letsencrypt.org"), one);
    String list = alice.get("/watchlists").body();
    assertTrue(list.contains(">bank</a>"), list);
  }

  @Test
  void aBadItemIsShownNextToItsFieldAndNothingIsStored() {
    String csrf = alice.csrfOf("/watchlists");
    HttpBrowser.Response r = alice.post("/watchlists", Map.of("csrf", csrf, "name", "broken",
        "items", ".ok.example\nexa mple..com\n", "expected_issuers", "not a ca domain!"));

    assertEquals(400, r.status());
    assertTrue(r.body().contains("nothing was stored"));
    assertTrue(r.body().contains("<p class=\"field-error\">line 2: "), r.body());
    assertTrue(r.body().contains("exa mple..com"), "the text as typed stays in the form");
    assertFalse(alice.get("/watchlists").body().contains(">broken</a>"));
    assertTrue(f.saved.isEmpty());
  }

  @Test
  void aTakenNameIsAnErrorOnTheNameField() {
    String csrf = alice.csrfOf("/watchlists");
    HttpBrowser.Response r = alice.post("/watchlists", Map.of("csrf", csrf, "name", "shop", "items", ".x.example"));

    assertEquals(400, r.status());
    assertTrue(r.body().contains("you have a watch list with this name already"), r.body());
  }

  @Test
  void hostileTextIsShownAsText() {
    String script = "<script>alert(1)</script>";
    String csrf = alice.csrfOf("/watchlists");
    HttpBrowser.Response r = alice.post("/watchlists", Map.of("csrf", csrf, "name", script, "items", ".evil.example"));
    assertEquals(303, r.status());

    for (String page : new String[] {alice.get("/watchlists").body(), alice.get(r.location()).body(),
        alice.get("/alerts").body(), alice.get("/search?q=" + "%3Cscript%3E").body(),
        alice.get("/search?q=.shop.example").body()}) {
      assertFalse(page.contains("<script>"), page);
    }
    assertTrue(alice.get("/watchlists").body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    String alerts = alice.get("/alerts").body();
    assertTrue(alerts.contains("&lt;script&gt;alert("), alerts);
    HttpBrowser.Response bad = alice.get("/search?q=%22%3E%3Cscript%3E");
    assertFalse(bad.body().contains("<script>"), bad.body());
    assertTrue(bad.body().contains("value=\"&#34;>&lt;script>\""), bad.body()); // in its box, quote escaped
    HttpBrowser.Response notAName = alice.get("/search?q=a%20b%3Cb%3E");
    assertEquals(400, notAName.status());
    assertFalse(notAName.body().contains("<b>"));
  }

  @Test
  void anotherAccountsWatchListAndAlertsAreNotFound() {
    HttpBrowser.Response list = bob.get("/watchlists/" + f.aliceList);
    HttpBrowser.Response alerts = bob.get("/alerts?watchlist=" + f.aliceList);

    assertEquals(404, list.status());
    assertEquals(404, alerts.status());
    assertFalse(list.body().contains("shop"));
    assertFalse(bob.get("/watchlists").body().contains(">shop</a>"));
    assertFalse(bob.get("/alerts").body().contains("www.shop.example"));
    assertEquals(200, alice.get("/watchlists/" + f.aliceList).status());
  }

  @Test
  void alertsShowNamesVerdictReasonsIssuerAndWhen() {
    String page = alice.get("/alerts").body();

    assertTrue(page.contains("www.shop.example, pay.shop.example"), page);
    assertTrue(page.contains("unexpected"));
    assertTrue(page.contains("issuer Evil CA is not expected"));
    assertTrue(page.contains("2026-01-02 00:00 UTC"));
    assertTrue(page.contains(">shop<"), "the watch list");
    assertTrue(page.matches("(?s).*href=\"/alerts/[0-9]+\".*"), "links to the alert's detail");
    assertTrue(alice.get("/alerts?watchlist=" + f.aliceList).body().contains("Alerts <span class=\"muted\">of shop</span>"));
  }

  @Test
  void searchIsPublicAndFindsByNameWithSubdomains() {
    HttpBrowser anonymous = new HttpBrowser(f);
    HttpBrowser.Response r = anonymous.get("/search?q=.shop.example");

    assertEquals(200, r.status());
    assertTrue(r.body().contains("www.shop.example"), r.body());
    assertTrue(r.body().contains("/api/v1/certs/" + UiFixture.sha("tbs www").hex()));
    assertTrue(r.body().contains("Sign in"));
    assertTrue(anonymous.get("/search?q=nothing.example").body().contains("Nothing found"));
  }

  @Test
  void pagesAreNotCachedAndCannotBeFramed() {
    HttpBrowser.Response r = alice.get("/watchlists");

    assertEquals("no-store", r.raw().headers().firstValue("Cache-Control").orElse(""));
    assertTrue(r.raw().headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    assertEquals(200, alice.get("/static/ctmon.css").status());
  }
}
