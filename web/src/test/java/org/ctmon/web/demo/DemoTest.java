package org.ctmon.web.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.parser.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a newcomer meets it, over HTTP only: within a minute of the start its test logs are
 * followed, the demo watch list has unexpected and lookalike alerts, search finds the watched
 * domain, and the printed login signs in.
 */
final class DemoTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aNewcomerSeesLogsFollowedAlertsAndSearchHitsWithinAMinute(@TempDir Path dir) throws Exception {
    try (Demo demo = Demo.start(new Demo.Settings(0, dir, 20, 200, Duration.ofMillis(200)))) {
      String token = demo.account().token();
      await("both test logs followed past their first entries", () -> {
        JsonNode logs = api(demo, token, "api/v1/logs").get("logs");
        int followed = 0;
        for (JsonNode log : logs) {
          followed += log.get("position").asLong() > 0 ? 1 : 0;
        }
        return followed == 2;
      });
      Set<String> types = new HashSet<>();
      await("an unexpected and a lookalike alert", () -> {
        api(demo, token, "api/v1/alerts").get("results").forEach(a -> types.add(a.get("type").asText()));
        return types.contains("certificate.unexpected") && types.contains("certificate.lookalike");
      });
      await("an alert delivered, signed, to the demo's webhook receiver", () -> demo.inbox().validlySigned() > 0);
      JsonNode inbox = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(demo.inbox().url())).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      JsonNode delivered = inbox.get("deliveries").get(0);
      assertTrue(delivered.get("signature_valid").asBoolean(), inbox.toString());
      assertTrue(delivered.at("/body/type").asText().startsWith("certificate."), inbox.toString());
      assertEquals(inbox.get("received").asLong(), inbox.get("validly_signed").asLong(), "every delivery signed");
      await("a search hit for the watched domain", () ->
          api(demo, token, "api/v1/search?q=." + DemoIssuances.DOMAIN).get("results").size() > 0);

      HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(demo.url() + "login")).build(),
          HttpResponse.BodyHandlers.ofString());
      Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"").matcher(form.body());
      assertTrue(csrf.find(), form.body());
      String cookies = String.join("; ", form.headers().allValues("Set-Cookie").stream()
          .map(c -> c.split(";", 2)[0]).toList());
      HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(URI.create(demo.url() + "login"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies)
          .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(csrf.group(1)) + "&email="
              + enc(demo.account().email()) + "&password=" + enc(demo.account().password()) + "&next=%2F"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(303, signedIn.statusCode(), signedIn.body());
      assertTrue(signedIn.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("ctmon_session=")),
          "the printed login signs in: " + signedIn.headers().map());
    }
  }

  @Test
  void aDataDirectoryUsedBeforeStartsAgainWithANewPasswordAndTheSameWatchList(@TempDir Path dir) throws Exception {
    String first;
    try (Demo demo = Demo.start(new Demo.Settings(0, dir, 0, 0, Duration.ofMillis(200)))) {
      first = demo.account().password();
      await("an alert delivered in the first run", () -> demo.inbox().validlySigned() > 0);
    }
    try (Demo demo = Demo.start(new Demo.Settings(0, dir, 0, 0, Duration.ofHours(1)))) {
      assertTrue(!first.equals(demo.account().password()), "a new password each run");
      String token = demo.account().token();
      JsonNode lists = api(demo, token, "api/v1/watchlists");
      assertEquals(1, lists.size(), lists.toString());
      JsonNode hooks = api(demo, token, "api/v1/webhooks");
      assertEquals(1, hooks.size(), hooks.toString());
      assertTrue(hooks.toString().contains(demo.inbox().url()), "the webhook points at this run's inbox: " + hooks);
      assertTrue(api(demo, token, "api/v1/alerts").get("results").size() > 0, "the first run's alerts are kept");
    }
  }

  private static JsonNode api(Demo demo, String token, String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(demo.url() + path))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      return JSON.readTree(r.body());
    } catch (Exception e) {
      throw new AssertionError(path, e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void await(String what, BooleanSupplier done) throws Exception {
    Eventually.await(Duration.ofSeconds(60), Duration.ofMillis(100), done::getAsBoolean, () -> "within a minute: " + what);
  }
}
