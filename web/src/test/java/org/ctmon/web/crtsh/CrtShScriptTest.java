package org.ctmon.web.crtsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The crt.sh one-liner researchers paste, {@code curl ... | jq -r '.[].name_value' | sort -u},
 * run by a real shell against {@code /json} with only the host changed. Needs {@code curl} and
 * {@code jq} (Debian packages {@code curl}, {@code jq}): missing in CI ({@code CI=true}) is a
 * failure, elsewhere a loud skip.
 */
final class CrtShScriptTest {
  @BeforeAll
  static void start() {
    CrtShJsonTest.dir = newTempDir();
    CrtShJsonTest.ingestAndStart();
  }

  @AfterAll
  static void stop() {
    CrtShJsonTest.stop();
  }

  private static java.nio.file.Path newTempDir() {
    try {
      java.nio.file.Path d = java.nio.file.Files.createTempDirectory("ctmon-crtsh-script");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean onPath(String tool) throws Exception {
    return run("command -v " + tool).exit == 0;
  }

  private record Result(int exit, String out) {}

  private static Result run(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("shell pipeline did not finish in 60 s: " + script);
    }
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void theCrtShOneLinerListsTheSubdomainsUnchanged() throws Exception {
    for (String tool : List.of("curl", "jq")) {
      if (!onPath(tool)) {
        String message = tool + " is not installed: the crt.sh script test needs the Debian packages curl and jq";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
          fail(message);
        }
        System.err.println("SKIPPED: " + message);
        assumeTrue(false, message);
      }
    }
    String host = "http://127.0.0.1:" + CrtShJsonTest.web.port();
    Result r = run("curl -sf '" + host + "/?q=%25.example.com&output=json' | jq -r '.[].name_value' | sort -u");
    assertEquals(0, r.exit, r.out);
    assertEquals("*.example.com\na.b.example.com\nold.example.com\nwww.example.com\n", r.out);
    Result json = run("curl -sf '" + host + "/json?q=example.com&exclude=expired&deduplicate=Y'"
        + " | jq -r '.[] | [.id, .issuer_ca_id, .result_count] | map(type) | join(\",\")' | sort -u");
    assertEquals(0, json.exit, json.out);
    assertEquals("number,number,number\n", json.out);
  }
}
