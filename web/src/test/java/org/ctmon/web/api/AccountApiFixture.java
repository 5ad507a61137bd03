package org.ctmon.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ctmon.alerts.delivery.DeliveryResult;
import org.ctmon.alerts.outbox.Webhook;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.alerts.webhook.WebhookTargetPolicy;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.web.harness.PerTestFixture;
import org.ctmon.web.serve.WebServer;

/**
 * A real server with the account API (and the public search API) on a real H2 file, two accounts,
 * Alice and Bob, each with a token, and recording doubles for the watch-list listener and the test
 * deliveries. Host names resolve through a fixed table: {@code hooks.example} is public,
 * {@code intranet.example} private.
 */
final class AccountApiFixture extends PerTestFixture {
  static final Instant NOW = Instant.parse("2026-01-02T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  Store store;
  WebServer web;
  long alice;
  long bob;
  String aliceToken;
  String bobToken;
  final RecordingListener listener = new RecordingListener();
  final RecordingTestDelivery tests = new RecordingTestDelivery();

  private final boolean allowPrivateTargets;

  /**
   * For {@code @RegisterExtension}: a fresh fixture for each test, in a temporary folder of its
   * own, closed and deleted after the test; private webhook targets refused.
   */
  static AccountApiFixture perTest() {
    return new AccountApiFixture(false);
  }

  private AccountApiFixture(boolean allowPrivateTargets) {
    this.allowPrivateTargets = allowPrivateTargets;
  }

  AccountApiFixture(Path dir, boolean allowPrivateTargets) {
    this(allowPrivateTargets);
    start(dir);
  }

  @Override
  protected void start(Path dir) {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    SecureRandom random = new SecureRandom();
    Accounts accounts = new Accounts(store.jdbi(), CLOCK, random);
    alice = accounts.create("alice@example.com", "alice password", false);
    bob = accounts.create("bob@example.com", "bob password", false);
    ApiTokens tokens = new ApiTokens(store.jdbi(), CLOCK, random);
    aliceToken = tokens.issue(alice, "test").secret();
    bobToken = tokens.issue(bob, "test").secret();
    WebhookTargetPolicy policy = new WebhookTargetPolicy(allowPrivateTargets, host -> {
      switch (host) {
        case "hooks.example":
          return List.of(InetAddress.getByName("203.0.113.5"));
        case "intranet.example":
          return List.of(InetAddress.getByName("10.1.2.3"));
        default:
          if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
            return List.of(InetAddress.getByName(host)); // a literal: no DNS query
          }
          throw new UnknownHostException(host);
      }
    });
    AccountApis apis = new AccountApis(store.jdbi(), CLOCK, policy, CaaIssuers.bundled(), tests, listener);
    SearchApi search = new SearchApi(new IssuanceSearch(store.jdbi()), CLOCK);
    web = new WebServer(app -> {
      search.register(app);
      apis.register(app);
    }).start("127.0.0.1", 0);
  }

  record Response(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String error() {
      return json().path("error").asText();
    }
  }

  Response send(String method, String path, String token, String body) {
    return send(method, path, token, body, "application/json");
  }

  Response send(String method, String path, String token, String body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path, e);
    }
  }

  Response get(String path, String token) {
    return send("GET", path, token, null);
  }

  /** A request that must answer {@code status}; its JSON body. */
  JsonNode expect(int status, String method, String path, String token, String body) {
    Response r = send(method, path, token, body);
    assertEquals(status, r.status(), method + " " + path + ": " + r.body());
    return r.body().isEmpty() ? null : r.json();
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    web.close();
    store.close();
  }

  /** Remembers what it was told, as "saved 1 2" / "deleted 1 2". */
  static final class RecordingListener implements WatchlistListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void saved(long accountId, long watchlistId) {
      events.add("saved " + accountId + " " + watchlistId);
    }

    @Override
    public void deleted(long accountId, long watchlistId) {
      events.add("deleted " + accountId + " " + watchlistId);
    }
  }

  /** Records test sends and answers with {@link #result}. */
  static final class RecordingTestDelivery implements TestDelivery {
    final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    volatile DeliveryResult result = new DeliveryResult.Delivered();

    @Override
    public DeliveryResult toWebhook(Webhook webhook) {
      sent.add("webhook " + webhook.id() + " " + webhook.url());
      return result;
    }

    @Override
    public DeliveryResult toEmail(String address) {
      sent.add("email " + address);
      return result;
    }
  }
}
