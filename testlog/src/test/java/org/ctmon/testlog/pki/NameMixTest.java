package org.ctmon.testlog.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.ctmon.parser.x509.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NameMixTest {
  @TempDir Path tmp;

  @Test
  void theSameSeedGivesTheSameNamesAndAnotherSeedOthers() {
    NameMix a = new NameMix(11);
    NameMix b = new NameMix(11);
    NameMix c = new NameMix(12);
    List<Names> fromA = new ArrayList<>();
    List<Names> fromB = new ArrayList<>();
    List<Names> fromC = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      fromA.add(a.next());
      fromB.add(b.next());
      fromC.add(c.next());
    }
    assertEquals(fromA, fromB);
    assertNotEquals(fromA, fromC);
  }

  @Test
  void tenThousandDrawsCoverEveryShapeAndStayWithinAHundredSans() {
    NameMix mix = new NameMix(1);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < 10_000; i++) {
      Names n = mix.next();
      assertTrue(n.sans().size() <= 100, n.toString());
      int size = n.sans().size();
      seen.merge(size == 0 ? "cn-only" : size == 1 ? "one" : size <= 3 ? "two-three" : size >= 50 ? "fifty-plus" : "many", 1, Integer::sum);
      if (n.commonName().isEmpty()) {
        seen.merge("no-cn", 1, Integer::sum);
      }
      for (SanName s : n.sans()) {
        if (s instanceof SanName.Ip) {
          seen.merge("ip", 1, Integer::sum);
        } else if (s instanceof SanName.Dns d) {
          assertTrue(d.name().matches("(\\*\\.)?[a-z0-9.-]+"), d.name());
          if (d.name().startsWith("*.")) {
            seen.merge("wildcard", 1, Integer::sum);
          }
          if (d.name().contains("xn--")) {
            seen.merge("idn", 1, Integer::sum);
          }
        }
      }
    }
    for (String shape : List.of("cn-only", "one", "two-three", "many", "fifty-plus", "no-cn", "ip", "wildcard", "idn")) {
      assertTrue(seen.getOrDefault(shape, 0) > 0, shape + " never drawn: " + seen);
    }
    assertTrue(seen.get("one") + seen.get("two-three") > 7_000, "one to three names are typical: " + seen);
  }

  @Test
  void idnsAreValidALabelsThatOpensslPrintsAsIs() throws Exception {
    NameMix mix = new NameMix(3);
    Names idn = null;
    while (idn == null) {
      Names n = mix.next();
      if (n.sans().stream().anyMatch(s -> s instanceof SanName.Dns d && d.name().contains("xn--"))) {
        idn = n;
      }
    }
    for (SanName s : idn.sans()) {
      String name = ((SanName.Dns) s).name();
      assertEquals(name, IDN.toASCII(IDN.toUnicode(name)), "round trip of " + name);
    }
    TestIssuance i = SharedPki.PKI.issue(SharedPki.request(idn, "E6", IssuanceStyle.PRECERT));
    String text = new Openssl(tmp).text(i.x509().certificate());
    for (SanName s : idn.sans()) {
      assertTrue(text.contains("DNS:" + ((SanName.Dns) s).name()), text);
    }
  }

  @Test
  void everyOddNameReachesTheCertificateByteForByte() throws Exception {
    NameMix mix = new NameMix(5);
    for (OddName kind : OddName.values()) {
      Names n = mix.odd(kind);
      String bad = ((SanName.Dns) n.sans().get(1)).name();
      TestIssuance i = SharedPki.PKI.issue(SharedPki.request(n, "R11", IssuanceStyle.PRECERT));
      ASN1Sequence names = ASN1Sequence.getInstance(ASN1OctetString.getInstance(
          TestIssuanceTest.jdk(i.x509().certificate()).getExtensionValue("2.5.29.17")).getOctets());
      ASN1TaggedObject second = ASN1TaggedObject.getInstance(names.getObjectAt(1));
      assertEquals(2, second.getTagNo(), kind + " is a dNSName");
      byte[] written = ASN1OctetString.getInstance(second, false).getOctets();
      assertArrayEquals(bad.getBytes(StandardCharsets.ISO_8859_1), written, kind.toString());
    }
  }

  @Test
  void oddNamesAreAsBrokenAsTheirNamesSay() {
    NameMix mix = new NameMix(9);
    assertTrue(oddName(mix, OddName.NUL).indexOf('\0') > 0);
    assertTrue(oddName(mix, OddName.SPACE).contains(" "));
    assertTrue(oddName(mix, OddName.EMPTY_LABEL).contains(".."));
    assertTrue(oddName(mix, OddName.LONG_NAME).length() > 253);
    assertTrue(oddName(mix, OddName.LONG_LABEL).split("\\.")[0].length() > 63);
    assertTrue(oddName(mix, OddName.NON_ASCII_BYTE).chars().anyMatch(ch -> ch > 0x7f));
    assertTrue(oddName(mix, OddName.TRAILING_DOT).endsWith("."));
    assertEquals("", oddName(mix, OddName.EMPTY));
  }

  private static String oddName(NameMix mix, OddName kind) {
    return ((SanName.Dns) mix.odd(kind).sans().get(1)).name();
  }
}
