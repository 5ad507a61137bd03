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

  @Test
  void theOriginOfAStaticLogIsTheFirstLineOfItsRealCheckpoint() throws Exception {
    // Independent fact: the checkpoint ParcelYard2026h2 served (corpus static-ct/), not our list.
    java.nio.file.Path checkpoint = LogListCorpus.path(LogListCorpus.GOOGLE_KEY).getParent().getParent().resolve("static-ct/parcelyard2026h2/checkpoint");
    String firstLine = java.nio.file.Files.readAllLines(checkpoint).get(0);
    CtLog parcelYard = LogListParserTest.byDescription(LogListCorpus.parse(LogListCorpus.V89_25).logs(),
        "Google 'ParcelYard2026h2' log");
    assertEquals(firstLine, ((LogProtocol.StaticCt) parcelYard.protocol()).origin());
    assertEquals("parcelyard2026h2.prod.certificate.transparency.goog", firstLine);
  }

  private static String error(String url) {
    return assertThrows(IllegalArgumentException.class, () -> LogProtocol.parseUrl("url", url)).getMessage();
  }
}
