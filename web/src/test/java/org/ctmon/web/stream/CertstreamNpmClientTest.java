package org.ctmon.web.stream;

import static org.ctmon.web.stream.StreamFixture.await;
import static org.ctmon.web.stream.StreamFixture.batch;
import static org.ctmon.web.stream.StreamFixture.issuance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real npm {@code certstream} client (web/src/test/node) against our {@code /certstream}.
 * Needs {@code node} and {@code npm} with the npm registry (or a warm npm cache): without them
 * the test fails when {@code CI=true} and is skipped, loudly, otherwise.
 */
final class CertstreamNpmClientTest {
  private static final Path FIXTURE = Path.of("src/test/node");
  private static final Path WORK = Path.of("target/certstream-node");

  @BeforeAll
  static void installClient() throws Exception {
    Files.createDirectories(WORK);
    for (String f : List.of("package.json", "package-lock.json", "certstream-client.js")) {
      Files.copy(FIXTURE.resolve(f), WORK.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    String problem;
    try {
      Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
          .directory(WORK.toFile()).redirectErrorStream(true).start();
      String out = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean done = npm.waitFor(3, TimeUnit.MINUTES);
      problem = !done ? "npm ci timed out" : npm.exitValue() != 0 ? "npm ci failed: " + out : null;
    } catch (IOException e) {
      problem = "cannot run npm: " + e.getMessage();
    }
    if (problem != null) {
      String message = "the npm certstream client could not be installed in " + WORK + ": " + problem;
      if ("true".equals(System.getenv("CI"))) {
        throw new AssertionError(message);
      }
      System.err.println("SKIPPED CertstreamNpmClientTest: " + message);
      Assumptions.abort(message);
    }
  }

  @Test
  void theNpmCertstreamClientReceivesAnUpdate() throws Exception {
    try (StreamFixture f = StreamFixture.withDefaults()) {
      Process node = new ProcessBuilder("node", "certstream-client.js", f.ws("/certstream").toString())
          .directory(WORK.toFile()).redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> domains = CompletableFuture.supplyAsync(() -> {
          StringBuilder seen = new StringBuilder();
          try {
            for (String line; (line = out.readLine()) != null; ) {
              if (line.startsWith("ALL_DOMAINS ")) {
                return line.substring("ALL_DOMAINS ".length());
              }
              seen.append(line).append('\n');
            }
          } catch (IOException e) {
            seen.append(e);
          }
          return "no ALL_DOMAINS line; the client printed:\n" + seen;
        });
        await(() -> f.hub.clients() == 1, Duration.ofSeconds(30), "the node client to connect");
        long t = System.nanoTime();
        f.hub.published(batch(42, List.of(issuance("npm", false, List.of("npm.example", "www.npm.example")))),
            StreamFixture.SOURCE);
        String allDomains = domains.get(30, TimeUnit.SECONDS);
        System.out.printf("certstream npm client: all_domains %s, %.1f ms after published()%n", allDomains,
            (System.nanoTime() - t) / 1e6);
        assertEquals("[\"npm.example\",\"www.npm.example\"]", allDomains);
        assertTrue(node.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue());
      } finally {
        node.destroyForcibly();
      }
    }
  }
}
