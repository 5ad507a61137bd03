package org.ctmon.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.ctmon.alerts.delivery.DeliveryBackoff;
import org.ctmon.alerts.delivery.OutboxDelivery;
import org.ctmon.alerts.email.EmailSender;
import org.ctmon.alerts.email.SmtpSettings;
import org.ctmon.alerts.stored.EmailRecipients;
import org.ctmon.alerts.stored.Outbox;
import org.ctmon.alerts.stored.Webhooks;
import org.ctmon.alerts.webhook.WebhookSender;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.store.account.Sessions;
import org.ctmon.testlog.ManualClock;
import org.ctmon.web.serve.WebServer;
import org.ctmon.web.api.TestDelivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings page over real HTTP, on an H2 file, with test alerts sent for real: webhooks to an
 * HTTP server on 127.0.0.1, mail to GreenMail.
 */
final class SettingsPageTest {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

  private static final String ALICE = "alice@example.com";
  private static final String BOB = "bob@example.com";
  private static final String PASSWORD = "a long password";
  private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([^<]+)</code>");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-02T00:00:00Z"));
  private final List<String> received = Collections.synchronizedList(new ArrayList<>());
  private volatile int receiverStatus = 204;
  private Store store;
  private WebServer web;
  private HttpServer receiver;
  private long alice;
  private long bob;

  @AfterEach
  void stop() {
    if (web != null) {
      web.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
    if (store != null) {
      store.close();
    }
  }

  /** The server with the settings page registered as WebUi registers pages. */
  private void start(boolean allowPrivateTargets) throws Exception {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    SecureRandom random = new SecureRandom();
    Accounts accounts = new Accounts(store.jdbi(), clock, random);
    alice = accounts.create(ALICE, PASSWORD, false);
    bob = accounts.create(BOB, PASSWORD, false);
    WebhookTargetPolicy policy = new WebhookTargetPolicy(allowPrivateTargets);
    DeliveryBackoff backoff = new DeliveryBackoff(clock, new SplittableRandom(1));
    OutboxDelivery delivery = new OutboxDelivery(new Outbox(store.jdbi(), clock), new Webhooks(store.jdbi(), clock),
        new WebhookSender(new OkHttpClient(), policy, backoff, clock, "ctmon-test (test@example.com)"),
        Optional.of(new EmailSender(SmtpSettings.of("127.0.0.1", MAIL.getSmtp().getPort(), SmtpSettings.Security.NONE,
            Optional.empty(), Optional.empty(), "ctmon@bank.example"), backoff, clock)),
        clock, new SplittableRandom(2), OutboxDelivery.Settings.DEFAULTS);
    Templates templates = new Templates();
    SignIn signIn = new SignIn(accounts, new Sessions(store.jdbi(), clock, random), new LoginThrottle(clock),
        templates, random);
    SettingsPage settings = new SettingsPage(new EmailRecipients(store.jdbi(), clock), new Webhooks(store.jdbi(), clock),
        tokens(), policy, TestDelivery.of(delivery), random, clock, templates);
    web = new WebServer(routes -> {
      signIn.register(routes);
      settings.register(routes, signIn);
    }).start("127.0.0.1", 0);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(exchange.getRequestHeaders().getFirst("webhook-signature") + " " + body);
      exchange.sendResponseHeaders(receiverStatus, -1);
      exchange.close();
    });
    receiver.start();
  }

  private ApiTokens tokens() {
    return new ApiTokens(store.jdbi(), clock, new SecureRandom());
  }

  private String hook() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @Test
  void aSignedOutVisitorIsSentToSignIn() throws Exception {
    start(false);
    Browser anonymous = new Browser();

    Browser.Response r = anonymous.get("/settings");

    assertEquals(303, r.status);
    assertEquals("/login?next=%2Fsettings", r.location());
  }

  @Test
  void aRecipientIsAddedSentATestThatArrivesAndDeleted() throws Exception {
    start(false);
    Browser mei = signedIn(ALICE);

    Browser.Response added = mei.post("/settings/recipients", Map.of("address", "Mei@Bank.example"));
    assertEquals(303, added.status, added.body);
    assertEquals("/settings#recipients", added.location());
    String page = mei.get("/settings").body;
    assertTrue(page.contains("alerts now also go to mei@bank.example"), page);
    assertFalse(mei.get("/settings").body.contains("alerts now also go to"), "a notice is shown once");
    long id = new EmailRecipients(store.jdbi(), clock).list(alice).get(0).id();

    assertEquals(303, mei.post("/settings/recipients/" + id + "/test", Map.of()).status);
    assertTrue(mei.get("/settings").body.contains("test alert delivered to mei@bank.example"));
    MimeMessage[] mails = MAIL.getReceivedMessages();
    assertEquals(1, mails.length);
    assertEquals("mei@bank.example", mails[0].getAllRecipients()[0].toString());

    assertEquals(303, mei.post("/settings/recipients/" + id + "/delete", Map.of()).status);
    assertTrue(mei.get("/settings").body.contains("alerts no longer go to mei@bank.example"));
    assertTrue(new EmailRecipients(store.jdbi(), clock).list(alice).isEmpty());
  }

  @Test
  void aBadOrRepeatedAddressIsAnErrorNextToItsFieldAndNothingIsStored() throws Exception {
    start(false);
    Browser mei = signedIn(ALICE);

    Browser.Response bad = mei.post("/settings/recipients", Map.of("address", "mei@bank.example\r\nBcc: x@evil.example"));
    assertEquals(400, bad.status);
    assertTrue(bad.body.contains("<p class=\"field-error\">email address \"mei@bank.example\\u000d\\u000aBcc:"
        + " x@evil.example\" contains a control character</p>"), bad.body);
    assertTrue(bad.body.contains("nothing was changed"));
    assertTrue(new EmailRecipients(store.jdbi(), clock).list(alice).isEmpty());

    mei.post("/settings/recipients", Map.of("address", "mei@bank.example"));
    Browser.Response again = mei.post("/settings/recipients", Map.of("address", "MEI@bank.example"));
    assertEquals(400, again.status);
    assertTrue(again.body.contains("<p class=\"field-error\">alerts go to mei@bank.example already</p>"), again.body);
    assertEquals(1, new EmailRecipients(store.jdbi(), clock).list(alice).size());
  }

  @Test
  void aWebhookGetsASecretShownOnceAndItsTestArrivesSigned() throws Exception {
    start(true);
    Browser mei = signedIn(ALICE);

    Browser.Response added = mei.post("/settings/webhooks", Map.of("url", hook(), "format", "slack", "secret", ""));
    assertEquals(303, added.status, added.body);
    assertFalse(added.location().contains("whsec_"), "no secret in a url");
    String page = mei.get("/settings").body;
    Matcher m = SECRET.matcher(page);
    assertTrue(m.find(), page);
    String secret = m.group(1);
    assertTrue(secret.startsWith("whsec_"), secret);
    assertEquals(secret, new Webhooks(store.jdbi(), clock).list(alice).get(0).secret());
    String again = mei.get("/settings").body;
    assertFalse(again.contains(secret), "shown once");
    assertTrue(again.contains(hook()) && again.contains("<td>slack</td>"), again);

    long id = new Webhooks(store.jdbi(), clock).list(alice).get(0).id();
    assertEquals(303, mei.post("/settings/webhooks/" + id + "/test", Map.of()).status);
    assertTrue(mei.get("/settings").body.contains("test alert delivered to webhook " + id));
    assertEquals(1, received.size());
    assertTrue(received.get(0).startsWith("v1,"), "signed: " + received.get(0));

    assertEquals(303, mei.post("/settings/webhooks/" + id + "/delete", Map.of()).status);
    assertTrue(new Webhooks(store.jdbi(), clock).list(alice).isEmpty());
  }

  @Test
  void aFailingReceiverIsShownWithItsReason() throws Exception {
    start(true);
    Browser mei = signedIn(ALICE);
    receiverStatus = 500;
    mei.post("/settings/webhooks", Map.of("url", hook(), "format", "json",
        "secret", "a-given-secret-of-enough-length"));
    assertFalse(mei.get("/settings").body.contains("class=\"secret\""), "a given secret is not shown back");
    long id = new Webhooks(store.jdbi(), clock).list(alice).get(0).id();

    mei.post("/settings/webhooks/" + id + "/test", Map.of());

    String page = mei.get("/settings").body;
    assertTrue(page.contains("test alert to webhook " + id + " not delivered (a real alert would be retried): "), page);
    assertTrue(page.contains("500"), page);
  }

  @Test
  void aLoopbackWebhookIsRefusedWithThePolicysMessageUnlessAllowed() throws Exception {
    start(false);
    Browser mei = signedIn(ALICE);

    Browser.Response r = mei.post("/settings/webhooks", Map.of("url", hook(), "format", "json", "secret", ""));

    assertEquals(400, r.status);
    assertTrue(r.body.contains("<p class=\"field-error\">webhook url " + hook() + " is refused: 127.0.0.1 is a loopback"
        + " address (set alerts.webhooks.allowPrivateTargets to allow it)</p>"), r.body);
    assertTrue(r.body.contains("value=\"" + hook() + "\""), "the url stays in the form");
    assertTrue(new Webhooks(store.jdbi(), clock).list(alice).isEmpty());
    assertTrue(received.isEmpty());
  }

  @Test
  void aBadFormatOrShortSecretIsAnErrorOnItsField() throws Exception {
    start(true);
    Browser mei = signedIn(ALICE);

    Browser.Response format = mei.post("/settings/webhooks", Map.of("url", hook(), "format", "xml", "secret", ""));
    Browser.Response secret = mei.post("/settings/webhooks", Map.of("url", hook(), "format", "json", "secret", "short"));

    assertEquals(400, format.status);
    assertTrue(format.body.contains("<p class=\"field-error\">format must be json, slack or teams</p>"), format.body);
    assertEquals(400, secret.status);
    assertTrue(secret.body.contains("<p class=\"field-error\">secret must have at least 16 characters"), secret.body);
    assertFalse(secret.body.contains("value=\"short\""), "a secret is not typed back");
    assertTrue(new Webhooks(store.jdbi(), clock).list(alice).isEmpty());
  }

  @Test
  void aTokenIsShownOnceAuthenticatesAndStopsWhenRevoked() throws Exception {
    start(false);
    Browser mei = signedIn(ALICE);

    Browser.Response created = mei.post("/settings/tokens", Map.of("label", "deploy script"));
    assertEquals(303, created.status, created.body);
    assertFalse(created.location().contains("ctmon_"));
    Matcher m = SECRET.matcher(mei.get("/settings").body);
    assertTrue(m.find());
    String token = m.group(1);
    assertEquals(alice, tokens().authenticate(token).orElseThrow().id());
    String again = mei.get("/settings").body;
    assertFalse(again.contains(token), "shown once");
    assertTrue(again.contains("<td>deploy script</td>") && again.contains("2026-01-02 00:00 UTC"), again);

    long id = tokens().list(alice).get(0).id();
    assertEquals(303, mei.post("/settings/tokens/" + id + "/revoke", Map.of()).status);
    String revoked = mei.get("/settings").body;
    assertTrue(revoked.contains("token \"deploy script\" revoked: it no longer works"), revoked);
    assertTrue(tokens().authenticate(token).isEmpty());
    assertFalse(mei.get("/settings").body.contains("/settings/tokens/" + id + "/revoke"), "no revoke button left");
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
    start(true);
    Browser mei = signedIn(ALICE);
    long recipient = new EmailRecipients(store.jdbi(), clock).add(alice, "mei@bank.example");
    long webhook = new Webhooks(store.jdbi(), clock).create(alice, hook(), "", org.ctmon.alerts.outbox.WebhookFormat.JSON);
    long token = tokens().issue(alice, "cli").id();

    for (String path : List.of("/settings/recipients", "/settings/recipients/" + recipient + "/delete",
        "/settings/recipients/" + recipient + "/test", "/settings/webhooks", "/settings/webhooks/" + webhook + "/delete",
        "/settings/webhooks/" + webhook + "/test", "/settings/tokens", "/settings/tokens/" + token + "/revoke")) {
      Map<String, String> form = Map.of("address", "x@bank.example", "url", hook(), "label", "x");
      assertEquals(403, mei.postWithout(path, form, null).status, path);
      assertEquals(403, mei.postWithout(path, form, "wrong").status, path);
    }

    assertEquals(1, new EmailRecipients(store.jdbi(), clock).list(alice).size());
    assertEquals(1, new Webhooks(store.jdbi(), clock).list(alice).size());
    assertEquals(1, tokens().list(alice).size());
    assertTrue(tokens().list(alice).get(0).revokedAt().isEmpty());
    assertTrue(received.isEmpty() && MAIL.getReceivedMessages().length == 0, "no test was sent");
  }

  @Test
  void anotherAccountsIdsAreNotFoundAndNothingChanges() throws Exception {
    start(true);
    long recipient = new EmailRecipients(store.jdbi(), clock).add(alice, "mei@bank.example");
    long webhook = new Webhooks(store.jdbi(), clock).create(alice, hook(), "", org.ctmon.alerts.outbox.WebhookFormat.JSON);
    long token = tokens().issue(alice, "cli").id();
    Browser bobs = signedIn(BOB);

    for (String path : List.of("/settings/recipients/" + recipient + "/delete",
        "/settings/recipients/" + recipient + "/test", "/settings/webhooks/" + webhook + "/delete",
        "/settings/webhooks/" + webhook + "/test", "/settings/tokens/" + token + "/revoke",
        "/settings/tokens/not-a-number/revoke", "/settings/webhooks/99999/test")) {
      Browser.Response r = bobs.post(path, Map.of());
      assertEquals(404, r.status, path);
      assertTrue(r.body.contains("no such"), r.body);
    }

    assertEquals(1, new EmailRecipients(store.jdbi(), clock).list(alice).size());
    assertEquals(1, new Webhooks(store.jdbi(), clock).list(alice).size());
    assertTrue(tokens().list(alice).get(0).revokedAt().isEmpty());
    assertTrue(received.isEmpty() && MAIL.getReceivedMessages().length == 0, "no test was sent");
    String page = bobs.get("/settings").body;
    assertFalse(page.contains("mei@bank.example") || page.contains(hook()) || page.contains(">cli<"), page);
  }

  @Test
  void hostileInputStaysText() throws Exception {
    start(true);
    Browser mei = signedIn(ALICE);
    String hostile = "<script>alert('x')</script>";

    mei.post("/settings/tokens", Map.of("label", hostile));
    Browser.Response url = mei.post("/settings/webhooks", Map.of("url", "https://x.example/\"><script>", "format", "json"));
    Browser.Response address = mei.post("/settings/recipients", Map.of("address", hostile + "@x.example"));
    Browser.Response control = mei.post("/settings/tokens", Map.of("label", "a\u0000b"));

    String page = mei.get("/settings").body;
    assertTrue(page.contains("&lt;script&gt;alert("), page);
    for (String body : List.of(page, url.body, address.body)) {
      assertFalse(body.contains("<script>"), body);
    }
    assertEquals(400, url.status);
    assertEquals(400, address.status);
    assertEquals(400, control.status);
    assertTrue(control.body.contains("a label has 1..100 characters and no control characters"));
    assertEquals(1, tokens().list(alice).size());
  }

  private Browser signedIn(String email) {
    Browser b = new Browser();
    String csrf = b.get("/login").csrf();
    Browser.Response r = b.postRaw("/login", Map.of("csrf", csrf, "email", email, "password", PASSWORD, "next", "/"));
    assertEquals(303, r.status, r.body);
    b.csrf = b.get("/settings").csrf();
    return b;
  }

  /** A cookie jar over HTTP that posts forms with the page's CSRF token, as a browser would. */
  private final class Browser {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final CookieJar jar = new CookieJar();
    private String csrf;

    private record Response(int status, String body, HttpResponse<String> raw) {
      String location() {
        return raw.headers().firstValue("Location").orElse("");
      }

      String csrf() {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
      }
    }

    Response get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, Map<String, String> form) {
      Map<String, String> f = new LinkedHashMap<>(form);
      f.put("csrf", csrf);
      return postRaw(path, f);
    }

    Response postWithout(String path, Map<String, String> form, String wrongCsrf) {
      Map<String, String> f = new LinkedHashMap<>(form);
      if (wrongCsrf != null) {
        f.put("csrf", wrongCsrf);
      }
      return postRaw(path, f);
    }

    Response postRaw(String path, Map<String, String> form) {
      String body = form.entrySet().stream()
          .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String path) {
      return URI.create("http://127.0.0.1:" + web.port() + path);
    }

    private Response send(HttpRequest.Builder b) {
      HttpResponse<String> r = jar.send(http, b);
      return new Response(r.statusCode(), r.body(), r);
    }

    private String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
