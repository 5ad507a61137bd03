package org.ctmon.fetcher.loglist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

final class LogProtocolTest {
  @Test
  void normalizesUrlsToEndWithASlashAndALowerCaseScheme() {
    assertEquals(URI.create("https://ct2025.itko.dev/"), LogProtocol.parseUrl("url", "https://ct2025.itko.dev"));
    assertEquals(URI.create("https://ct.cloudflare.com/logs/nimbus2017/"),
        LogProtocol.parseUrl("url", " HTTPS://ct.cloudflare.com/logs/nimbus2017 "));
    assertEquals(URI.create("http://ctlog.sheca.com/"), LogProtocol.parseUrl("url", "http://ctlog.sheca.com/"));
  }

  @Test
  void rejectsAnythingButAbsoluteHttpUrlsNamingTheField() {
    assertEquals("url \"ftp://x/\" is not an http(s) url", error("ftp://x/"));
    assertEquals("url \"/relative/\" is not an http(s) url", error("/relative/"));
    assertEquals("url \"https://x/?a=b\" has a query or fragment", error("https://x/?a=b"));
    assertEquals("url \"https://a b/\" is not a url", error("https://a b/"));
    assertEquals("url \"https:///path/\" is not an http(s) url with a host ending in '/'", error("https:///path/"));
  }

  @Test
  void theRecordsRefuseAUrlWithoutTheTrailingSlash() {
    assertThrows(IllegalArgumentException.class, () -> new LogProtocol.Rfc6962(URI.create("https://x/log")));
    assertThrows(IllegalArgumentException.class,
        () -> new LogProtocol.StaticCt(URI.create("https://x/"), URI.create("https://y/log")));
  }

  private static String error(String url) {
    return assertThrows(IllegalArgumentException.class, () -> LogProtocol.parseUrl("url", url)).getMessage();
  }
}
