package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Canonical IP text against the examples of RFC 5952 itself. */
final class IpAddressTextTest {
  private static String text(String literal) throws Exception {
    byte[] b = InetAddress.getByName(literal).getAddress();
    return IpAddressText.of(b, 0, b.length);
  }

  @Test
  void ipv4IsDottedDecimal() throws Exception {
    assertEquals("192.0.2.1", text("192.0.2.1"));
    assertEquals("0.0.0.0", text("0.0.0.0"));
  }

  @Test
  void ipv6FollowsRfc5952() throws Exception {
    // RFC 5952 section 4.1: leading zeros suppressed
    assertEquals("2001:db8::1", text("2001:0db8::0001"));
    // 4.2.1: the longest run is shortened; 4.2.2: a single zero group is not
    assertEquals("2001:db8::2:1", text("2001:db8:0:0:0:0:2:1"));
    assertEquals("2001:db8:0:1:1:1:1:1", text("2001:db8:0:1:1:1:1:1"));
    // 4.2.3: the longest run, and the first of equal runs
    assertEquals("2001:0:0:1::1", text("2001:0:0:1:0:0:0:1"));
    assertEquals("2001:db8::1:0:0:1", text("2001:db8:0:0:1:0:0:1"));
    // 4.3: lower case
    assertEquals("2001:db8::aaaa:bbbb", text("2001:DB8::AAAA:BBBB"));
    assertEquals("::", text("::"));
    assertEquals("::1", text("::1"));
    assertEquals("fe80::", text("fe80::"));
  }

  @Test
  void ipv4MappedAddressesUseDottedTail() {
    byte[] b = new byte[16];
    b[10] = (byte) 0xff;
    b[11] = (byte) 0xff;
    b[12] = (byte) 192;
    b[14] = 2;
    b[15] = 1;
    assertEquals("::ffff:192.0.2.1", IpAddressText.of(b, 0, 16));
  }

  @Test
  void otherLengthsAreNotAddresses() {
    assertNull(IpAddressText.of(new byte[8], 0, 8));
  }

  @Test
  void textLiteralsAreCanonicalized() {
    assertEquals("192.0.2.1", IpAddressText.parse("192.0.2.1"));
    assertEquals("2001:db8::1", IpAddressText.parse("2001:DB8:0:0:0:0:0:1"));
    assertEquals("::ffff:192.0.2.1", IpAddressText.parse("::ffff:192.0.2.1"));
    assertEquals("::", IpAddressText.parse("::"));
  }

  @Test
  void namesAndNearMissesAreNotAddresses() {
    assertNull(IpAddressText.parse("example.com"));
    assertNull(IpAddressText.parse("1.2.3"));
    assertNull(IpAddressText.parse("1.2.3.256"));
    assertNull(IpAddressText.parse("1.2.3.4.5"));
    assertNull(IpAddressText.parse("1::2::3"));
    assertNull(IpAddressText.parse("1:2:3:4:5:6:7:8:9"));
    assertNull(IpAddressText.parse("12345::"));
  }
}
