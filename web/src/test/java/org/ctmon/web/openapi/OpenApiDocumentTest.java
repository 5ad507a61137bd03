package org.ctmon.web.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.ctmon.alerts.watch.CaaIssuers;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.account.Accounts;
import org.ctmon.store.account.ApiTokens;
import org.ctmon.store.issuance.IssuanceSearch;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.web.api.AccountApis;
import org.ctmon.web.api.DashboardApi;
import org.ctmon.web.api.HealthApi;
import org.ctmon.web.api.LogSwitchApi;
import org.ctmon.web.api.IncidentsApi;
import org.ctmon.web.api.LogsApi;
import org.ctmon.web.api.SearchApi;
import org.ctmon.web.api.WatchlistListener;
import org.ctmon.web.crtsh.CrtShJson;
import org.ctmon.web.metrics.CtmonMetrics;
import org.ctmon.web.serve.WebServer;
import org.ctmon.web.stream.CertstreamHub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code openapi.json} in step with the server: a real {@link WebServer} with the API
 * registrations the monitor makes, over a real H2 file, must answer every documented operation
 * from a handler, and every route it registered under {@code /api/v1} must be documented. The
 * registered routes come from Javalin's router ({@code internalRouter.allHttpHandlers()}, what
 * Javalin's own route overview reads).
 */
final class OpenApiDocumentTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC);
  @TempDir static Path dir;
  private static Store store;
  private static CertstreamHub certstream;
  private static WebServer web;
  private static RoutesConfig registered;
  private static String token;
  private static JsonNode document;

  @BeforeAll
  static void startTheServerWithEveryApi() throws Exception {
    store = Store.open(StoreConfig.defaults().withDatabase("jdbc:h2:file:" + dir.resolve("ctmon"), "", ""));
    SecureRandom random = new SecureRandom();
    long account = new Accounts(store.jdbi(), CLOCK, random).create("alice@example.com", "alice password", false);
    token = new ApiTokens(store.jdbi(), CLOCK, random).issue(account, "test").secret();
    certstream = new CertstreamHub(CLOCK);
    CtmonMetrics metrics = new CtmonMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List::of,
        store.jdbi(), CLOCK);
    AtomicReference<RoutesConfig> seen = new AtomicReference<>();
    // The registrations of serve.Monitor, with doubles where it wires followers.
    web = new WebServer(routes -> {
      seen.set(routes);
      metrics.register(routes);
      certstream.register(routes);
      new SearchApi(new IssuanceSearch(store.jdbi()), CLOCK).register(routes);
      new LogsApi(List::of, id -> null, List::of).register(routes);
      new IncidentsApi(new LogIncidents(store.jdbi())).register(routes);
      new DashboardApi(store.jdbi(), CLOCK, List::of).register(routes);
      new LogSwitchApi(store.jdbi(), CLOCK, (log, on) -> { }).register(routes);
      new HealthApi(store.jdbi(), () -> true).register(routes);
      new AccountApis(store.jdbi(), CLOCK, false, CaaIssuers.bundled(), null, WatchlistListener.NONE)
          .register(routes);
      new OpenApiDocument().register(routes);
      new CrtShJson(new IssuanceSearch(store.jdbi()), CLOCK).register(routes);
    }).start("127.0.0.1", 0);
    registered = seen.get();
    document = JSON.readTree(OpenApiDocument.read());
  }

  @AfterAll
  static void stop() {
    web.close();
    certstream.close();
    store.close();
  }

  @Test
  void isAnOpenApi31DocumentWhoseReferencesAllResolve() {
    assertEquals("3.1.0", document.path("openapi").asText());
    assertFalse(document.path("info").path("title").asText().isEmpty(), "info.title");
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertFalse(refs.isEmpty());
    for (String ref : refs) {
      assertTrue(ref.startsWith("#/"), "only local references: " + ref);
      assertFalse(document.at(ref.substring(1)).isMissingNode(), "unresolved $ref " + ref);
    }
  }

  @Test
  void everyPathParameterIsDeclaredAndEveryOperationIdIsUnique() {
    Set<String> ids = new TreeSet<>();
    forEachOperation((path, method, op) -> {
      String id = op.path("operationId").asText();
      assertTrue(ids.add(id), "operationId " + id + " of " + method + " " + path + " is not unique or missing");
      Set<String> declared = new TreeSet<>();
      for (JsonNode list : List.of(document.path("paths").path(path).path("parameters"), op.path("parameters"))) {
        for (JsonNode p : list) {
          JsonNode param = p.has("$ref") ? document.at(p.get("$ref").asText().substring(1)) : p;
          if (param.path("in").asText().equals("path")) {
            declared.add(param.path("name").asText());
          }
        }
      }
      Set<String> inTemplate = new TreeSet<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
      while (m.find()) {
        inTemplate.add(m.group(1));
      }
      assertEquals(inTemplate, declared, "path parameters of " + method + " " + path);
      assertTrue(op.has("responses") && op.path("responses").size() > 0, "responses of " + method + " " + path);
    });
  }

  @Test
  void everyDocumentedOperationReachesAHandler() {
    forEachOperation((path, method, op) -> {
      HttpResponse<String> r = send(method, concrete(path), token, op.has("requestBody"));
      assertFalse(r.body().contains("no such page"), method + " " + path + " is documented but not served: "
          + r.statusCode() + " " + r.body());
    });
  }

  @Test
  void documentedSecurityIsWhatTheServerAsks() {
    forEachOperation((path, method, op) -> {
      HttpResponse<String> r = send(method, concrete(path), null, op.has("requestBody"));
      if (op.has("security")) {
        assertEquals(401, r.statusCode(), method + " " + path + " is documented as needing a token: " + r.body());
        assertTrue(r.body().contains("\"error\""), "a 401 is an error body: " + r.body());
      } else {
        assertTrue(r.statusCode() != 401, method + " " + path + " asks for a token the document does not mention");
      }
    });
  }

  @Test
  void everyRegisteredApiRouteIsDocumented() {
    Set<String> documented = new TreeSet<>();
    forEachOperation((path, method, op) -> documented.add(method.toUpperCase(Locale.ROOT) + " " + shape(path)));
    Set<String> served = new TreeSet<>();
    for (ParsedEndpoint p : registered.getCfg$javalin().internalRouter.allHttpHandlers()) {
      HandlerType type = p.endpoint.method;
      if (type.isHttpMethod() && p.endpoint.path.startsWith("/api/v1")) {
        served.add(type.name() + " " + shape(p.endpoint.path));
      }
    }
    assertTrue(served.size() > 20, "the router listing found the API routes: " + served);
    Set<String> missing = new TreeSet<>(served);
    missing.removeAll(documented);
    assertEquals(Set.of(), missing, "routes served under /api/v1 but not in openapi.json");
  }

  @Test
  void servesTheDocumentAsJson() throws Exception {
    HttpResponse<String> r = send("get", OpenApiDocument.PATH, null, false);
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals(document, JSON.readTree(r.body()));
  }

  private interface OperationVisitor {
    void visit(String path, String method, JsonNode operation);
  }

  private static void forEachOperation(OperationVisitor v) {
    for (Map.Entry<String, JsonNode> p : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : p.getValue().properties()) {
        if (METHODS.contains(op.getKey())) {
          v.visit(p.getKey(), op.getKey(), op.getValue());
        }
      }
    }
  }

  /** A path template as the router shape: every {param} alike, whatever its name. */
  private static String shape(String path) {
    return path.replaceAll("\\{[^}]*}", "{}").replaceAll("<[^>]*>", "{}");
  }

  /** A request path for a template: ids 1, certificates an all-zero hash. */
  private static String concrete(String path) {
    return path.replace("{id}", "1").replace("{tbs_sha256}", "0".repeat(64)).replace("{log_id}", "0".repeat(64));
  }

  private static HttpResponse<String> send(String method, String path, String bearer, boolean body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path))
        .method(method.toUpperCase(Locale.ROOT),
            body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
    if (body) {
      b.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path, e);
    }
  }

  private static void collectRefs(JsonNode node, List<String> out) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isTextual()) {
        out.add(ref.asText());
      }
      node.elements().forEachRemaining(child -> collectRefs(child, out));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectRefs(child, out));
    }
  }
}
