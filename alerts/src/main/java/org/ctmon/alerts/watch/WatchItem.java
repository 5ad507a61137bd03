package org.ctmon.alerts.watch;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * One thing a watch list watches: a DNS name, a domain with all its subdomains, an IP address or
 * an IP range. Written as in certspotter's watch lists ({@code example.com}, {@code .example.com})
 * plus {@code *.example.com} for a tree, and addresses and CIDR ranges.
 *
 * <p>{@link #text()} is the canonical form ctmon stores and shows: A-labels in lower case, no
 * trailing dot, a leading dot for a tree, RFC 5952 IPv6, a range's network address with its host
 * bits cleared. {@code parse(item.text())} gives back an equal item.
 */
public sealed interface WatchItem {
  /** The canonical text of this item. */
  String text();

  /**
   * Parses a watch item as a user types it: surrounding whitespace trimmed, upper case, a trailing
   * dot, U-labels or A-labels all accepted.
   *
   * @throws InvalidWatchItemException naming the item and what is wrong with it
   */
  static WatchItem parse(String text) {
    return WatchItemParser.parse(text);
  }

  /** Exactly this DNS name (certspotter {@code example.com}). */
  record ExactName(String name) implements WatchItem {
    /** Requires a canonical name: {@code parse(name)} must give this name. */
    public ExactName {
      if (name == null || !WatchItemParser.canonicalName(name, name).equals(name)) {
        throw InvalidWatchItemException.of(String.valueOf(name), "not a canonical dns name (use WatchItem.parse)");
      }
    }

    @Override
    public String text() {
      return name;
    }
  }

  /** The domain and every name under it (certspotter {@code .example.com}). */
  record DomainTree(String domain) implements WatchItem {
    /** Requires a canonical domain without the leading dot. */
    public DomainTree {
      if (domain == null || !WatchItemParser.canonicalName(domain, domain).equals(domain)) {
        throw InvalidWatchItemException.of(String.valueOf(domain), "not a canonical domain (use WatchItem.parse)");
      }
    }

    @Override
    public String text() {
      return "." + domain;
    }
  }

  /** One IP address; an IPv4-mapped IPv6 address is kept as its IPv4 address. */
  record IpAddress(InetAddress address) implements WatchItem {
    /** Requires an address. */
    public IpAddress {
      if (address == null) {
        throw new InvalidWatchItemException("invalid watch item: no ip address");
      }
    }

    @Override
    public String text() {
      return IpText.format(address.getAddress());
    }
  }

  /** The addresses of a CIDR block; {@code network} has its host bits cleared. */
  record IpRange(InetAddress network, int prefixLength) implements WatchItem {
    /** Requires a prefix length that fits the family and a network without host bits. */
    public IpRange {
      if (network == null) {
        throw new InvalidWatchItemException("invalid watch item: no ip network");
      }
      int bits = network instanceof Inet4Address ? 32 : 128;
      if (prefixLength < 0 || prefixLength > bits) {
        throw InvalidWatchItemException.of(IpText.format(network.getAddress()) + "/" + prefixLength,
            "prefix length must be 0 to " + bits);
      }
      byte[] b = network.getAddress();
      if (!Arrays.equals(b, IpText.mask(b, prefixLength))) {
        throw InvalidWatchItemException.of(IpText.format(b) + "/" + prefixLength, "host bits set in network");
      }
    }

    @Override
    public String text() {
      return IpText.format(network.getAddress()) + "/" + prefixLength;
    }
  }
}
