package org.ctmon.testlog.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One subjectAltName entry as a CA writes it: a dNSName or an iPAddress.
 *
 * <p>A {@link Dns} name is written byte for byte as the ISO-8859-1 encoding of its characters,
 * without validation: that is how tests get exactly the bytes a broken CA writes (a space, a NUL,
 * an empty label, a raw 0xE9). Valid names are plain ASCII; IDNs are given as A-labels ({@code
 * xn--...}).
 */
public sealed interface SanName permits SanName.Dns, SanName.Ip {

  /** A dNSName (GeneralName [2] IA5String); every char must be 0x00-0xFF and becomes one byte. */
  record Dns(String name) implements SanName {
    public Dns {
      for (int i = 0; i < name.length(); i++) {
        if (name.charAt(i) > 0xff) {
          throw new IllegalArgumentException(
              "dns name char " + i + " is U+" + Integer.toHexString(name.charAt(i)) + ": give IDNs as A-labels");
        }
      }
    }
  }

  /** An iPAddress (GeneralName [7] OCTET STRING of 4 or 16 bytes). */
  record Ip(InetAddress address) implements SanName {
    /** IPv4 dotted quads or IPv6 hex/colon forms only, so that getByName never does DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    public Ip {
      if (address == null) {
        throw new IllegalArgumentException("ip address is null");
      }
    }
  }

  /** A dNSName. */
  static SanName dns(String name) {
    return new Dns(name);
  }

  /** An iPAddress from an IPv4 or IPv6 literal; never resolves a host name. */
  static SanName ip(String literal) {
    if (!Ip.LITERAL.matcher(literal).matches()) {
      throw new IllegalArgumentException("not an ip literal: " + literal);
    }
    try {
      return new Ip(InetAddress.getByName(literal));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an ip literal: " + literal, e);
    }
  }
}
