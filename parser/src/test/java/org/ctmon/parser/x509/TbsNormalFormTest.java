package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

/**
 * {@code tbs_sha256} of a TBS the CA did not write in DER is the hash of the TBS a Go log would
 * log for its precertificate (certificate-transparency-go's {@code BuildPrecertTBS} unmarshals and
 * marshals it again), so a final certificate and its precertificate stay one issuance; a TBS in
 * DER hashes as before.
 */
final class TbsNormalFormTest {
  private static final String SIG_ALG = "300506032b6570";
  private static final String SPKI = "302a300506032b6570032100" + "00".repeat(32);
  private static final String VALIDITY = "301e170d3230303130313030303030305a170d3231303130313030303030305a";
  /** basicConstraints, CA false: the value a CA may mark {@code critical FALSE} explicitly. */
  private static final String BC_NOT_CRITICAL = "30090603551d1304023000";
  private static final String BC_CRITICAL_FALSE = "300c0603551d1301010004023000";
  private static final String SAN = "301a0603551d110413301182" + "0f7777772e6578616d706c652e636f6d";
  private static final String POISON = "3013060a2b06010401d6790204030101ff04020500";
  private static final String SCT_LIST = "3010060a2b06010401d67902040204020400";

  @Test
  void explicitCriticalFalseHashesAsAGoLogLogsItWithout() {
    Sha256 logged = hash(tbs("020101", VALIDITY, BC_NOT_CRITICAL, SAN));
    Sha256 fin = hash(tbs("020101", VALIDITY, BC_CRITICAL_FALSE, SAN, SCT_LIST));
    Sha256 pre = hash(tbs("020101", VALIDITY, BC_CRITICAL_FALSE, SAN, POISON));
    assertEquals(logged, fin);
    assertEquals(logged, pre);
  }

  @Test
  void nonMinimalSerialHashesAsTheMinimalOne() {
    assertEquals(hash(tbs("020201ff", VALIDITY, SAN)), hash(tbs("02030001ff", VALIDITY, SAN, SCT_LIST)));
    // a negative serial written with a redundant ff
    assertEquals(hash(tbs("020180", VALIDITY, SAN)), hash(tbs("0202ff80", VALIDITY, SAN)));
  }

  @Test
  void utcTimeWithoutSecondsOrWithAZeroOffsetHashesAsTheDerTime() {
    String noSeconds = "301a170b323030313031303030305a170b323130313031303030305a";
    String zeroOffset = "302217113230303130313030303030302b30303030170d3231303130313030303030305a";
    Sha256 der = hash(tbs("020101", VALIDITY, SAN));
    assertEquals(der, hash(tbs("020101", noSeconds, SAN, SCT_LIST)));
    assertEquals(der, hash(tbs("020101", zeroOffset, SAN)));
  }

  @Test
  void generalizedTimeBefore2050HashesAsUtcTimeAndAfterStaysGeneralized() {
    String generalized = "3022180f32303230303130313030303030305a180f32303231303130313030303030305a";
    assertEquals(hash(tbs("020101", VALIDITY, SAN)), hash(tbs("020101", generalized, SAN)));
    byte[] after2050 = tbs("020101", "3020170d3230303130313030303030305a180f32303530303130313030303030305a", SAN);
    assertEquals(HexFormat.of().formatHex(after2050), HexFormat.of().formatHex(normal(after2050)));
  }

  @Test
  void anExplicitVersionOneAndAnEmptyExtensionsListGoAsAGoLogDrops() {
    byte[] v1 = tbsWith("a003020100", "020101", VALIDITY, "");
    byte[] none = tbsWith("", "020101", VALIDITY, "");
    assertEquals(hash(none), hash(v1));
    byte[] empty = tbsWith("a003020102", "020101", VALIDITY, "a3023000");
    byte[] onlyPoison = tbs("020101", VALIDITY, POISON);
    assertEquals(hash(onlyPoison), hash(empty));
  }

  @Test
  void aTbsInDerComesOutAsItsBytesWithoutTheCtExtensions() {
    byte[] der = tbs("020101", VALIDITY, BC_NOT_CRITICAL, SAN);
    assertEquals(HexFormat.of().formatHex(der), HexFormat.of().formatHex(normal(der)));
    assertEquals(HexFormat.of().formatHex(der),
        HexFormat.of().formatHex(normal(tbs("020101", VALIDITY, BC_NOT_CRITICAL, SAN, SCT_LIST))));
  }

  @Test
  void aTbsGoCannotReadIsCutAsBefore() {
    // a validity time without a zone: Go refuses it, so no log re-encoded it
    String noZone = "301c170c3230303130313030303030170c323130313031303030303030";
    byte[] tbs = tbs("02030001ff", noZone, BC_CRITICAL_FALSE, SAN, SCT_LIST);
    Tlv t = Tlv.read(tbs, 0, tbs.length);
    assertFalse(TbsNormalForm.write(t, (b, off, len) -> { }));
    ByteArrayOutputStream cut = new ByteArrayOutputStream();
    TbsHasher.cut(t, cut::write);
    assertEquals(Sha256.of(cut.toByteArray()), TbsHasher.hash(t));
  }

  @Test
  void everyCorpusCertificateInDerHashesAsBefore() {
    // Before the normal form the hash was over the bytes with the CT extensions cut out.
    List<String> moved = new ArrayList<>();
    int compared = 0;
    for (CorpusCertificates.CorpusCert c : CorpusCertificates.all()) {
      byte[] b = c.der();
      Tlv tbs;
      try {
        Tlv cert = Tlv.read(b, 0, b.length);
        tbs = cert.children().next();
      } catch (MalformedDerException e) {
        continue;
      }
      if (tbs.tag() != Tlv.SEQUENCE) {
        continue;
      }
      MessageDigest md = Sha256.newDigest();
      try {
        TbsHasher.cut(tbs, md::update);
      } catch (MalformedDerException e) {
        continue;
      }
      compared++;
      if (!Sha256.wrap(md.digest()).equals(TbsHasher.hash(tbs))) {
        CertificateFacts f = CertificateDecoder.fromCertificate(Der.of(b)).facts();
        if (f.problems().stream().noneMatch(TbsNormalFormTest::notDer)) {
          moved.add(c + " " + f.problems());
        }
      }
    }
    assertTrue(compared > 600, "only " + compared + " certificates compared");
    assertEquals(List.of(), moved);
  }

  @Test
  void theDecoderHashesEveryCorpusCertificateInItsNormalForm() {
    // The decoder builds the normal form only for a TBS it found not in DER; for the others it
    // hashes the bytes. Both must agree with the normal form on every certificate of the corpus.
    List<String> differ = new ArrayList<>();
    int compared = 0;
    for (CorpusCertificates.CorpusCert c : CorpusCertificates.all()) {
      byte[] b = c.der();
      Tlv tbs;
      try {
        Tlv cert = Tlv.read(b, 0, b.length);
        tbs = cert.children().next();
        TbsHasher.hash(tbs);
      } catch (MalformedDerException e) {
        continue;
      }
      FactsResult r = CertificateDecoder.fromCertificate(Der.of(b));
      if (r.facts().tbsSha256() != null && !(r instanceof FactsResult.Malformed m && m.reason().startsWith("tbs hash"))) {
        compared++;
        if (!TbsHasher.hash(tbs).equals(r.facts().tbsSha256())) {
          differ.add(c + " " + r.facts().problems());
        }
      }
    }
    assertTrue(compared > 600, "only " + compared + " certificates compared");
    assertEquals(List.of(), differ);
  }

  /** The problems of a TBS that is not in DER (the only ones whose hash may move). */
  static boolean notDer(String problem) {
    return problem.equals("empty extensions") || problem.startsWith("validity time")
        || problem.equals("serial number not minimally encoded") || problem.contains("critical")
        || problem.equals("version 1 written explicitly");
  }

  /** The hash as the decoder gives it, which must be the normal form's. */
  private static Sha256 hash(byte[] tbs) {
    Sha256 decoded = CertificateDecoder.fromTbs(Der.of(tbs), false).facts().tbsSha256();
    assertEquals(TbsHasher.hash(Tlv.read(tbs, 0, tbs.length)), decoded, "the decoder hashes the normal form");
    return decoded;
  }

  private static byte[] normal(byte[] tbs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(TbsNormalForm.write(Tlv.read(tbs, 0, tbs.length), out::write));
    return out.toByteArray();
  }

  /** A v3 TBS with this serial and validity TLV and these extensions (none if empty). */
  private static byte[] tbs(String serial, String validity, String... extensions) {
    String exts = String.join("", extensions);
    String ext3 = exts.isEmpty() ? "" : tlv("a3", tlv("30", exts));
    return tbsWith("a003020102", serial, validity, ext3);
  }

  private static byte[] tbsWith(String version, String serial, String validity, String ext3) {
    return HexFormat.of().parseHex(tlv("30", version + serial + SIG_ALG + "3000" + validity + "3000" + SPKI + ext3));
  }

  private static String tlv(String tag, String content) {
    int n = content.length() / 2;
    String len = n < 0x80 ? String.format("%02x", n) : n < 0x100 ? String.format("81%02x", n) : String.format("82%04x", n);
    return tag + len + content;
  }
}
