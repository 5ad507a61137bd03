package org.ctmon.parser.x509;

/**
 * Canonical text of IP addresses: IPv4 dotted decimal, IPv6 as RFC 5952 recommends (lower-case
 * hex, no leading zeros, the longest run of two or more zero groups shortened to {@code ::}, the
 * first such run on a tie, IPv4-mapped addresses as {@code ::ffff:a.b.c.d}).
 */
public final class IpAddressText {
  private IpAddressText() {}

  /** The text of a 4- or 16-byte address; null for any other length. */
  public static String of(byte[] b, int off, int len) {
    if (len == 4) {
      return (b[off] & 0xff) + "." + (b[off + 1] & 0xff) + "." + (b[off + 2] & 0xff) + "." + (b[off + 3] & 0xff);
    }
    if (len != 16) {
      return null;
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = (b[off + 2 * i] & 0xff) << 8 | (b[off + 2 * i + 1] & 0xff);
    }
    if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
      return "::ffff:" + of(b, off + 12, 4);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  /**
   * The canonical text of an address written as text (a subject CN), or null when {@code s} is
   * not a literal IPv4 (four decimal parts) or IPv6 address. Never resolves names.
   */
  static String parse(String s) {
    byte[] v4 = parseV4(s, 0, s.length());
    if (v4 != null) {
      return of(v4, 0, 4);
    }
    if (s.indexOf(':') >= 0) {
      byte[] v6 = parseV6(s);
      if (v6 != null) {
        return of(v6, 0, 16);
      }
    }
    return null;
  }

  private static byte[] parseV4(String s, int from, int to) {
    byte[] out = new byte[4];
    int part = 0;
    int i = from;
    while (part < 4) {
      int start = i;
      int v = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        v = v * 10 + (s.charAt(i) - '0');
        i++;
      }
      if (i == start || v > 255) {
        return null;
      }
      out[part++] = (byte) v;
      if (part < 4) {
        if (i >= to || s.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == to ? out : null;
  }

  private static byte[] parseV6(String s) {
    int dbl = s.indexOf("::");
    if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
      return null;
    }
    int[] head = new int[8];
    int[] tail = new int[8];
    byte[] v4 = null;
    int nh = 0;
    int nt = 0;
    String left = dbl >= 0 ? s.substring(0, dbl) : s;
    String right = dbl >= 0 ? s.substring(dbl + 2) : "";
    String[][] sides = {left.isEmpty() ? new String[0] : left.split(":", -1),
        right.isEmpty() ? new String[0] : right.split(":", -1)};
    for (int side = 0; side < 2; side++) {
      String[] parts = sides[side];
      for (int k = 0; k < parts.length; k++) {
        String p = parts[k];
        boolean last = side == 1 || dbl < 0 ? k == parts.length - 1 : false;
        if (last && p.indexOf('.') >= 0) {
          v4 = parseV4(p, 0, p.length());
          if (v4 == null) {
            return null;
          }
          continue;
        }
        if (p.isEmpty() || p.length() > 4) {
          return null;
        }
        int v = 0;
        for (int i = 0; i < p.length(); i++) {
          int d = Character.digit(p.charAt(i), 16);
          if (d < 0) {
            return null;
          }
          v = v << 4 | d;
        }
        if (side == 0) {
          if (nh == 8) {
            return null;
          }
          head[nh++] = v;
        } else {
          if (nt == 8) {
            return null;
          }
          tail[nt++] = v;
        }
      }
    }
    int groups = nh + nt + (v4 != null ? 2 : 0);
    if (dbl < 0 ? groups != 8 : groups > 7) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < nh; i++) {
      out[2 * i] = (byte) (head[i] >> 8);
      out[2 * i + 1] = (byte) head[i];
    }
    int tailStart = 16 - 2 * nt - (v4 != null ? 4 : 0);
    for (int i = 0; i < nt; i++) {
      out[tailStart + 2 * i] = (byte) (tail[i] >> 8);
      out[tailStart + 2 * i + 1] = (byte) tail[i];
    }
    if (v4 != null) {
      System.arraycopy(v4, 0, out, 12, 4);
    }
    return out;
  }
}
