package org.ctmon.fetcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

final class HttpConfigTest {
  @Test
  void theUserAgentNamesCtmonItsVersionAndTheContact() {
    assertEquals("ctmon/dev (+ct-admin@example.org)", HttpConfig.withContact("ct-admin@example.org").userAgent());
    assertEquals("ctmon/dev (+https://example.org/ct)", HttpConfig.withContact("https://example.org/ct").userAgent());
  }

  @Test
  void defaultsAreCertspottersLimits() {
    HttpConfig c = HttpConfig.withContact("ct-admin@example.org");
    assertEquals(Duration.ofSeconds(10), c.connectTimeout());
    assertEquals(Duration.ofSeconds(30), c.readTimeout());
    assertEquals(Duration.ofSeconds(60), c.callTimeout());
    assertEquals(64L * 1024 * 1024, c.maxBodyBytes());
  }

  @Test
  void theClientHasTheTimeoutsAndFollowsNoRedirects() {
    OkHttpClient client = HttpConfig.withContact("ct-admin@example.org").newClient();
    assertEquals(10_000, client.connectTimeoutMillis());
    assertEquals(30_000, client.readTimeoutMillis());
    assertEquals(60_000, client.callTimeoutMillis());
    assertFalse(client.followRedirects());
    assertFalse(client.followSslRedirects());
  }

  @Test
  void aGivenContactMustReachSomeoneAndAnEmptyOneSaysSoInTheUserAgent() {
    assertEquals("ctmon/1.2.3 (no contact configured)",
        new HttpConfig("", "1.2.3", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 10).userAgent());
    assertEquals("contact \"  \" is blank (log operators ask readers for a way to reach them)", error("  "));
    assertEquals("contact \"someone\" must be an email address or an https:// url"
        + " (log operators ask readers for a way to reach them)", error("someone"));
    assertEquals("contact \"http://example.org\" must be an email address or an https:// url"
        + " (log operators ask readers for a way to reach them)", error("http://example.org"));
    assertEquals("contact \"a b@example.org\" must be printable ascii without spaces or parentheses"
        + " (log operators ask readers for a way to reach them)", error("a b@example.org"));
    assertEquals("contact \"x)@example.org\" must be printable ascii without spaces or parentheses"
        + " (log operators ask readers for a way to reach them)", error("x)@example.org"));
    assertEquals("contact \"https://\" has no host (log operators ask readers for a way to reach them)",
        error("https://"));
    assertThrows(NullPointerException.class, () -> HttpConfig.withContact(null));
  }

  @Test
  void rejectsNonPositiveTimeoutsAndCaps() {
    HttpConfig c = HttpConfig.withContact("ct-admin@example.org");
    assertEquals("readTimeout PT0S must be positive", assertThrows(IllegalArgumentException.class,
        () -> c.withTimeouts(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1))).getMessage());
    assertEquals("maxBodyBytes 0 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> c.withMaxBodyBytes(0)).getMessage());
  }

  private static String error(String contact) {
    return assertThrows(IllegalArgumentException.class, () -> HttpConfig.withContact(contact)).getMessage();
  }
}
