package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ctmon.parser.Der;
import org.junit.jupiter.api.Test;

final class DnsNameTest {
  @Test
  void upperCaseIsFoldedToLowerCase() {
    assertEquals("www.example.com", DnsName.of("WWW.Example.COM").name());
  }

  @Test
  void oneTrailingDotIsDropped() {
    DnsName n = DnsName.of("example.com.");
    assertEquals("example.com", n.name());
    assertTrue(n.valid());
  }

  @Test
  void aLabelsAreTheKeyAndUnicodeIsForDisplay() {
    // IDNA 2003 reference pairs (RFC 3492 section 7.1 style): bücher.de, 例え.テスト
    DnsName n = DnsName.of("xn--bcher-kva.de");
    assertEquals("xn--bcher-kva.de", n.name());
    assertEquals("bücher.de", n.unicode());
    assertEquals("例え.テスト", DnsName.of("XN--R8JZ45G.XN--ZCKZAH").unicode());
  }

  @Test
  void aBrokenALabelDisplaysAsWritten() {
    assertEquals("xn--a.example", DnsName.of("xn--a.example").unicode());
  }

  @Test
  void watchListInputInUnicodeBecomesTheALabel() {
    assertEquals("xn--bcher-kva.de", DnsName.parse("  Bücher.DE ").name());
    assertEquals("www.example.com", DnsName.parse("www.example.com.").name());
  }

  @Test
  void nulByteIsKeptFlaggedAndEscapedForDisplay() {
    DnsName n = DnsName.of("null.python.org\0example.org");
    assertEquals("null.python.org\0example.org", n.name());
    assertFalse(n.valid());
    assertEquals("contains nul", n.problem());
    assertEquals("null.python.org\\x00example.org", n.unicode());
    assertEquals("null.python.org\\x00example.org", n.toString());
  }

  @Test
  void spacesAreKeptAndFlagged() {
    assertEquals("contains whitespace", DnsName.of("foo bar.example").problem());
    DnsName trailing = DnsName.of("gov.us ");
    assertEquals("gov.us ", trailing.name());
    assertEquals("leading or trailing whitespace", trailing.problem());
    assertEquals("leading or trailing whitespace", DnsName.of(" ").problem());
  }

  @Test
  void emptyNamesAndLabelsAreFlagged() {
    assertEquals("empty name", DnsName.of("").problem());
    assertEquals("empty label", DnsName.of("a..example").problem());
    assertEquals("empty label", DnsName.of(".example").problem());
  }

  @Test
  void nonAsciiIsKeptAndFlagged() {
    DnsName n = DnsName.of("bücher.de");
    assertEquals("bücher.de", n.name());
    assertEquals("non-ascii character", n.problem());
  }

  @Test
  void leftmostWildcardIsValidAndFlagged() {
    DnsName n = DnsName.of("*.Example.com");
    assertEquals("*.example.com", n.name());
    assertTrue(n.wildcard());
    assertTrue(n.valid());
  }

  @Test
  void wildcardElsewhereIsKeptAndFlagged() {
    assertEquals("wildcard not the whole leftmost label", DnsName.of("www.*.example.com").problem());
    assertEquals("wildcard not the whole leftmost label", DnsName.of("w*.example.com").problem());
    assertEquals("bare wildcard", DnsName.of("*").problem());
  }

  @Test
  void reversedJoinsTheLabelsInReverse() {
    assertEquals("com.example.www", DnsName.of("www.example.com").reversed());
    assertEquals("com.example.*", DnsName.of("*.example.com").reversed());
    assertEquals("localhost", DnsName.of("localhost").reversed());
    assertEquals("example..a", DnsName.of("a..example").reversed());
  }

  @Test
  void equalityAndOrderAreByName() {
    assertEquals(DnsName.of("EXAMPLE.com"), DnsName.of("example.com."));
    assertTrue(DnsName.of("a.example").compareTo(DnsName.of("b.example")) < 0);
  }

  @Test
  void nullCharactersCertificateKeepsTheWholeName() {
    // CT project test data: SAN dNSName "altnull.python.org\0example.com" and CN with a NUL
    byte[] der = CorpusCertificates.read("certs/ct-python/null_chars.pem").get(0).der();
    CertificateFacts f = CertificateDecoder.fromCertificate(Der.of(der)).facts();
    assertTrue(f.dnsNames().contains(DnsName.of("altnull.python.org\0example.com")), f.dnsNames().toString());
    assertTrue(f.dnsNames().contains(DnsName.of("null.python.org\0example.org")), f.dnsNames().toString());
    assertTrue(f.dnsNames().stream().filter(n -> n.name().indexOf('\0') >= 0).noneMatch(DnsName::valid));
  }

  @Test
  void commonNameThatIsAnIpAddressIsAnIpAddress() {
    byte[] der = CorpusCertificates.read("certs/zlint/dnsNameWithIPInCN.pem").get(0).der();
    CertificateFacts f = CertificateDecoder.fromCertificate(Der.of(der)).facts();
    assertTrue(f.ipAddresses().contains("63.138.85.74"), f.ipAddresses().toString());
    assertTrue(f.dnsNames().stream().noneMatch(n -> n.name().equals("63.138.85.74")));
  }

  @Test
  void unicodeCommonNameIsIndexedByItsALabel() {
    // openssl x509 -subject: CN = ñeco ñýáěšžěšžřěčíě+ščýáíéřáíÚ is not a host name: no name
    byte[] der = CorpusCertificates.read("certs/ct-python/cn_utf8.pem").get(0).der();
    assertEquals(List.of(), CertificateDecoder.fromCertificate(Der.of(der)).facts().dnsNames());
  }

  @Test
  void validNameHasNoProblem() {
    assertNull(DnsName.of("a-b_c.example.com").problem());
  }

  @Test
  void watchListInputIsConvertedAsIdna2008NotIdna2003() {
    // IDNA 2003 (java.net.IDN) maps ß to ss: fass.de, another domain than the one a CA certifies.
    assertEquals("xn--fa-hia.de", DnsName.parse("faß.de").name());
    assertEquals("faß.de", DnsName.of("xn--fa-hia.de").unicode());
  }
}
