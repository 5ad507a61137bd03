package org.ctmon.alerts.watch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.ctmon.parser.x509.IpAddressText;

/**
 * IP address text to bytes and back without ever resolving a name: strict dotted-quad IPv4 (four
 * decimal parts, no leading zeros, which some resolvers read as octal) and IPv6 as {@link
 * InetAddress} reads literals. IPv4-mapped IPv6 addresses become their IPv4 address.
 */
final class IpText {
  private IpText() {}

  /** The 4- or 16-byte address of {@code s}, or null when it is not an address literal. */
  static byte[] parse(String s) {
    if (s.indexOf(':') < 0) {
      return parseV4(s);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.')) {
        return null; // also refuses zone ids (%eth0) and brackets
      }
    }
    try {
      // With a ':' the JDK parses a literal or throws; it never looks the text up.
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  static byte[] parseV4(String s) {
    byte[] out = new byte[4];
    int part = 0;
    int i = 0;
    int n = s.length();
    while (part < 4) {
      int start = i;
      int v = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || v > 255 || i - start > 1 && s.charAt(start) == '0') {
        return null;
      }
      out[part++] = (byte) v;
      if (part < 4) {
        if (i >= n || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == n ? out : null;
  }

  /** IPv4 dotted, IPv6 as RFC 5952 recommends (the parser's spelling of certificate addresses). */
  static String format(byte[] b) {
    return IpAddressText.of(b, 0, b.length);
  }

  /** {@code address} with every bit after the first {@code prefixLength} cleared. */
  static byte[] mask(byte[] address, int prefixLength) {
    byte[] out = new byte[address.length];
    int full = prefixLength >> 3;
    System.arraycopy(address, 0, out, 0, full);
    if (full < out.length && (prefixLength & 7) != 0) {
      out[full] = (byte) (address[full] & (0xff00 >> (prefixLength & 7)));
    }
    return out;
  }

  static InetAddress toInet(byte[] b) {
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError("address of " + b.length + " bytes", e);
    }
  }
}
