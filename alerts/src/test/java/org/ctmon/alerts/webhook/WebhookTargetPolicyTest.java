package org.ctmon.alerts.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class WebhookTargetPolicyTest {
  private static Optional<String> kind(String address) throws UnknownHostException {
    return WebhookTargetPolicy.kind(InetAddress.getByName(address));
  }

  @Test
  void refusesEveryNonPublicKindOfAddress() throws UnknownHostException {
    for (String a : new String[] {"127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "169.254.169.254", "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250",
        "255.255.255.255", "240.0.0.1", "::", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::10.0.0.1", "64:ff9b::a00:1", "2002:c0a8:0101::1"}) {
      assertTrue(kind(a).isPresent(), a + " should be refused");
    }
  }

  @Test
  void allowsPublicAddresses() throws UnknownHostException {
    for (String a : new String[] {"93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1",
        "2606:4700::1111", "::ffff:8.8.8.8", "2002:0808:0808::1"}) {
      assertEquals(Optional.empty(), kind(a), a + " should be allowed");
    }
  }

  @Test
  void namesTheKindOfARefusedAddress() throws UnknownHostException {
    assertEquals(Optional.of("a link-local"), kind("169.254.169.254"));
    assertEquals(Optional.of("a shared (CGNAT 100.64.0.0/10)"), kind("100.64.0.1"));
    assertEquals(Optional.of("a private (unique local)"), kind("fd00::1"));
    // Java already turns an IPv4-mapped address into the IPv4 address; bytes from a resolver may not be.
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 10;
    mapped[15] = 1;
    assertTrue(WebhookTargetPolicy.kind(Inet6Address.getByAddress(null, mapped, -1)).isPresent());
  }

  @Test
  void refusesSchemesOtherThanHttpAndAllowsAnythingWhenConfigured() {
    WebhookTargetPolicy strict = new WebhookTargetPolicy(false);
    assertEquals(Optional.of("webhook url file:///etc/passwd is refused: only http and https are allowed"),
        strict.check(URI.create("file:///etc/passwd")));
    assertEquals(Optional.of("webhook url gopher://127.0.0.1/ is refused: only http and https are allowed"),
        new WebhookTargetPolicy(true).check(URI.create("gopher://127.0.0.1/")));
    assertEquals(Optional.empty(), new WebhookTargetPolicy(true).check(URI.create("http://127.0.0.1:8080/hook")));
    assertEquals(Optional.of("webhook url http://[::1]:8080/hook is refused: 0:0:0:0:0:0:0:1 is a loopback address"
        + " (set alerts.webhooks.allowPrivateTargets to allow it)"), strict.check(URI.create("http://[::1]:8080/hook")));
  }
}
