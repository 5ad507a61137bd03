package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

final class FactsBuilderTest {
  private static List<String> names(FactsBuilder b) {
    return b.build().dnsNames().stream().map(DnsName::name).toList();
  }

  @Test
  void aNameCutAtANulOrASlashIsAlsoFoundAsThePartBefore() {
    FactsBuilder b = new FactsBuilder();
    b.addDnsName("www.bank.com\0.evil.com");
    b.addDnsName("login.bank.com/phish.evil.com");
    List<String> names = names(b);
    assertTrue(names.contains("www.bank.com\0.evil.com"), "kept as written: " + names);
    assertTrue(names.contains("www.bank.com"), names.toString());
    assertTrue(names.contains("login.bank.com"), names.toString());
  }

  @Test
  void aSchemeTrailingDotsAndSpacesAreNotPartOfTheNameMeant() {
    FactsBuilder b = new FactsBuilder();
    b.addDnsName("https://pay.bank.com");
    b.addDnsName("HTTP://Shop.Bank.com");
    b.addDnsName(" mail.bank.com.. ");
    List<String> names = names(b);
    assertTrue(names.containsAll(List.of("pay.bank.com", "shop.bank.com", "mail.bank.com")), names.toString());
  }

  @Test
  void aDnsNameThatReadsAsAnIpAddressIsAlsoAnAddress() {
    FactsBuilder b = new FactsBuilder();
    b.addDnsName("192.0.2.7");
    assertEquals(List.of("192.0.2.7"), b.build().ipAddresses());
  }

  @Test
  void aSubjectCommonNameWithoutADotIsKeptButNotFromTheLenientScan() {
    FactsBuilder b = new FactsBuilder();
    b.addCommonName("intranet");
    b.addCommonName("Example CA"); // not a host name
    b.addCommonName("WR2", false);
    assertEquals(List.of("intranet"), names(b));
  }

  @Test
  void aCleanNameAddsNothingMore() {
    FactsBuilder b = new FactsBuilder();
    b.addDnsName("www.bank.com");
    assertEquals(List.of("www.bank.com"), names(b));
    assertEquals(List.of(), b.build().ipAddresses());
  }

  @Test
  void aUnicodeDnsNameIsAlsoFoundByItsALabel() {
    FactsBuilder b = new FactsBuilder();
    b.addDnsName("bücher.example");
    b.addCommonName("faß.de");
    b.addCommonName("*.straße.example");
    List<String> names = names(b);
    assertTrue(names.contains("*.xn--strae-oqa.example"), names.toString());
    assertTrue(names.contains("bücher.example"), "kept as written: " + names);
    assertTrue(names.contains("xn--bcher-kva.example"), names.toString());
    assertTrue(names.contains("xn--fa-hia.de"), names.toString());
  }
}
