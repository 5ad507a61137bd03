package org.ctmon.alerts.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

final class WatchItemTest {
  private static String text(String input) {
    return WatchItem.parse(input).text();
  }

  private static void refused(String input, String message) {
    InvalidWatchItemException e = assertThrows(InvalidWatchItemException.class, () -> WatchItem.parse(input));
    assertEquals(message, e.getMessage());
  }

  @Test
  void plainNameIsThatNameOnly() {
    assertEquals(new WatchItem.ExactName("www.example.com"), WatchItem.parse("www.example.com"));
  }

  @Test
  void leadingDotOrStarDotIsTheTree() {
    assertEquals(new WatchItem.DomainTree("example.com"), WatchItem.parse(".example.com"));
    assertEquals(new WatchItem.DomainTree("example.com"), WatchItem.parse("*.example.com"));
    assertEquals(".example.com", text("*.example.com"));
  }

  @Test
  void upperCaseTrailingDotAndSurroundingSpaceAreNormalised() {
    assertEquals("www.example.com", text("  WWW.Example.COM.  "));
    assertEquals(".example.com", text(".EXAMPLE.com."));
  }

  @Test
  void unicodeAndALabelFormsOfAnIdnAreTheSameItem() {
    assertEquals(".xn--bcher-kva.example", text(".bücher.example"));
    assertEquals(WatchItem.parse(".bücher.example"), WatchItem.parse(".xn--bcher-kva.example"));
    assertEquals("xn--bcher-kva.example", text("BÜCHER.example"));
  }

  @Test
  void bareTopLevelDomainTreeIsAllowed() {
    assertEquals(".com", text(".com"));
  }

  @Test
  void addressesAreCanonical() throws Exception {
    assertEquals(new WatchItem.IpAddress(InetAddress.getByName("192.0.2.1")), WatchItem.parse("192.0.2.1"));
    assertEquals("2001:db8::1", text("2001:DB8:0:0:0:0:0:1"));
    assertEquals("192.0.2.1", text("::ffff:192.0.2.1"));
  }

  @Test
  void rangesHaveTheirHostBitsCleared() {
    WatchItem r = WatchItem.parse("192.0.2.77/24");
    assertInstanceOf(WatchItem.IpRange.class, r);
    assertEquals("192.0.2.0/24", r.text());
    assertEquals("2001:db8::/32", text("2001:db8:ffff::1/32"));
    assertEquals("0.0.0.0/0", text("10.1.2.3/0"));
    assertEquals("192.0.2.0/24", text("::ffff:192.0.2.9/120"));
  }

  @Test
  void canonicalTextParsesBackToTheSameItem() {
    for (String s : new String[] {"a.example", ".bücher.example", "2001:db8::1", "198.51.100.0/24", "::/0"}) {
      WatchItem item = WatchItem.parse(s);
      assertEquals(item, WatchItem.parse(item.text()), s);
    }
  }

  @Test
  void emptyAndBlankAreRefused() {
    refused("", "invalid watch item: empty");
    refused("   ", "invalid watch item: empty");
  }

  @Test
  void tooLongNamesAndLabelsAreRefused() {
    String label = "a".repeat(63);
    String name = label + "." + label + "." + label + "." + label + ".com";
    refused(name, "invalid watch item \"" + name + "\": longer than 253 characters");
    String longLabel = "a".repeat(64) + ".com";
    refused(longLabel, "invalid watch item \"" + longLabel + "\": label longer than 63 characters");
  }

  @Test
  void spacesAndControlCharactersInsideAreRefused() {
    refused("www example.com", "invalid watch item \"www example.com\": contains whitespace");
    refused("www.exa\u0000mple.com", "invalid watch item \"www.exa\\x00mple.com\": contains a control character");
    refused("www.exa\tmple.com", "invalid watch item \"www.exa\\x09mple.com\": contains a control character");
  }

  @Test
  void wildcardsOtherThanALeadingStarDotAreRefused() {
    refused("*", "invalid watch item \"*\": a bare wildcard; use .example.com for a domain and its subdomains");
    refused("www.*.example.com", "invalid watch item \"www.*.example.com\": a wildcard is allowed only as a leading *.");
    refused("w*.example.com", "invalid watch item \"w*.example.com\": a wildcard is allowed only as a leading *.");
    refused("*.*.example.com", "invalid watch item \"*.*.example.com\": a wildcard is allowed only as a leading *.");
  }

  @Test
  void dotAloneAndEmptyLabelsAreRefused() {
    refused(".", "invalid watch item \".\": watching every name is not supported");
    refused("..example.com", "invalid watch item \"..example.com\": empty label");
    refused("www..example.com", "invalid watch item \"www..example.com\": empty label");
    refused("example.com..", "invalid watch item \"example.com..\": empty label");
    refused("*.", "invalid watch item \"*.\": no domain name");
  }

  @Test
  void badRangesAreRefused() {
    refused("192.0.2.0/33", "invalid watch item \"192.0.2.0/33\": prefix length must be 0 to 32");
    refused("2001:db8::/129", "invalid watch item \"2001:db8::/129\": prefix length must be 0 to 128");
    refused("192.0.2.0/abc", "invalid watch item \"192.0.2.0/abc\": prefix length is not a number");
    refused("192.0.2.0/", "invalid watch item \"192.0.2.0/\": prefix length is not a number");
    refused("192.0.2/24", "invalid watch item \"192.0.2/24\": not an ip address before the /");
    refused("example.com/24", "invalid watch item \"example.com/24\": not an ip address before the /");
  }

  @Test
  void addressesWithJunkAreRefused() {
    refused("192.0.2.256", "invalid watch item \"192.0.2.256\": not an ip address");
    refused("192.0.2", "invalid watch item \"192.0.2\": not an ip address");
    refused("010.0.0.1", "invalid watch item \"010.0.0.1\": not an ip address");
    refused("2001:db8::1x", "invalid watch item \"2001:db8::1x\": not an ip address");
    refused("2001:db8::1%eth0", "invalid watch item \"2001:db8::1%eth0\": not an ip address");
    refused("1:2:3:4:5:6:7:8:9", "invalid watch item \"1:2:3:4:5:6:7:8:9\": not an ip address");
  }

  @Test
  void namesIdnaRefusesAreRefused() {
    refused("xn--zz.example", "invalid watch item \"xn--zz.example\": label xn--zz is not a valid a-label");
    // A combining mark cannot start a label (IDNA 2008).
    refused("\u0301abc.example", "invalid watch item \"\u0301abc.example\": refused by idna 2008");
    refused("exa$mple.com", "invalid watch item \"exa$mple.com\": invalid character 0x24");
  }

  @Test
  void recordsRefuseNonCanonicalText() {
    assertThrows(InvalidWatchItemException.class, () -> new WatchItem.ExactName("WWW.example.com"));
    assertThrows(InvalidWatchItemException.class, () -> new WatchItem.DomainTree(".example.com"));
    assertThrows(InvalidWatchItemException.class,
        () -> new WatchItem.IpRange(InetAddress.getByName("192.0.2.1"), 24));
  }
}
