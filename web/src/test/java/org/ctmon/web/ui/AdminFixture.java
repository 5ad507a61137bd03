package org.ctmon.web.ui;

import org.ctmon.parser.treehead.TreeHead;
import org.ctmon.testlog.ManualClock;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ctmon.fetcher.follow.FollowerConfig;
import org.ctmon.fetcher.follow.FollowerHealth;
import org.ctmon.fetcher.follow.FollowerStatus;
import org.ctmon.fetcher.follow.PaceStatus;
import org.ctmon.parser.Der;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.Sessions;
import org.ctmon.store.account.SetupTokens;
import org.ctmon.store.log.IncidentKind;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.LogStatus;
import org.ctmon.store.log.Logs;
import org.ctmon.store.log.ServedTreeHead;
import org.ctmon.web.api.IncidentsApi;
import org.ctmon.web.serve.WebServer;

/**
 * A real server with sign-in, the admin page, the setup link and {@code /api/v1/incidents} on an
 * H2 file. With accounts: Root (administrator) and Bob (user); a static log that ctmon stopped for
 * a split view, whose two checkpoints and incident detail hold hostile markup; an RFC 6962 log that
 * is fine. Without accounts: an empty ctmon, as at first start. Resuming records the log id and
 * turns the follower back to ok, as the monitor does.
 */
final class AdminFixture implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
  static final String ROOT = "root@example.com";
  static final String ROOT_PASSWORD = "root password";
  static final String BOB = "bob@example.com";
  static final String BOB_PASSWORD = "bob password";
  static final String HOSTILE = "<script>alert('evidence')</script>";
  static final Sha256 STOPPED_LOG = UiFixture.sha("stopped log");
  static final Sha256 OK_LOG = UiFixture.sha("ok log");
  final ManualClock clock = new ManualClock(NOW);
  final Store store;
  final WebServer web;
  final Accounts accounts;
  final Logs logs;
  final long root;
  final long bob;
  final List<Sha256> resumed = Collections.synchronizedList(new ArrayList<>());
  final List<String> switched = Collections.synchronizedList(new ArrayList<>());
  private volatile FollowerHealth stoppedHealth = FollowerHealth.STOPPED;

  AdminFixture(Path dir, boolean withAccounts) {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    SecureRandom random = new SecureRandom();
    accounts = new Accounts(store.jdbi(), clock, random);
    logs = new Logs(store.jdbi(), clock);
    root = withAccounts ? accounts.create(ROOT, ROOT_PASSWORD, true) : 0;
    bob = withAccounts ? accounts.create(BOB, BOB_PASSWORD, false) : 0;
    if (withAccounts) {
      splitView();
    }
    Templates templates = new Templates();
    Sessions sessions = new Sessions(store.jdbi(), clock, random);
    SignIn signIn = new SignIn(accounts, sessions, new LoginThrottle(clock), templates, random);
    AdminPage admin = new AdminPage(accounts, logs, new LogIncidents(store.jdbi()), this::statuses, id -> {
      resumed.add(id);
      stoppedHealth = FollowerHealth.OK;
    }, (id, on) -> switched.add(id.base64() + " " + (on ? "on" : "off")), templates, random);
    FirstAdminSetup setup = new FirstAdminSetup(new SetupTokens(store.jdbi(), clock, random), sessions, templates,
        random);
    IncidentsApi api = new IncidentsApi(new LogIncidents(store.jdbi()));
    web = new WebServer(routes -> {
      signIn.register(routes);
      admin.register(routes, signIn);
      setup.register(routes);
      api.register(routes);
    }).start("127.0.0.1", 0);
  }

  String url(String path) {
    return "http://127.0.0.1:" + web.port() + path;
  }

  private void splitView() {
    logs.register(new LogSpec(STOPPED_LOG, Der.of(new byte[] {0x30, 0x00}), "Stopped " + HOSTILE, "Operator",
        LogKind.STATIC, "https://static.example/", "https://static.example/", "usable", 86400));
    logs.register(new LogSpec(OK_LOG, Der.of(new byte[] {0x30, 0x01}), "Fine Log", "Operator", LogKind.RFC6962,
        "https://fine.example/", null, "usable", 86400));
    long a = logs.recordTreeHead(STOPPED_LOG, new ServedTreeHead(
        new TreeHead(10, NOW.toEpochMilli() - 60_000, UiFixture.sha("a")),
        OpaqueBytes.of(checkpoint(10, "a").getBytes(StandardCharsets.UTF_8)), true, NOW.toEpochMilli() - 50_000));
    long b = logs.recordTreeHead(STOPPED_LOG, new ServedTreeHead(
        new TreeHead(10, NOW.toEpochMilli() - 1_000, UiFixture.sha("b")),
        OpaqueBytes.of(checkpoint(10, "b").getBytes(StandardCharsets.UTF_8)), true, NOW.toEpochMilli()));
    logs.recordIncident(STOPPED_LOG, IncidentKind.SPLIT_VIEW, "two roots for tree size 10 " + HOSTILE, a, b);
    logs.setStatus(STOPPED_LOG, LogStatus.STOPPED, "split view at tree size 10");
  }

  private static String checkpoint(long size, String root) {
    return "static.example/log\n" + size + "\n" + UiFixture.sha(root).base64() + "\n\n— static.example " + HOSTILE
        + "\n";
  }

  List<FollowerStatus> statuses() {
    return List.of(status(STOPPED_LOG, "Stopped " + HOSTILE, stoppedHealth), status(OK_LOG, "Fine Log",
        FollowerHealth.OK));
  }

  private FollowerStatus status(Sha256 id, String name, FollowerHealth health) {
    return new FollowerStatus(id, name, "static", "https://log.example/", Optional.empty(), 10, 0, Optional.empty(),
        Optional.empty(), health, health == FollowerHealth.STOPPED ? Optional.of("split view at tree size 10")
        : Optional.empty(), Optional.empty(), Optional.empty(), 0, FollowerConfig.DEFAULT,
        new PaceStatus(256, 2, 0, 0, "started", NOW, Optional.empty()), 0, Optional.empty());
  }

  @Override
  public void close() {
    web.close();
    store.close();
  }

  /** A browser over HTTP: a cookie jar, no redirects followed. */
  final class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final CookieJar jar = new CookieJar();

    record Response(int status, String body, HttpResponse<String> raw) {
      String location() {
        return raw.headers().firstValue("Location").orElse("");
      }

      String csrf() {
        Matcher m = CSRF.matcher(body);
        if (!m.find()) {
          throw new AssertionError("no csrf field in: " + body);
        }
        return m.group(1);
      }
    }

    Response get(String path) {
      return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    Response post(String path, Map<String, String> form) {
      String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
          .collect(Collectors.joining("&"));
      return send(HttpRequest.newBuilder(URI.create(url(path)))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response signIn(String email, String password) {
      Response r = post("/login", Map.of("csrf", get("/login").csrf(), "email", email, "password", password,
          "next", "/admin"));
      if (r.status() != 303) {
        throw new AssertionError("sign-in failed: " + r.status() + " " + r.body());
      }
      return r;
    }

    private Response send(HttpRequest.Builder b) {
      HttpResponse<String> r = jar.send(http, b);
      return new Response(r.statusCode(), r.body(), r);
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }
}
