package org.ctmon.alerts.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

final class WatchListFileTest {
  /** A watch list as certspotter users keep them: comments, blank lines, IDNs, valid_at, a typo. */
  private static final String FILE = """
      # production domains
      .example.com
      .example.org   valid_at:2024-01-01T00:00:00Z

      # the shop, exact names only
      shop.example.net
      WWW.Example.NET.
        .bücher.example
      # mistakes below
      www.*.example.com
      mail.example.net expires:tomorrow
      .example.com
      192.0.2.0/24
      """;

  @Test
  void readsItemsAndReportsEachBadLineWithItsNumber() {
    WatchListFile.Parsed p = WatchListFile.parse(FILE);
    assertEquals(List.of(".example.com", ".example.org", "shop.example.net", "www.example.net",
        ".xn--bcher-kva.example", "192.0.2.0/24"), p.items().stream().map(WatchItem::text).toList());
    assertEquals(List.of(
        new WatchListFile.LineError(10, "www.*.example.com",
            "invalid watch item \"www.*.example.com\": a wildcard is allowed only as a leading *."),
        new WatchListFile.LineError(11, "mail.example.net expires:tomorrow",
            "unknown parameter \"expires:tomorrow\" after watch item \"mail.example.net\"")), p.errors());
  }

  @Test
  void writtenFileReadsBackToTheSameItems() {
    List<WatchItem> items = WatchListFile.parse(FILE).items();
    String written = WatchListFile.write(items);
    WatchListFile.Parsed back = WatchListFile.parse(written);
    assertEquals(items, back.items());
    assertEquals(List.of(), back.errors());
    assertEquals(true, written.startsWith("# "));
    assertEquals(".example.com", written.lines().filter(l -> !l.startsWith("#")).findFirst().orElseThrow());
  }

  @Test
  void windowsLineEndsAndAByteOrderMarkAreRead() {
    WatchListFile.Parsed p = WatchListFile.parse("\ufeff.example.com\r\nwww.example.org\r\n");
    assertEquals(List.of(".example.com", "www.example.org"), p.items().stream().map(WatchItem::text).toList());
  }

  @Test
  void emptyFileHasNoItemsAndNoErrors() {
    assertEquals(new WatchListFile.Parsed(List.of(), List.of()), WatchListFile.parse("# nothing\n\n"));
  }
}
