package org.ctmon.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.store.log.LogStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin page over real HTTP: who sees it, accounts, resuming a stopped log, incident evidence. */
final class AdminPageTest {
  private static final Pattern EVIDENCE = Pattern.compile("<pre class=\"evidence\"><code>(.*?)</code></pre>",
      Pattern.DOTALL);
  private static final Pattern SECRET = Pattern.compile("<pre class=\"secret\"><code>([^<]*)</code></pre>");
  @TempDir Path dir;
  private AdminFixture f;
  private AdminFixture.Browser admin;

  @BeforeEach
  void start() {
    f = new AdminFixture(dir, true);
    admin = f.new Browser();
    admin.signIn(AdminFixture.ROOT, AdminFixture.ROOT_PASSWORD);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void aUserGetsNotFoundAndAnAnonymousVisitorIsSentToSignIn() {
    AdminFixture.Browser bob = f.new Browser();
    bob.signIn(AdminFixture.BOB, AdminFixture.BOB_PASSWORD);
    String csrf = bob.get("/admin").csrf(); // his session's token, from the 404 page's sign-out form

    AdminFixture.Browser.Response page = bob.get("/admin");
    AdminFixture.Browser.Response create = bob.post("/admin/accounts", Map.of("csrf", csrf, "email", "eve@example.com"));
    AdminFixture.Browser.Response resume = bob.post("/admin/logs/resume", Map.of("csrf", csrf,
        "log", AdminFixture.STOPPED_LOG.base64()));

    assertEquals(404, page.status());
    assertFalse(page.body().contains(AdminFixture.ROOT), page.body());
    assertEquals(404, create.status());
    assertEquals(404, resume.status());
    assertTrue(f.accounts.byEmail("eve@example.com").isEmpty());
    assertEquals(List.of(), f.resumed);
    AdminFixture.Browser.Response anonymous = f.new Browser().get("/admin");
    assertEquals(303, anonymous.status());
    assertEquals("/login?next=%2Fadmin", anonymous.location());
  }

  @Test
  void anAdministratorSeesAccountsLogsAndIncidents() {
    AdminFixture.Browser.Response r = admin.get("/admin");

    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains(AdminFixture.BOB), r.body());
    assertTrue(r.body().contains("Fine Log"));
    assertTrue(r.body().contains("split view"));
    assertEquals(1, count(r.body(), "action=\"/admin/logs/resume\""), "one stopped log, one resume button");
  }

  @Test
  void formsWithoutTheirCsrfTokenChangeNothing() {
    AdminFixture.Browser.Response create = admin.post("/admin/accounts", Map.of("email", "eve@example.com"));
    AdminFixture.Browser.Response disable = admin.post("/admin/accounts/" + f.bob + "/disable", Map.of("csrf", "x"));
    AdminFixture.Browser.Response resume = admin.post("/admin/logs/resume",
        Map.of("log", AdminFixture.STOPPED_LOG.base64()));

    assertEquals(403, create.status());
    assertEquals(403, disable.status());
    assertEquals(403, resume.status());
    assertTrue(f.accounts.byEmail("eve@example.com").isEmpty());
    assertFalse(f.accounts.byId(f.bob).orElseThrow().disabled());
    assertEquals(List.of(), f.resumed);
    assertEquals(LogStatus.STOPPED, f.logs.state(AdminFixture.STOPPED_LOG).orElseThrow().status());
  }

  @Test
  void aNewAccountsOneTimePasswordIsShownOnceAndSignsIn() {
    AdminFixture.Browser.Response r = admin.post("/admin/accounts", Map.of("csrf", admin.get("/admin").csrf(),
        "email", "Carol@Example.com", "admin", "on"));

    assertEquals(200, r.status(), r.body());
    Matcher m = SECRET.matcher(r.body());
    assertTrue(m.find(), r.body());
    String password = m.group(1);
    assertEquals(24, password.length());
    assertTrue(f.accounts.byEmail("carol@example.com").orElseThrow().admin());
    assertFalse(admin.get("/admin").body().contains(password));
    f.new Browser().signIn("carol@example.com", password);
  }

  @Test
  void aTakenOrHostileEmailCreatesNoAccountAndIsShownEscaped() {
    String csrf = admin.get("/admin").csrf();

    AdminFixture.Browser.Response taken = admin.post("/admin/accounts", Map.of("csrf", csrf, "email", AdminFixture.BOB));
    AdminFixture.Browser.Response hostile = admin.post("/admin/accounts", Map.of("csrf", csrf,
        "email", "<img src=x onerror=alert(1)>@example.com"));

    assertEquals(409, taken.status());
    assertTrue(taken.body().contains("an account bob@example.com exists already; no account was created"),
        taken.body());
    assertEquals(400, hostile.status());
    assertFalse(hostile.body().contains("<img"), hostile.body());
    assertTrue(hostile.body().contains("&lt;img"), hostile.body());
    assertEquals(2, f.accounts.count());
  }

  @Test
  void aDisabledAccountsSessionStopsWorkingUntilItIsEnabled() {
    AdminFixture.Browser bob = f.new Browser();
    bob.signIn(AdminFixture.BOB, AdminFixture.BOB_PASSWORD);
    String csrf = admin.get("/admin").csrf();

    AdminFixture.Browser.Response disabled = admin.post("/admin/accounts/" + f.bob + "/disable", Map.of("csrf", csrf));

    assertEquals(200, disabled.status(), disabled.body());
    assertTrue(disabled.body().contains("bob@example.com is disabled"), disabled.body());
    assertTrue(f.accounts.byId(f.bob).orElseThrow().disabled());
    assertEquals(303, bob.get("/admin").status());

    admin.post("/admin/accounts/" + f.bob + "/enable", Map.of("csrf", csrf));

    assertFalse(f.accounts.byId(f.bob).orElseThrow().disabled());
    assertEquals(303, bob.get("/admin").status(), "the session ended when the account was disabled");
    bob.signIn(AdminFixture.BOB, AdminFixture.BOB_PASSWORD);
    assertEquals(404, admin.post("/admin/accounts/999/disable", Map.of("csrf", csrf)).status());
    assertEquals(404, admin.post("/admin/accounts/x/disable", Map.of("csrf", csrf)).status());
  }

  @Test
  void theLastAdministratorCannotDisableThemself() {
    AdminFixture.Browser.Response r = admin.post("/admin/accounts/" + f.root + "/disable",
        Map.of("csrf", admin.get("/admin").csrf()));

    assertEquals(409, r.status());
    assertTrue(r.body().contains("root@example.com is the last enabled administrator and stays enabled"), r.body());
    assertFalse(f.accounts.byId(f.root).orElseThrow().disabled());
    assertEquals(200, admin.get("/admin").status());
  }

  @Test
  void resumingAStoppedLogSetsItOkAndTellsTheFollower() {
    String csrf = admin.get("/admin").csrf();

    AdminFixture.Browser.Response r = admin.post("/admin/logs/resume",
        Map.of("csrf", csrf, "log", AdminFixture.STOPPED_LOG.base64()));

    assertEquals(200, r.status(), r.body());
    assertTrue(r.body().contains("will be followed again from entry 0"), r.body());
    assertEquals(List.of(AdminFixture.STOPPED_LOG), f.resumed);
    assertEquals(LogStatus.OK, f.logs.state(AdminFixture.STOPPED_LOG).orElseThrow().status());
    assertEquals(0, count(r.body(), "action=\"/admin/logs/resume\""));
    assertEquals(1, f.logs.incidentCount(AdminFixture.STOPPED_LOG), "the evidence stays on record");

    AdminFixture.Browser.Response again = admin.post("/admin/logs/resume",
        Map.of("csrf", csrf, "log", AdminFixture.STOPPED_LOG.base64()));
    AdminFixture.Browser.Response fine = admin.post("/admin/logs/resume",
        Map.of("csrf", csrf, "log", AdminFixture.OK_LOG.base64()));
    AdminFixture.Browser.Response unknown = admin.post("/admin/logs/resume",
        Map.of("csrf", csrf, "log", UiFixture.sha("nobody").base64()));
    AdminFixture.Browser.Response garbage = admin.post("/admin/logs/resume", Map.of("csrf", csrf, "log", "<x>"));

    assertTrue(again.body().contains("is not stopped (ok); nothing to do."), again.body());
    assertTrue(fine.body().contains("Fine Log is not stopped (ok); nothing to do."), fine.body());
    assertEquals(404, unknown.status());
    assertEquals(404, garbage.status());
    assertEquals(List.of(AdminFixture.STOPPED_LOG), f.resumed);
  }

  @Test
  void aLogTurnedOffIsStoredShownAndTheFollowersAreTold() {
    String csrf = admin.get("/admin").csrf();
    String log = AdminFixture.OK_LOG.base64();

    AdminFixture.Browser.Response off = admin.post("/admin/logs/enabled", Map.of("csrf", csrf, "log", log,
        "enabled", "false"));

    assertEquals(200, off.status(), off.body());
    assertTrue(off.body().contains("Fine Log is turned off"), off.body());
    assertEquals(java.util.Set.of(AdminFixture.OK_LOG), f.logs.disabled());
    assertEquals(List.of(log + " off"), f.switched);
    assertTrue(off.body().contains(">Turn on</button>"), "the row offers to turn it on again");
    assertEquals(200, admin.post("/admin/logs/enabled", Map.of("csrf", csrf, "log", log, "enabled", "true")).status());
    assertEquals(java.util.Set.of(), f.logs.disabled());
  }

  @Test
  void switchingALogRefusesBadInputForgedFormsAndUsers() {
    String csrf = admin.get("/admin").csrf();
    String log = AdminFixture.OK_LOG.base64();
    assertEquals(400, admin.post("/admin/logs/enabled", Map.of("csrf", csrf, "log", log, "enabled", "<b>")).status());
    assertEquals(404, admin.post("/admin/logs/enabled", Map.of("csrf", csrf, "log", "<x>", "enabled", "false"))
        .status());
    assertEquals(403, admin.post("/admin/logs/enabled", Map.of("log", log, "enabled", "false")).status());
    AdminFixture.Browser bob = f.new Browser();
    bob.signIn(AdminFixture.BOB, AdminFixture.BOB_PASSWORD);
    String bobs = bob.get("/admin").csrf();
    assertEquals(404, bob.post("/admin/logs/enabled", Map.of("csrf", bobs, "log", log, "enabled", "false")).status());
    assertEquals(java.util.Set.of(), f.logs.disabled());
    assertEquals(List.of(), f.switched);
  }

  @Test
  void incidentEvidenceIsShownEscapedAndAsTheApiGivesIt() throws Exception {
    String body = admin.get("/admin").body();

    assertFalse(body.contains(AdminFixture.HOSTILE), "hostile markup from a log is escaped");
    assertTrue(body.contains("&lt;script&gt;"));
    Matcher m = EVIDENCE.matcher(body);
    assertTrue(m.find(), body);
    ObjectMapper json = new ObjectMapper();
    JsonNode shown = json.readTree(unescape(m.group(1)));
    JsonNode api = json.readTree(f.new Browser().get("/api/v1/incidents").body()).get("incidents").get(0);
    assertEquals(api, shown);
    assertTrue(shown.get("head_a").get("checkpoint").asText().contains(AdminFixture.HOSTILE));
    assertTrue(shown.get("head_b").get("checkpoint").asText().startsWith("static.example/log\n10\n"));
    assertFalse(shown.get("head_a").equals(shown.get("head_b")));
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
