package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ctmon.parser.Der;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every certificate of the corpus, decoded and compared with what {@code openssl x509}, the
 * JDK's certificate parser and the corpus index say about it.
 */
final class CertificateDecoderCorpusTest {
  private static final List<CorpusCertificates.CorpusCert> CERTS = CorpusCertificates.all();
  /** openssl's view of each certificate it can read, in corpus order. */
  private static final Map<CorpusCertificates.CorpusCert, Openssl.View> VIEWS = new LinkedHashMap<>();
  private static final List<CorpusCertificates.CorpusCert> SKIPPED = new ArrayList<>();

  @BeforeAll
  static void askOpenssl() {
    for (CorpusCertificates.CorpusCert c : CERTS) {
      Openssl.View v = Openssl.x509(c.der());
      if (v == null) {
        SKIPPED.add(c);
      } else {
        VIEWS.put(c, v);
      }
    }
    System.out.println("x509 corpus: " + CERTS.size() + " certificates, " + VIEWS.size()
        + " compared with openssl, " + SKIPPED.size() + " skipped (openssl cannot read them): " + SKIPPED);
  }

  private static CertificateFacts facts(CorpusCertificates.CorpusCert c) {
    FactsResult r = decode(c);
    return r.facts();
  }

  private static FactsResult decode(CorpusCertificates.CorpusCert c) {
    return CertificateDecoder.fromCertificate(Der.of(c.der()));
  }

  /** Runs {@code check} on every openssl-readable certificate; fails listing every mismatch. */
  private static void compareAll(String what, BiConsumer<CertificateFacts, Openssl.View> check) {
    List<String> failures = new ArrayList<>();
    for (Map.Entry<CorpusCertificates.CorpusCert, Openssl.View> e : VIEWS.entrySet()) {
      try {
        check.accept(facts(e.getKey()), e.getValue());
      } catch (AssertionError | RuntimeException err) {
        failures.add(e.getKey() + ": " + err.getMessage());
      }
    }
    assertTrue(failures.isEmpty(), what + " differs for " + failures.size() + " certificates:\n"
        + String.join("\n", failures));
  }

  @Test
  void comparesEnoughCertificatesToMean() {
    assertTrue(VIEWS.size() > 600, "only " + VIEWS.size() + " certificates compared with openssl");
  }

  @Test
  void everyCertificateOpensslReadsIsParsed() {
    List<String> malformed = new ArrayList<>();
    for (CorpusCertificates.CorpusCert c : VIEWS.keySet()) {
      if (decode(c) instanceof FactsResult.Malformed m) {
        malformed.add(c + ": " + m.reason());
      }
    }
    assertEquals(List.of(), malformed);
  }

  @Test
  void serialsMatchOpenssl() {
    compareAll("serial", (f, v) -> {
      String s = v.serial().toLowerCase(Locale.ROOT);
      boolean negative = s.startsWith("-");
      String digits = (negative ? s.substring(1) : s).replaceFirst("^0+(?=.)", "");
      assertEquals((negative ? "-" : "") + digits, f.serial());
    });
  }

  @Test
  void validityMatchesOpenssl() {
    compareAll("validity", (f, v) -> {
      assertEquals(v.notBefore(), f.notBefore(), "not before");
      assertEquals(v.notAfter(), f.notAfter(), "not after");
    });
  }

  @Test
  void subjectAndIssuerMatchOpenssl() {
    compareAll("distinguished names", (f, v) -> {
      assertEquals(opensslDn(v.subject()), opensslDn(f.subject()), "subject");
      assertEquals(opensslDn(v.issuer()), opensslDn(f.issuer()), "issuer");
    });
  }

  /** Folds the one spelling difference allowed: the case of hex escapes ({@code \\0A}). */
  private static String opensslDn(String dn) {
    Matcher m = Pattern.compile("\\\\[0-9A-Fa-f]{2}").matcher(dn);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group().toLowerCase(Locale.ROOT)));
    }
    return m.appendTail(sb).toString();
  }

  @Test
  void issuerCommonNameAndOrganizationMatchOpenssl() {
    compareAll("issuer cn and o", (f, v) -> {
      assertEquals(firstAttribute(v.issuer(), "CN"), f.issuerCommonName() == null ? null
          : rfc2253Escape(f.issuerCommonName()), "cn");
      assertEquals(firstAttribute(v.issuer(), "O"), f.issuerOrganization() == null ? null
          : rfc2253Escape(f.issuerOrganization()), "o");
    });
  }

  /** The value of the attribute nearest the end of an RFC 2253 string (first in encoding order). */
  private static String firstAttribute(String dn, String type) {
    String found = null;
    for (String part : dn.split("(?<!\\\\)[,+]")) {
      if (part.startsWith(type + "=")) {
        found = part.substring(type.length() + 1);
      }
    }
    return found == null ? null : found.replaceAll("\\\\([0-9A-Fa-f]{2})", "\\\\x$1").toLowerCase(Locale.ROOT);
  }

  private static String rfc2253Escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (",+\"\\<>;".indexOf(c) >= 0 || i == 0 && (c == '#' || c == ' ') || i == s.length() - 1 && c == ' ') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  @Test
  void sanDnsNamesMatchOpenssl() {
    int[] compared = {0};
    compareAll("san dns names", (f, v) -> {
      if (!v.sanParsed()) {
        return;
      }
      compared[0]++;
      Set<String> ours = f.dnsNames().stream().map(DnsName::name).collect(Collectors.toSet());
      Set<String> san = v.sanDns().stream().map(CertificateDecoderCorpusTest::lowerNoDot).collect(Collectors.toSet());
      Set<String> missing = new HashSet<>(san);
      missing.removeAll(ours);
      assertEquals(Set.of(), missing, "san names openssl lists but we do not");
      Set<String> extra = new HashSet<>(ours);
      extra.removeAll(san);
      for (String cn : commonNames(v.subject())) {
        extra.remove(lowerNoDot(cn));
        try {
          extra.remove(lowerNoDot(IDN.toASCII(cn, IDN.ALLOW_UNASSIGNED)));
        } catch (IllegalArgumentException notIdna) {
          // compared as written above
        }
      }
      assertEquals(Set.of(), extra, "names that are neither in openssl's san nor a subject cn");
    });
    assertTrue(compared[0] > 600, "san compared for only " + compared[0]);
  }

  /** ASCII letters lower-cased (other letters are not ours to fold), one trailing dot dropped. */
  private static String lowerNoDot(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
    }
    String l = sb.toString();
    return l.length() > 1 && l.endsWith(".") ? l.substring(0, l.length() - 1) : l;
  }

  private static List<String> commonNames(String dn) {
    List<String> out = new ArrayList<>();
    for (String part : dn.split("(?<!\\\\)[,+]")) {
      if (part.startsWith("CN=")) {
        out.add(part.substring(3).replace("\\", ""));
      }
    }
    return out;
  }

  @Test
  void ipAddressesMatchOpensslAsAddresses() {
    compareAll("ip addresses", (f, v) -> {
      if (!v.sanParsed()) {
        return;
      }
      Set<String> ours = new HashSet<>();
      for (String ip : f.ipAddresses()) {
        ours.add(Arrays.toString(address(ip)));
        assertTrue(ip.equals(ip.toLowerCase(Locale.ROOT)) && !ip.matches(".*(^|:)0[0-9a-f].*"),
            "not canonical: " + ip);
      }
      Set<String> theirs = new HashSet<>();
      for (String ip : v.sanIp()) {
        theirs.add(Arrays.toString(address(ip)));
      }
      for (String cn : commonNames(v.subject())) {
        if (cn.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
          try {
            theirs.add(Arrays.toString(address(cn)));
          } catch (AssertionError notAnAddress) {
            // a CN of digits and dots that is not an address
          }
        }
      }
      assertEquals(theirs, ours);
    });
  }

  private static byte[] address(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new AssertionError("not an address: " + literal);
    }
  }

  @Test
  void signatureAlgorithmMatchesOpenssl() {
    compareAll("signature algorithm", (f, v) -> {
      String theirs = v.signatureAlgorithm();
      // OpenSSL 3 names some algorithms by long name or OID; compare when it has a name
      if (theirs != null && !theirs.matches("[0-9.]+")) {
        assertEquals(theirs.toLowerCase(Locale.ROOT).replace('_', '-'),
            f.signatureAlgorithm().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    });
  }

  @Test
  void caFlagMatchesOpenssl() {
    compareAll("basic constraints ca", (f, v) -> assertEquals(v.ca(), f.isCa()));
  }

  @Test
  void keyTypeAndSizeMatchTheIndex() {
    Map<String, Map<String, String>> index = CorpusCertificates.index();
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (CorpusCertificates.CorpusCert c : CERTS) {
      Map<String, String> row = index.get(c.file());
      if (c.index() != 0 || row == null || row.get("key").isEmpty() || row.get("key").equals("?")) {
        continue;
      }
      PublicKeyFacts k = facts(c).publicKey();
      if (k != null && PublicKeyDecoder.EXPLICIT_CURVE.equals(k.curve())) {
        // explicit parameters: the index names the curve they spell out; we do not match them up
        assertEquals("EC-" + k.bits(), row.get("key").replace("secp", "").replace("r1", ""), c.toString());
        continue;
      }
      String ours = k == null ? "null" : k.type().equals("rsa") ? "RSA-" + k.bits()
          : k.type().equals("ec") ? "EC-" + k.curve() : k.type().toUpperCase(Locale.ROOT);
      compared++;
      if (!ours.equals(row.get("key"))) {
        failures.add(c + ": index " + row.get("key") + ", ours " + ours);
      }
    }
    assertTrue(compared > 500, "only " + compared + " keys compared");
    assertEquals(List.of(), failures);
  }

  @Test
  void subjectCommonNameOfTheIndexIsAName() {
    Map<String, Map<String, String>> index = CorpusCertificates.index();
    List<String> failures = new ArrayList<>();
    int compared = 0;
    for (CorpusCertificates.CorpusCert c : CERTS) {
      Map<String, String> row = index.get(c.file());
      if (c.index() != 0 || row == null) {
        continue;
      }
      String cn = row.get("subject_cn");
      if (!cn.matches("(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+\\.?") || cn.matches("[0-9.]+")) {
        continue;
      }
      compared++;
      String expected = lowerNoDot(cn);
      if (facts(c).dnsNames().stream().noneMatch(n -> n.name().equals(expected))) {
        failures.add(c + ": cn " + cn + " not among " + facts(c).dnsNames());
      }
    }
    for (CorpusCertificates.CorpusCert c : CERTS) {
      Map<String, String> row = index.get(c.file());
      if (c.index() != 0 || row == null || !row.get("subject_cn").matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
        continue;
      }
      compared++;
      if (!facts(c).ipAddresses().contains(row.get("subject_cn"))) {
        failures.add(c + ": cn " + row.get("subject_cn") + " not among " + facts(c).ipAddresses());
      }
    }
    assertTrue(compared > 100, "only " + compared + " common names compared");
    assertEquals(List.of(), failures);
  }

  @Test
  void sanCountsMatchTheIndex() {
    Map<String, Map<String, String>> index = CorpusCertificates.index();
    List<String> failures = new ArrayList<>();
    for (CorpusCertificates.CorpusCert c : CERTS) {
      Map<String, String> row = index.get(c.file());
      if (c.index() != 0 || row == null || !"true".equals(row.get("parses_cryptography"))) {
        continue;
      }
      CertificateFacts f = facts(c);
      // the index counts SAN entries; ours also holds host-name CNs and holds each name once
      int sanDns = Integer.parseInt(row.get("san_dns_count"));
      long distinctSan = f.dnsNames().stream().filter(n -> !n.name().isEmpty()).count();
      if (sanDns > 0 && distinctSan == 0) {
        failures.add(c + ": index " + sanDns + " san names, ours none");
      }
      int ips = Integer.parseInt(row.get("san_ip_count"));
      Openssl.View v = VIEWS.get(c);
      // an iPAddress of neither 4 nor 16 bytes is a problem, not an address (openssl: "<invalid>")
      if (v != null && v.sanIp().size() == ips && f.ipAddresses().size() < ips) {
        failures.add(c + ": index " + ips + " san ips, ours " + f.ipAddresses());
      }
    }
    assertEquals(List.of(), failures);
  }

  @Test
  void certificatesOpensslCannotReadDecodeWithoutThrowing() {
    Map<String, Map<String, String>> index = CorpusCertificates.index();
    for (CorpusCertificates.CorpusCert c : SKIPPED) {
      FactsResult r = decode(c);
      assertNotNull(r.facts(), c.toString());
      Map<String, String> row = index.get(c.file());
      if (row != null && c.index() == 0 && !row.get("san_dns_count").isEmpty()) {
        assertTrue(r.facts().dnsNames().size() >= Integer.parseInt(row.get("san_dns_count")), c.toString());
      }
    }
  }


}
