package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ctmon.parser.Der;
import org.junit.jupiter.api.Test;

/** Bad input is a result: never an exception, never a hang, and names survive the damage. */
final class CertificateDecoderRobustnessTest {
  private static final String GOOGLE = "precerts/final-with-scts/limbo-online/google.com.chain.pem";

  private static byte[] first(String file) {
    return CorpusCertificates.read(file).get(0).der();
  }

  @Test
  void everyCorpusFileDecodesThroughEveryEntryPoint() {
    List<CorpusCertificates.CorpusCert> all = CorpusCertificates.all();
    for (CorpusCertificates.CorpusCert c : all) {
      Der der = Der.of(c.der());
      assertNotNull(CertificateDecoder.fromCertificate(der).facts(), c.toString());
      assertNotNull(CertificateDecoder.fromPrecertificate(der).facts(), c.toString());
      assertNotNull(CertificateDecoder.fromTbs(der, true).facts(), c.toString());
    }
    assertTrue(all.size() > 650);
  }

  @Test
  void certificatesOpensslRefusesAreDecodedWithTheirOdditiesNamed() {
    // openssl x509 cannot read these three; each has exactly one deliberate flaw
    assertProblem("certs/ct-python/negative_serial.pem", "negative serial number");
    assertProblem("certs/ctgo-x509/xf-der-invalid-nonminimal-int.pem", "serial number not minimally encoded");
    assertProblem("certs/ct-python/cert_bad_utf8_subject.pem", "subject: invalid utf-8");
  }

  @Test
  void certificatesPythonCryptographyRefusesAreFlagged() {
    // index.csv: 58 certificates python-cryptography cannot parse, each malformed on purpose.
    // We decode leniently, so each must come back Malformed or with its oddity named. The one
    // exception: zlint/caOrgNameEmpty.pem, whose flaw is the order of a SET OF (not checked).
    Map<String, Map<String, String>> index = CorpusCertificates.index();
    List<String> unflagged = new ArrayList<>();
    int refused = 0;
    for (Map.Entry<String, Map<String, String>> e : index.entrySet()) {
      if (!"false".equals(e.getValue().get("parses_cryptography"))) {
        continue;
      }
      refused++;
      FactsResult r = CertificateDecoder.fromCertificate(Der.of(first(e.getKey())));
      if (r instanceof FactsResult.Parsed && r.facts().problems().isEmpty()) {
        unflagged.add(e.getKey());
      }
    }
    assertEquals(58, refused);
    assertEquals(List.of("certs/zlint/caOrgNameEmpty.pem"), unflagged);
  }

  private static void assertProblem(String file, String problem) {
    FactsResult r = CertificateDecoder.fromCertificate(Der.of(first(file)));
    assertTrue(r.facts().problems().contains(problem), file + ": " + r.facts().problems());
  }

  @Test
  void anOcspResponseIsMalformedNotACertificate() {
    FactsResult r = CertificateDecoder.fromCertificate(Der.of(first("certs/zlint/ocspThisUpdateAfterProducedAt.der")));
    assertTrue(r instanceof FactsResult.Malformed);
    assertEquals("tbs certificate: expected tag 0x30, found 0x0a at offset 3", ((FactsResult.Malformed) r).reason());
  }

  @Test
  void truncatedCertificateStillYieldsAllItsNames() {
    byte[] der = first(GOOGLE);
    List<DnsName> names = CertificateDecoder.fromCertificate(Der.of(der)).facts().dnsNames();
    assertEquals(137, names.size());
    FactsResult r = CertificateDecoder.fromCertificate(Der.of(Arrays.copyOf(der, der.length - 100)));
    assertTrue(r instanceof FactsResult.Malformed, r.toString());
    assertTrue(((FactsResult.Malformed) r).reason().contains("runs past"), ((FactsResult.Malformed) r).reason());
    assertEquals(names, r.facts().dnsNames());
  }

  @Test
  void brokenValidityCostsTheDatesButNotTheNames() {
    byte[] der = first(GOOGLE);
    List<DnsName> names = CertificateDecoder.fromCertificate(Der.of(der)).facts().dnsNames();
    byte[] bad = der.clone();
    // the notBefore UTCTime: tag 0x17, length 13; make its first digit a letter
    int i = indexOf(bad, new byte[] {0x17, 0x0d});
    bad[i + 2] = 'X';
    FactsResult r = CertificateDecoder.fromCertificate(Der.of(bad));
    assertTrue(r instanceof FactsResult.Malformed, r.toString());
    assertEquals(names, r.facts().dnsNames());
    assertEquals(null, r.facts().notBefore());
    assertNotNull(r.facts().serial());
    assertNotNull(r.facts().tbsSha256());
  }

  @Test
  void garbageAndEmptyInputAreMalformed() {
    for (byte[] b : List.of(new byte[0], new byte[] {0x30}, new byte[] {0x30, (byte) 0x84, 1, 2, 3, 4},
        new byte[] {0x30, (byte) 0x80, 0x30, (byte) 0x80}, "hello".getBytes())) {
      FactsResult r = CertificateDecoder.fromCertificate(Der.of(b));
      assertTrue(r instanceof FactsResult.Malformed, Arrays.toString(b));
      assertFalse(((FactsResult.Malformed) r).reason().isEmpty());
    }
  }

  @Test
  void deeplyNestedIndefiniteLengthsDoNotOverflowTheStack() {
    byte[] b = new byte[200_000];
    for (int i = 0; i < b.length; i += 2) {
      b[i] = 0x30;
      b[i + 1] = (byte) 0x80;
    }
    assertTrue(CertificateDecoder.fromCertificate(Der.of(b)) instanceof FactsResult.Malformed);
  }

  @Test
  void thousandsOfMutatedRealCertificatesEachGiveAResult() {
    List<CorpusCertificates.CorpusCert> all = CorpusCertificates.all();
    List<byte[]> seeds = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 7) {
      seeds.add(all.get(i).der());
    }
    Random rnd = new Random(6962);
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      for (int n = 0; n < 5000; n++) {
        byte[] m = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
        FactsResult r = n % 3 == 0 ? CertificateDecoder.fromPrecertificate(Der.of(m))
            : n % 3 == 1 ? CertificateDecoder.fromCertificate(Der.of(m)) : CertificateDecoder.fromTbs(Der.of(m), false);
        assertNotNull(r.facts());
        outcomes[r instanceof FactsResult.Parsed ? 0 : 1]++;
      }
    });
    System.out.println("fuzz: " + outcomes[0] + " parsed, " + outcomes[1] + " malformed");
    assertTrue(outcomes[1] > 500, "the mutations hardly broke anything: " + outcomes[1]);
  }

  private static byte[] mutate(byte[] seed, Random rnd) {
    byte[] b = seed.clone();
    switch (rnd.nextInt(5)) {
      case 0: // flip a few bytes
        for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
          b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
        }
        return b;
      case 1: // truncate
        return Arrays.copyOf(b, rnd.nextInt(b.length));
      case 2: { // length-looking bytes made huge or indefinite
        int i = rnd.nextInt(b.length);
        b[i] = (byte) (rnd.nextBoolean() ? 0x80 : 0x84 + rnd.nextInt(4));
        return b;
      }
      case 3: { // a slice duplicated
        int from = rnd.nextInt(b.length);
        int len = rnd.nextInt(Math.min(64, b.length - from) + 1);
        byte[] out = new byte[b.length + len];
        System.arraycopy(b, 0, out, 0, from + len);
        System.arraycopy(b, from, out, from + len, b.length - from);
        return out;
      }
      default: { // random bytes inserted
        int at = rnd.nextInt(b.length);
        byte[] junk = new byte[1 + rnd.nextInt(8)];
        rnd.nextBytes(junk);
        byte[] out = new byte[b.length + junk.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(junk, 0, out, at, junk.length);
        System.arraycopy(b, at, out, at + junk.length, b.length - at);
        return out;
      }
    }
  }

  private static int indexOf(byte[] b, byte[] pat) {
    outer:
    for (int i = 0; i <= b.length - pat.length; i++) {
      for (int j = 0; j < pat.length; j++) {
        if (b[i + j] != pat[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
