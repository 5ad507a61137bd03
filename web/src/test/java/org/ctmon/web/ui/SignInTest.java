package org.ctmon.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-in, sessions, cookies, throttling and CSRF over real HTTP. */
final class SignInTest {
  @RegisterExtension final UiFixture f = UiFixture.perTest();
  private HttpBrowser b;

  @BeforeEach
  void start() {
    b = new HttpBrowser(f);
  }

  private static String sessionCookie(HttpBrowser.Response r) {
    return r.setCookies().stream().filter(c -> c.startsWith("ctmon_session=")).findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + r.setCookies()));
  }

  @Test
  void theRightPasswordStartsASessionInAnHttpOnlySameSiteCookie() {
    HttpBrowser.Response r = b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);

    assertEquals(303, r.status(), r.body());
    assertEquals("/", r.location());
    String cookie = sessionCookie(r);
    assertTrue(cookie.contains("; HttpOnly"), cookie);
    assertTrue(cookie.contains("; SameSite=Lax"), cookie);
    assertTrue(cookie.contains("; Path=/"), cookie);
    assertTrue(cookie.contains("; Max-Age=43200"), cookie);
    assertFalse(cookie.contains("Secure"), "plain http: not Secure, or the browser would drop it: " + cookie);
    HttpBrowser.Response home = b.get("/");
    assertEquals(200, home.status());
    assertTrue(home.body().contains(UiFixture.ALICE), home.body());
    assertTrue(home.body().contains("Sign out"));
  }

  @Test
  void behindATlsProxyTheSessionCookieIsSecure() {
    HttpBrowser.Response r = b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD, Map.of("X-Forwarded-Proto", "https"));

    assertTrue(sessionCookie(r).contains("; Secure"), sessionCookie(r));
  }

  @Test
  void aWrongPasswordOrUnknownEmailStartsNoSessionAndSaysSo() {
    for (String[] attempt : new String[][] {{UiFixture.ALICE, "wrong"}, {"nobody@example.com", UiFixture.ALICE_PASSWORD},
        {"not an email", "x"}}) {
      HttpBrowser.Response r = b.signIn(attempt[0], attempt[1]);

      assertEquals(401, r.status());
      assertTrue(r.body().contains("wrong email or password"), r.body());
      assertFalse(b.cookies.containsKey("ctmon_session"));
    }
    assertEquals(303, b.get("/").status());
  }

  @Test
  void afterFiveFailuresEvenTheRightPasswordWaitsAndTheWaitGrows() {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, b.signIn(UiFixture.ALICE, "guess " + i).status());
    }
    HttpBrowser.Response locked = b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);
    assertEquals(429, locked.status());
    assertTrue(locked.body().contains("too many failed sign-ins for this email or from this address; try again in 30 s"),
        locked.body());
    assertFalse(b.cookies.containsKey("ctmon_session"));

    f.clock.advance(Duration.ofSeconds(31));
    assertEquals(401, b.signIn(UiFixture.ALICE, "guess 6").status()); // a sixth failure: now 60 s
    assertTrue(b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD).body().contains("try again in 60 s"));

    f.clock.advance(Duration.ofSeconds(61));
    assertEquals(303, b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD).status());
    // Bob, from another address in real life, is not held up by Alice's email count.
    HttpBrowser other = new HttpBrowser(f);
    assertEquals(303, other.signIn(UiFixture.BOB, UiFixture.BOB_PASSWORD).status());
  }

  @Test
  void signingInReplacesTheSessionIdAndEndsTheOldOne() {
    b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);
    String first = b.cookies.remove("ctmon_session");
    String csrf = b.get("/login").csrf();
    b.cookies.put("ctmon_session", first); // still sent when the next sign-in is posted

    b.post("/login", Map.of("csrf", csrf, "email", UiFixture.BOB, "password", UiFixture.BOB_PASSWORD));
    String second = b.cookies.get("ctmon_session");

    assertNotEquals(first, second);
    HttpBrowser old = new HttpBrowser(f);
    old.cookies.put("ctmon_session", first);
    assertEquals(303, old.get("/").status(), "the id from before sign-in must be dead");
    assertTrue(b.get("/").body().contains(UiFixture.BOB));
  }

  @Test
  void aPlantedSessionIdIsNeverTheSignedInOne() {
    b.cookies.put("ctmon_session", "attacker-chosen-id");
    b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);

    assertNotEquals("attacker-chosen-id", b.cookies.get("ctmon_session"));
  }

  @Test
  void sessionsExpireAfterTwelveHours() {
    b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);
    assertEquals(200, b.get("/").status());

    f.clock.advance(Duration.ofHours(12).plusSeconds(1));

    HttpBrowser.Response r = b.get("/watchlists");
    assertEquals(303, r.status());
    assertEquals("/login?next=%2Fwatchlists", r.location());
  }

  @Test
  void signingOutEndsTheSession() {
    b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);
    String id = b.cookies.get("ctmon_session");

    HttpBrowser.Response r = b.post("/logout", Map.of("csrf", b.csrfOf("/")));

    assertEquals(303, r.status());
    HttpBrowser replay = new HttpBrowser(f);
    replay.cookies.put("ctmon_session", id);
    assertEquals(303, replay.get("/").status());
  }

  @Test
  void postsWithoutTheRightCsrfTokenAreRefusedAndChangeNothing() {
    b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);
    Map<String, String> list = Map.of("name", "new", "items", ".new.example");

    HttpBrowser.Response missing = b.post("/watchlists", list);
    HttpBrowser.Response wrong = b.post("/watchlists", Map.of("name", "new", "items", ".new.example", "csrf", "x"));
    HttpBrowser.Response logout = b.post("/logout", Map.of());

    assertEquals(403, missing.status());
    assertEquals(403, wrong.status());
    assertEquals(403, logout.status());
    assertTrue(missing.body().contains("nothing was changed"), missing.body());
    assertFalse(b.get("/watchlists").body().contains(">new<"));
    assertTrue(f.saved.isEmpty());
    assertEquals(200, b.get("/").status(), "still signed in");
  }

  @Test
  void anotherSessionsTokenIsWrongToo() {
    HttpBrowser bob = new HttpBrowser(f);
    bob.signIn(UiFixture.BOB, UiFixture.BOB_PASSWORD);
    String bobsToken = bob.csrfOf("/");
    b.signIn(UiFixture.ALICE, UiFixture.ALICE_PASSWORD);

    assertEquals(403, b.post("/watchlists", Map.of("name", "n", "items", ".n.example", "csrf", bobsToken)).status());
  }

  @Test
  void theSignInFormHasItsOwnCsrfToken() {
    b.get("/login");
    HttpBrowser.Response r = b.post("/login", Map.of("email", UiFixture.ALICE, "password", UiFixture.ALICE_PASSWORD));

    assertEquals(403, r.status());
    assertFalse(b.cookies.containsKey("ctmon_session"));
  }

  @Test
  void pagesNeedSignInButSearchDoesNot() {
    for (String path : new String[] {"/", "/watchlists", "/watchlists/1", "/alerts"}) {
      HttpBrowser.Response r = b.get(path);
      assertEquals(303, r.status(), path);
      assertTrue(r.location().startsWith("/login?next="), r.location());
    }
    assertEquals(403, b.post("/watchlists", Map.of("name", "n", "items", ".n.example")).status());
    assertEquals(200, b.get("/search").status());
  }

  @Test
  void afterSignInTheVisitorGoesWhereTheyWereGoingButNeverOffSite() {
    String csrf = b.get("/login?next=%2Falerts").csrf();
    HttpBrowser.Response r = b.post("/login", Map.of("csrf", csrf, "email", UiFixture.ALICE, "password",
        UiFixture.ALICE_PASSWORD, "next", "/alerts"));
    assertEquals("/alerts", r.location());

    HttpBrowser other = new HttpBrowser(f);
    String c2 = other.get("/login").csrf();
    HttpBrowser.Response evil = other.post("/login", Map.of("csrf", c2, "email", UiFixture.BOB, "password",
        UiFixture.BOB_PASSWORD, "next", "//evil.example/"));
    assertEquals("/", evil.location());
  }
}
