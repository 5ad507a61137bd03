package org.ctmon.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.alerts.stored.Authorizations;
import org.ctmon.alerts.stored.Matches;
import org.ctmon.alerts.watch.MatchFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The alerts page's filters, an alert's detail, acknowledge and authorize, over real HTTP. */
final class TriagePagesTest {
  @RegisterExtension final UiFixture f = UiFixture.perTest();
  private HttpBrowser alice;
  private HttpBrowser bob;
  private long match;

  @BeforeEach
  void start() {
    alice = f.signedIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);
    bob = f.signedIn(UiFixture.BOB, UiFixture.BOB_PASSWORD);
    match = new Matches(f.store.jdbi()).list(f.alice, MatchFilter.ALL, Optional.empty(), 1).items().get(0).id();
  }

  private boolean listed(String query) {
    HttpBrowser.Response r = alice.get("/alerts?" + query);
    assertEquals(200, r.status(), r.body());
    return r.body().contains("www.shop.example");
  }

  @Test
  void filtersKeepOnlyTheAlertsAsked() {
    assertTrue(listed("verdict=unexpected"));
    assertFalse(listed("verdict=lookalike"));
    assertTrue(listed("delivery=none"), "no channel: nothing was sent");
    assertFalse(listed("delivery=dead"));
    assertTrue(listed("acknowledged=false"));
    assertFalse(listed("acknowledged=true"));
    assertTrue(listed("watchlist=" + f.aliceList + "&verdict=unexpected&delivery=none&acknowledged=false"));
    assertTrue(alice.get("/alerts?verdict=lookalike").body().contains("No alert passes these filters."));
    assertTrue(alice.get("/alerts?verdict=unexpected").body().contains("<option value=\"unexpected\" selected>"));
  }

  @Test
  void hostileFilterValuesAreA400ThatSaysWhichAndEchoesNothing() {
    for (String q : new String[] {"verdict=%3Cscript%3Ealert(1)%3C/script%3E", "delivery=%22%3E%3Cb%3E", "acknowledged=1"}) {
      HttpBrowser.Response r = alice.get("/alerts?" + q);
      assertEquals(400, r.status(), q);
      assertTrue(r.body().contains(q.substring(0, q.indexOf('=')) + " must be"), r.body());
      assertFalse(r.body().contains("<script>alert(1)") || r.body().contains("\"><b>"), r.body());
    }
    assertEquals(404, alice.get("/alerts?watchlist=%3Cscript%3E").status());
    assertEquals(404, alice.get("/alerts?cursor=%3Cscript%3E").status());
  }

  @Test
  void anAlertsDetailSaysWhatWhyWhereAndWhatWasSent() {
    String page = alice.get("/alerts/" + match).body();

    assertTrue(page.contains("www.shop.example") && page.contains("pay.shop.example"), page);
    assertTrue(page.contains("issuer Evil CA is not expected"));
    assertTrue(page.contains("&lt;script&gt;alert(") && !page.contains("<script>alert"),
        "the hostile issuer is text");
    assertTrue(page.contains("2026-01-01 00:00 UTC to 2026-04-01 00:00 UTC"), "validity");
    assertTrue(page.contains("Test Log") && page.contains("certificate"), "the log entry");
    assertTrue(page.contains("href=\"/certs/" + UiFixture.sha("tbs www").hex() + "\""), "the certificate page");
    assertTrue(page.contains("Nothing was sent for this certificate"), page);
  }

  @Test
  void acknowledgingIsStoredShownAndFilterableWithOrWithoutHtmx() {
    String csrf = alice.csrfOf("/alerts/" + match);
    HttpBrowser.Response plain = alice.post("/alerts/" + match + "/acknowledge",
        Map.of("csrf", csrf, "acknowledged", "true", "next", "/alerts?verdict=unexpected"));
    assertEquals(303, plain.status());
    assertEquals("/alerts?verdict=unexpected", plain.location());
    assertTrue(new Matches(f.store.jdbi()).get(f.alice, match).orElseThrow().acknowledgedAt().isPresent());
    assertTrue(listed("acknowledged=true"));
    assertTrue(alice.get("/alerts/" + match).body().contains("✓ acknowledged"));

    HttpBrowser.Response fragment = alice.post("/alerts/" + match + "/acknowledge",
        Map.of("csrf", csrf, "acknowledged", "false"), Map.of("HX-Request", "true"));
    assertEquals(200, fragment.status());
    assertTrue(fragment.body().startsWith("<form") && fragment.body().contains(">Acknowledge</button>"),
        "htmx gets the button alone: " + fragment.body());
    assertFalse(listed("acknowledged=true"));
  }

  @Test
  void withoutTheFormTokenNothingIsAcknowledgedOrAuthorized() {
    assertEquals(403, alice.post("/alerts/" + match + "/acknowledge", Map.of("acknowledged", "true")).status());
    assertEquals(403, alice.post("/alerts/" + match + "/authorize", Map.of("csrf", "forged")).status());
    assertTrue(new Matches(f.store.jdbi()).get(f.alice, match).orElseThrow().acknowledgedAt().isEmpty());
    assertEquals(List.of(), new Authorizations(f.store.jdbi(), f.clock).list(f.alice));
    String csrf = alice.csrfOf("/alerts/" + match);
    assertEquals(400, alice.post("/alerts/" + match + "/acknowledge", Map.of("csrf", csrf, "acknowledged", "yes"))
        .status());
  }

  @Test
  void anotherAccountsAlertIsNotFoundAndCannotBeTouched() {
    String csrf = bob.csrfOf("/alerts");
    assertEquals(404, bob.get("/alerts/" + match).status());
    assertFalse(bob.get("/alerts/" + match).body().contains("shop.example"));
    assertEquals(404, bob.post("/alerts/" + match + "/acknowledge", Map.of("csrf", csrf, "acknowledged", "true"))
        .status());
    assertEquals(404, bob.post("/alerts/" + match + "/authorize", Map.of("csrf", csrf)).status());
    assertTrue(new Matches(f.store.jdbi()).get(f.alice, match).orElseThrow().acknowledgedAt().isEmpty());
    assertEquals(List.of(), new Authorizations(f.store.jdbi(), f.clock).list(f.bob));
    assertEquals(404, alice.get("/alerts/abc").status());
  }

  @Test
  void authorizingFromTheAlertMarksTheCertificateAsTheAccountsOwn() {
    String csrf = alice.csrfOf("/alerts/" + match);
    HttpBrowser.Response r = alice.post("/alerts/" + match + "/authorize", Map.of("csrf", csrf));

    assertEquals(303, r.status());
    var auths = new Authorizations(f.store.jdbi(), f.clock).list(f.alice);
    assertEquals(1, auths.size());
    assertEquals(UiFixture.sha("tbs www"), auths.get(0).hash());
    String page = alice.get("/alerts/" + match).body();
    assertTrue(page.contains("badge ok\">authorized"), page);
    Matcher form = Pattern.compile("action=\"/alerts/[0-9]+/authorize\"").matcher(page);
    assertFalse(form.find(), "no second authorize button");
  }
}
