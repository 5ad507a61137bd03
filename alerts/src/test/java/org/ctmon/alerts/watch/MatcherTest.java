package org.ctmon.alerts.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.SanName;
import org.junit.jupiter.api.Test;

final class MatcherTest {
  private static Matcher matcher(String... items) {
    return Matcher.of(List.of(target(1, 10, items)));
  }

  private static WatchTarget target(long id, long account, String... items) {
    return new WatchTarget(id, account, Arrays.stream(items).map(WatchItem::parse).toList(), false);
  }

  /** The matched item texts of the only target, or empty when it was not hit. */
  private static List<String> items(Matcher m, String... names) {
    List<Hit> hits = m.match(List.of(names), List.of());
    return hits.isEmpty() ? List.of() : hits.get(0).watchItems();
  }

  private static List<String> ipItems(Matcher m, String... ips) {
    List<Hit> hits = m.match(List.of(), List.of(ips));
    return hits.isEmpty() ? List.of() : hits.get(0).watchItems();
  }

  @Test
  void treeMatchesTheDomainAndEverySubdomainButNotASimilarName() {
    Matcher m = matcher(".example.com");
    assertEquals(List.of(".example.com"), items(m, "example.com"));
    assertEquals(List.of(".example.com"), items(m, "a.b.example.com"));
    assertEquals(List.of(), items(m, "badexample.com"));
    assertEquals(List.of(), items(m, "example.com.evil.test"));
    assertEquals(List.of(), items(m, "com"));
  }

  @Test
  void exactNameMatchesThatNameOnly() {
    Matcher m = matcher("www.example.com");
    assertEquals(List.of("www.example.com"), items(m, "www.example.com"));
    assertEquals(List.of(), items(m, "a.www.example.com"));
    assertEquals(List.of(), items(m, "example.com"));
  }

  @Test
  void wildcardCertificateMatchesEveryNameItCovers() {
    Matcher m = matcher("www.example.com", ".example.com", "a.b.example.com", "example.com", ".mail.example.com");
    assertEquals(List.of(".example.com", ".mail.example.com", "www.example.com"), items(m, "*.example.com"));
    assertEquals(List.of(), items(matcher("example.com", "a.b.example.com"), "*.example.com"));
  }

  @Test
  void upperCaseNamesStillMatch() {
    assertEquals(List.of("www.example.com"), items(matcher("www.example.com"), "WWW.Example.COM"));
    assertEquals(List.of(".example.com"), items(matcher(".example.com"), "MAIL.EXAMPLE.COM."));
  }

  @Test
  void idnItemsMatchALabelNamesAndStrayUnicodeNames() {
    Matcher m = matcher(".bücher.example");
    assertEquals(List.of(".xn--bcher-kva.example"), items(m, "shop.xn--bcher-kva.example"));
    assertEquals(List.of(".xn--bcher-kva.example"), items(m, "shop.bücher.example"));
    assertEquals(List.of(".xn--bcher-kva.example"), items(matcher(".xn--bcher-kva.example"), "xn--bcher-kva.example"));
  }

  @Test
  void addressesMatchExactlyAndByRange() {
    Matcher m = matcher("192.0.2.1", "198.51.100.0/24", "2001:db8::1", "2001:db8:aaaa::/48", "10.0.0.0/8");
    assertEquals(List.of("192.0.2.1"), ipItems(m, "192.0.2.1"));
    assertEquals(List.of(), ipItems(m, "192.0.2.2"));
    assertEquals(List.of("198.51.100.0/24"), ipItems(m, "198.51.100.200"));
    assertEquals(List.of("10.0.0.0/8"), ipItems(m, "10.255.0.1"));
    assertEquals(List.of("2001:db8::1"), ipItems(m, "2001:db8:0:0:0:0:0:1"));
    assertEquals(List.of("2001:db8:aaaa::/48"), ipItems(m, "2001:db8:aaaa:1::5"));
    assertEquals(List.of(), ipItems(m, "2001:db8:aaab::1"));
    assertEquals(List.of(), ipItems(m, "not an address"));
  }

  @Test
  void ipv4MappedAddressesMatchTheirIpv4Items() {
    Matcher m = matcher("192.0.2.1", "198.51.100.0/24");
    assertEquals(List.of("192.0.2.1"), ipItems(m, "::ffff:192.0.2.1"));
    assertEquals(List.of("198.51.100.0/24"), ipItems(m, "::ffff:c633:6405"));
  }

  @Test
  void nameCutAtNulOrSlashIsCheckedBothAsWrittenAndCut() {
    Matcher exact = matcher("www.example.com");
    assertEquals(List.of("www.example.com"), items(exact, "www.example.com\u0000.evil.example"));
    assertEquals(List.of("www.example.com"), items(exact, "www.example.com/login"));
    assertEquals(List.of("www.example.com"), items(exact, "https://www.example.com/"));
    Matcher evil = matcher(".evil.example");
    assertEquals(List.of(".evil.example"), items(evil, "www.example.com\u0000.evil.example"));
  }

  @Test
  void redactedAndUnparsableLabelsMatchWhatTheyCouldStandFor() {
    Matcher m = matcher("secret.example.com", "a.b.example.org", ".example.net");
    assertEquals(List.of("secret.example.com"), items(m, "?.example.com"));
    assertEquals(List.of("a.b.example.org"), items(m, "?.?.example.org"));
    assertEquals(List.of(".example.net"), items(m, "?.net"));
    assertEquals(List.of("secret.example.com"), items(m, "bad name.example.com"));
    assertEquals(List.of("secret.example.com"), items(m, "secret.exa*ple.com"));
    assertEquals(List.of(), items(m, "?.example.edu"));
  }

  @Test
  void eachListAndAccountGetsOnlyItsOwnHits() {
    Matcher m = Matcher.of(List.of(
        target(1, 100, ".example.com"),
        target(2, 200, "www.example.com", "192.0.2.0/24"),
        target(3, 300, ".example.org")));
    List<Hit> hits = m.match(List.of("www.example.com", "other.test"), List.of("192.0.2.9"));
    assertEquals(List.of(
        new Hit(1, 100, List.of(".example.com"), false, List.of()),
        new Hit(2, 200, List.of("192.0.2.0/24", "www.example.com"), false, List.of())), hits);
    assertEquals(List.of(new Hit(3, 300, List.of(".example.org"), false, List.of())),
        m.match(List.of("example.org"), List.of()));
    assertEquals(List.of(), m.match(List.of("example.net"), List.of("198.51.100.1")));
  }

  @Test
  void oneNameWatchedByManyListsHitsEachOfThem() {
    Matcher m = Matcher.of(List.of(
        target(1, 100, "shop.example.com", ".example.com"),
        target(2, 200, "shop.example.com"),
        target(3, 300, "shop.example.com", ".example.com"),
        target(4, 400, "other.example.com")));
    assertEquals(List.of(
        new Hit(1, 100, List.of(".example.com", "shop.example.com"), false, List.of()),
        new Hit(2, 200, List.of("shop.example.com"), false, List.of()),
        new Hit(3, 300, List.of(".example.com", "shop.example.com"), false, List.of())),
        m.match(List.of("shop.example.com"), List.of()));
    assertEquals(List.of(
        new Hit(1, 100, List.of(".example.com"), false, List.of()),
        new Hit(3, 300, List.of(".example.com"), false, List.of()),
        new Hit(4, 400, List.of("other.example.com"), false, List.of())),
        m.match(List.of("other.example.com"), List.of()));
  }

  @Test
  void realCorpusCertificatesMatchTheirOwners() {
    CertificateFacts google = Certs.corpus("precerts/final-with-scts/limbo-online/google.com.chain.pem");
    CertificateFacts so = Certs.corpus("precerts/final-with-scts/limbo-online/stackoverflow.com.chain.pem");
    Matcher m = Matcher.of(List.of(
        target(1, 1, "mail.google.com"), target(2, 2, ".stackoverflow.com"), target(3, 3, ".bdn.dev")));
    assertEquals(List.of(1L, 3L), m.match(Certs.dnsNames(google), google.ipAddresses()).stream()
        .map(Hit::watchlistId).toList());
    assertEquals(List.of(new Hit(2, 2, List.of(".stackoverflow.com"), false, List.of())),
        m.match(Certs.dnsNames(so), so.ipAddresses()));
  }

  @Test
  void certificatesFromTheTestPkiMatchNamesAndAddresses() throws Exception {
    CertificateFacts f = Certs.issued(new Names(List.of(new SanName.Dns("*.shop.example"),
        new SanName.Dns("shop.example"), new SanName.Ip(InetAddress.getByName("2001:db8::7"))),
        Optional.of("shop.example")));
    Matcher m = matcher("cart.shop.example", "2001:db8::/32");
    assertEquals(List.of("2001:db8::/32", "cart.shop.example"), m.match(Certs.dnsNames(f), f.ipAddresses()).get(0)
        .watchItems());
  }

  @Test
  void largeListsMatchWhatTheSuffixRuleSays() {
    // Labels repeat under different parents and lists share domains, so lookups must tell
    // (parent, label) pairs apart once the table has grown many times.
    Random random = new Random(7);
    String[] words = {"shop", "mail", "a", "b", "xn--bcher-kva", "login", "www", "api", "cdn"};
    List<WatchTarget> targets = new ArrayList<>();
    for (int t = 0; t < 300; t++) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String domain = words[random.nextInt(words.length)] + "." + "d" + random.nextInt(4000) + "."
            + (random.nextBoolean() ? "com" : "test");
        items.add(random.nextInt(3) == 0 ? "." + domain.substring(domain.indexOf('.') + 1) : domain);
      }
      targets.add(target(t + 1, 1000 + t, items.toArray(String[]::new)));
    }
    Matcher m = Matcher.of(targets);
    int matched = 0;
    for (int n = 0; n < 2000; n++) {
      String name = words[random.nextInt(words.length)] + "." + "d" + random.nextInt(4000) + "."
          + (random.nextBoolean() ? "com" : "test");
      if (random.nextInt(4) == 0) {
        name = "deep." + name;
      }
      List<Hit> expected = new ArrayList<>();
      for (WatchTarget target : targets) {
        TreeSet<String> hit = new TreeSet<>();
        for (WatchItem item : target.items()) {
          String text = item.text();
          if (text.startsWith(".") ? name.equals(text.substring(1)) || name.endsWith(text) : name.equals(text)) {
            hit.add(text);
          }
        }
        if (!hit.isEmpty()) {
          expected.add(new Hit(target.watchlistId(), target.accountId(), List.copyOf(hit), false, List.of()));
        }
      }
      assertEquals(expected, m.match(List.of(name), List.of()), name);
      matched += expected.isEmpty() ? 0 : 1;
    }
    assertTrue(matched > 200, "names that hit: " + matched);
  }

  @Test
  void matcherWithoutItemsMatchesNothing() {
    assertTrue(Matcher.of(List.of()).match(List.of("*.com", "?"), List.of("192.0.2.1")).isEmpty());
  }
}
