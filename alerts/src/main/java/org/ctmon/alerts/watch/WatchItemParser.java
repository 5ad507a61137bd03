package org.ctmon.alerts.watch;

import java.net.InetAddress;
import java.util.Locale;
import org.ctmon.parser.x509.DnsName;

/** The rules of {@link WatchItem#parse}, one refusal per mistake, in the order a reader checks them. */
final class WatchItemParser {
  private WatchItemParser() {}

  static WatchItem parse(String input) {
    if (input == null || input.isBlank()) {
      throw new InvalidWatchItemException("invalid watch item: empty");
    }
    String s = input.strip();
    String shown = escape(s);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
        throw InvalidWatchItemException.of(shown, "contains a control character");
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        throw InvalidWatchItemException.of(shown, "contains whitespace");
      }
    }
    if (s.length() > 1024) {
      throw InvalidWatchItemException.of(shown.substring(0, 64) + "...", "longer than 253 characters");
    }
    if (s.indexOf('/') >= 0) {
      return range(s);
    }
    if (s.indexOf(':') >= 0 || looksLikeIpv4(s)) {
      byte[] b = IpText.parse(s);
      if (b == null) {
        throw InvalidWatchItemException.of(shown, "not an ip address");
      }
      return new WatchItem.IpAddress(IpText.toInet(b));
    }
    return name(s, shown);
  }

  private static boolean looksLikeIpv4(String s) {
    if (s.startsWith(".")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '.')) {
        return false;
      }
    }
    return s.indexOf('.') >= 0;
  }

  private static WatchItem range(String s) {
    int slash = s.indexOf('/');
    String addr = s.substring(0, slash);
    String len = s.substring(slash + 1);
    byte[] b = IpText.parse(addr);
    if (b == null) {
      throw InvalidWatchItemException.of(s, "not an ip address before the /");
    }
    if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw InvalidWatchItemException.of(s, "prefix length is not a number");
    }
    int prefix = Integer.parseInt(len);
    if (b.length == 4 && addr.indexOf(':') >= 0) {
      // ::ffff:192.0.2.0/120 is 192.0.2.0/24: the JDK already gave the IPv4 address.
      if (prefix < 96) {
        throw InvalidWatchItemException.of(s, "an ipv4-mapped range needs a prefix length of 96 to 128");
      }
      prefix -= 96;
    }
    int bits = b.length * 8;
    if (prefix > bits) {
      throw InvalidWatchItemException.of(s, "prefix length must be 0 to " + bits);
    }
    InetAddress network = IpText.toInet(IpText.mask(b, prefix));
    return new WatchItem.IpRange(network, prefix);
  }

  private static WatchItem name(String s, String shown) {
    boolean tree = false;
    String rest = s;
    if (rest.equals("*")) {
      throw InvalidWatchItemException.of(shown, "a bare wildcard; use .example.com for a domain and its subdomains");
    }
    if (rest.equals(".")) {
      throw InvalidWatchItemException.of(shown, "watching every name is not supported");
    }
    if (rest.startsWith("*.")) {
      tree = true;
      rest = rest.substring(2);
    } else if (rest.startsWith(".")) {
      tree = true;
      rest = rest.substring(1);
    }
    if (rest.indexOf('*') >= 0) {
      throw InvalidWatchItemException.of(shown, "a wildcard is allowed only as a leading *.");
    }
    if (rest.endsWith(".")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (rest.isEmpty()) {
      throw InvalidWatchItemException.of(shown, "no domain name");
    }
    String name = canonicalName(rest, shown);
    return tree ? new WatchItem.DomainTree(name) : new WatchItem.ExactName(name);
  }

  /** The canonical form of a domain name without tree marker or trailing dot; throws if it has none. */
  static String canonicalName(String rest, String shown) {
    if (rest.startsWith(".") || rest.contains("..") || rest.endsWith(".")) {
      throw InvalidWatchItemException.of(shown, "empty label");
    }
    if (rest.indexOf('*') >= 0) {
      throw InvalidWatchItemException.of(shown, "a wildcard is allowed only as a leading *.");
    }
    DnsName dn = DnsName.parse(rest);
    if (!dn.valid()) {
      String problem = dn.problem();
      if (problem.equals("non-ascii character")) {
        problem = "refused by idna 2008";
      }
      throw InvalidWatchItemException.of(shown, problem);
    }
    String name = dn.name();
    for (String label : name.split("\\.", -1)) {
      if (label.startsWith("xn--") && DnsName.of(label).unicode().equals(label)) {
        throw InvalidWatchItemException.of(shown, "label " + label + " is not a valid a-label");
      }
    }
    return name;
  }

  /** {@code s} with control characters as {@code \xNN}, safe to quote in a message. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
