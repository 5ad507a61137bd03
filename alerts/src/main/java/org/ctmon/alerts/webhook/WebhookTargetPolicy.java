package org.ctmon.alerts.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * Which webhook URLs ctmon may POST to. A webhook URL is chosen by a user, so without a policy
 * it reaches whatever the monitor can reach (metadata services, admin ports, the database).
 * Only http and https; and unless {@code allowPrivateTargets} (on-premises receivers), no host
 * that resolves to a loopback, link-local, private (RFC 1918, fc00::/7), shared (100.64/10),
 * unspecified (0/8, ::), multicast, broadcast or reserved address, nor an IPv6 form that embeds
 * one (IPv4-mapped, -compatible, NAT64, 6to4).
 *
 * <p>Checked twice: {@link #check} when a webhook is saved, for a clear error, and by
 * {@link #dns()} at every connect, because DNS may answer differently later (rebinding): the
 * addresses checked there are the addresses OkHttp connects to. Thread safe.
 */
public final class WebhookTargetPolicy {
  private final boolean allowPrivateTargets;
  private final Dns resolver;

  /** A policy resolving with {@code resolver} (normally {@link Dns#SYSTEM}). */
  public WebhookTargetPolicy(boolean allowPrivateTargets, Dns resolver) {
    this.allowPrivateTargets = allowPrivateTargets;
    this.resolver = resolver;
  }

  /** A policy resolving with the system resolver. */
  public WebhookTargetPolicy(boolean allowPrivateTargets) {
    this(allowPrivateTargets, Dns.SYSTEM);
  }

  /** Whether private targets are allowed ({@code alerts.webhooks.allowPrivateTargets}). */
  public boolean allowPrivateTargets() {
    return allowPrivateTargets;
  }

  /**
   * Why ctmon will not POST to this URL, or empty when it will. Resolves the host; the message
   * names the URL and, for a refused address, the address and its kind.
   */
  public Optional<String> check(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("webhook url " + url + " is refused: only http and https are allowed");
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("webhook url " + url + " is refused: it has no host");
    }
    if (url.getRawUserInfo() != null) {
      return Optional.of("webhook url " + url + " is refused: credentials in the url are not sent");
    }
    List<InetAddress> addresses;
    try {
      addresses = resolver.lookup(bare(host));
    } catch (UnknownHostException e) {
      return Optional.of("webhook url " + url + " is refused: host " + host + " does not resolve");
    }
    for (InetAddress a : addresses) {
      Optional<String> why = refusal(a);
      if (why.isPresent()) {
        return Optional.of("webhook url " + url + " is refused: " + why.get());
      }
    }
    return Optional.empty();
  }

  /**
   * A client for outbound calls to user-given targets, derived from {@code shared} (its pool and
   * dispatcher): this policy's resolver, so the address checked is the address connected to; no
   * proxy (the resolver must see the host); no redirects; a fresh connection only when a pooled
   * one turns out closed before any answer (a repeat carries the same key); these timeouts.
   */
  public OkHttpClient client(OkHttpClient shared, Duration connect, Duration readWrite, Duration call) {
    return shared.newBuilder()
        .dns(dns())
        .proxy(Proxy.NO_PROXY)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(true)
        .connectTimeout(connect)
        .readTimeout(readWrite)
        .writeTimeout(readWrite)
        .callTimeout(call)
        .build();
  }

  /**
   * A resolver for the webhook client that drops refused addresses, and fails with a
   * {@link RefusedTargetException} when none is left.
   */
  public Dns dns() {
    return host -> {
      List<InetAddress> all = resolver.lookup(host);
      List<InetAddress> allowed = new ArrayList<>();
      String first = null;
      for (InetAddress a : all) {
        Optional<String> why = refusal(a);
        if (why.isEmpty()) {
          allowed.add(a);
        } else if (first == null) {
          first = why.get();
        }
      }
      if (allowed.isEmpty()) {
        throw new RefusedTargetException("host " + host + " is refused: " + (first == null ? "no address" : first));
      }
      return allowed;
    };
  }

  /** Why this address is refused under this policy, e.g. {@code 127.0.0.1 is a loopback address}. */
  public Optional<String> refusal(InetAddress a) {
    if (allowPrivateTargets) {
      return Optional.empty();
    }
    return kind(a).map(k -> a.getHostAddress() + " is " + k + " address"
        + " (set alerts.webhooks.allowPrivateTargets to allow it)");
  }

  /** Thrown by {@link #dns()} when every address of a host is refused; not worth retrying. */
  public static final class RefusedTargetException extends UnknownHostException {
    RefusedTargetException(String message) {
      super(message);
    }
  }

  static Optional<String> kind(InetAddress a) {
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      return kind4(b);
    }
    if (!(a instanceof Inet6Address)) {
      return Optional.of("an unknown kind of");
    }
    if (isZero(b, 0, 16)) {
      return Optional.of("an unspecified");
    }
    if (isZero(b, 0, 15) && b[15] == 1) {
      return Optional.of("a loopback");
    }
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (b0 == 0xff) {
      return Optional.of("a multicast");
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
      return Optional.of("a link-local");
    }
    if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
      return Optional.of("a site-local");
    }
    if ((b0 & 0xfe) == 0xfc) {
      return Optional.of("a private (unique local)");
    }
    // IPv6 forms that carry an IPv4 address: judge the IPv4 address.
    boolean mapped = isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = isZero(b, 0, 12);
    boolean nat64 = b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && isZero(b, 4, 12);
    if (mapped || compatible || nat64) {
      return kind4(new byte[] {b[12], b[13], b[14], b[15]}).map(k -> k + " (embedded IPv4)");
    }
    if (b0 == 0x20 && b1 == 0x02) {
      return kind4(new byte[] {b[2], b[3], b[4], b[5]}).map(k -> k + " (6to4)");
    }
    return Optional.empty();
  }

  private static Optional<String> kind4(byte[] b) {
    int b0 = b[0] & 0xff;
    int b1 = b[1] & 0xff;
    if (b0 == 0) {
      return Optional.of("an unspecified (0.0.0.0/8)");
    }
    if (b0 == 127) {
      return Optional.of("a loopback");
    }
    if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
      return Optional.of("a private (RFC 1918)");
    }
    if (b0 == 169 && b1 == 254) {
      return Optional.of("a link-local");
    }
    if (b0 == 100 && (b1 & 0xc0) == 64) {
      return Optional.of("a shared (CGNAT 100.64.0.0/10)");
    }
    if (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) {
      return Optional.of("an IETF protocol (192.0.0.0/24)");
    }
    if (b0 == 198 && (b1 & 0xfe) == 18) {
      return Optional.of("a benchmarking (198.18.0.0/15)");
    }
    if (b0 >= 224 && b0 <= 239) {
      return Optional.of("a multicast");
    }
    if (b0 == 255 && b1 == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
      return Optional.of("the broadcast");
    }
    if (b0 >= 240) {
      return Optional.of("a reserved (240.0.0.0/4)");
    }
    return Optional.empty();
  }

  private static boolean isZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
