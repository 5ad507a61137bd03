package org.ctmon.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-start setup link over real HTTP: once, for an hour, only while no account exists. */
final class FirstAdminSetupTest {
  private static final String PASSWORD = "correct horse battery";
  @TempDir Path dir;
  private AdminFixture f;
  private String path;

  @BeforeEach
  void start() {
    f = new AdminFixture(dir, false);
    String url = FirstAdminSetup.offer(f.store.jdbi(), f.clock, f.url("/")).orElseThrow();
    assertTrue(url.startsWith(f.url("/setup/")), url);
    path = url.substring(f.url("").length());
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private AdminFixture.Browser.Response submit(AdminFixture.Browser b, String email, String password, String confirm) {
    String csrf = b.get(path).csrf();
    return b.post(path, Map.of("csrf", csrf, "email", email, "password", password, "confirm", confirm));
  }

  @Test
  void theLinkMakesTheFirstAdministratorAndSignsThemIn() {
    AdminFixture.Browser b = f.new Browser();

    AdminFixture.Browser.Response r = submit(b, "Root@Example.com", PASSWORD, PASSWORD);

    assertEquals(303, r.status(), r.body());
    assertEquals("/admin", r.location());
    AdminFixture.Browser.Response admin = b.get("/admin");
    assertEquals(200, admin.status(), admin.body());
    assertTrue(admin.body().contains("root@example.com"));
    assertTrue(f.accounts.byEmail("root@example.com").orElseThrow().admin());
    f.new Browser().signIn("root@example.com", PASSWORD);
  }

  @Test
  void theLinkWorksOnce() {
    submit(f.new Browser(), "root@example.com", PASSWORD, PASSWORD);
    AdminFixture.Browser other = f.new Browser();

    AdminFixture.Browser.Response form = other.get(path);
    AdminFixture.Browser.Response post = other.post(path, Map.of("csrf", other.get("/login").csrf(),
        "email", "eve@example.com", "password", PASSWORD, "confirm", PASSWORD));

    assertEquals(404, form.status());
    assertTrue(form.body().contains("This setup link is used, expired, or no longer needed"), form.body());
    assertEquals(404, post.status());
    assertEquals(1, f.accounts.count());
  }

  @Test
  void theLinkExpiresAfterAnHour() {
    AdminFixture.Browser b = f.new Browser();
    String csrf = b.get(path).csrf();
    f.clock.advance(Duration.ofMinutes(61));

    AdminFixture.Browser.Response post = b.post(path, Map.of("csrf", csrf, "email", "root@example.com",
        "password", PASSWORD, "confirm", PASSWORD));

    assertEquals(404, post.status());
    assertEquals(404, b.get(path).status());
    assertEquals(0, f.accounts.count());
  }

  @Test
  void onceAnyAccountExistsTheLinkIsRefusedAndNoNewOneIsOffered() {
    f.accounts.create("bob@example.com", "bob password", false); // ctmon user add, say

    assertEquals(404, f.new Browser().get(path).status());
    assertEquals(Optional.empty(), FirstAdminSetup.offer(f.store.jdbi(), f.clock, f.url("")));
  }

  @Test
  void theTokenIsStoredOnlyAsItsHash() {
    String token = path.substring("/setup/".length());

    List<byte[]> rows = f.store.jdbi().withHandle(h -> h.createQuery("SELECT token_sha256 FROM setup_tokens")
        .mapTo(byte[].class).list());

    assertEquals(1, rows.size());
    assertEquals(Sha256.of(token.getBytes(StandardCharsets.UTF_8)), Sha256.wrap(rows.get(0)));
  }

  @Test
  void aBadEmailAShortPasswordOrAMismatchIsRefusedAndTheLinkStillWorks() {
    AdminFixture.Browser b = f.new Browser();

    AdminFixture.Browser.Response email = submit(b, "<b>not an email</b>", PASSWORD, PASSWORD);
    AdminFixture.Browser.Response shortPassword = submit(b, "root@example.com", "short", "short");
    AdminFixture.Browser.Response mismatch = submit(b, "root@example.com", PASSWORD, PASSWORD + "!");

    assertEquals(400, email.status());
    assertFalse(email.body().contains("<b>not"), email.body());
    assertEquals(400, shortPassword.status());
    assertTrue(shortPassword.body().contains("the password must be 12 to 1024 characters long"));
    assertEquals(400, mismatch.status());
    assertTrue(mismatch.body().contains("the two passwords differ"));
    assertEquals(0, f.accounts.count());
    assertEquals(303, submit(b, "root@example.com", PASSWORD, PASSWORD).status());
  }

  @Test
  void withoutTheFormsCsrfTokenNothingIsCreated() {
    AdminFixture.Browser b = f.new Browser();
    b.get(path);

    AdminFixture.Browser.Response r = b.post(path, Map.of("email", "root@example.com", "password", PASSWORD,
        "confirm", PASSWORD));

    assertEquals(403, r.status());
    assertEquals(0, f.accounts.count());
    assertEquals(200, b.get(path).status());
  }
}
