package org.ctmon.parser.leaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class Rfc6962EntriesTest {

  /** Per corpus file: x509 count, precert count, first and last timestamp date, as SOURCES.md states. */
  private static final Map<String, String> SOURCES_MD = Map.of(
      "rfc6962/argon2020/get-entries_10000_10000.json", "1 0 2017-09-18 2017-09-18",
      "rfc6962/icarus/get-entry-and-proof_120000000_129721434.json", "1 0 2017-09-27 2017-09-27",
      "rfc6962/pilot/get-entries_6-entries_2015.json", "6 0 2013-03-26 2013-03-26",
      "rfc6962/unknown-log/get-entries_4-entries_2013.json", "4 0 2013-03-26 2013-03-26",
      "rfc6962/unknown-log/get-entries_precert_geotrust-test.json", "0 1 2015-02-02 2015-02-02",
      "rfc6962/unknown-log/get-entries_x509_globalsign-test.json", "1 0 2014-11-13 2014-11-13");

  @Test
  void decodesEveryCorpusEntryWithTheTypesAndDatesSourcesMdStates() {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, List<LocalDate>> dates = new TreeMap<>();
    List<CorpusEntries.Entry> entries = CorpusEntries.all();
    assertEquals(14, entries.size());
    for (CorpusEntries.Entry e : entries) {
      LogEntry entry = decoded(e);
      assertEquals(e.index(), entry.index());
      counts.computeIfAbsent(e.file(), f -> new int[2])[entry instanceof PrecertEntry ? 1 : 0]++;
      dates.computeIfAbsent(e.file(), f -> new ArrayList<>())
          .add(Instant.ofEpochMilli(entry.timestamp()).atZone(ZoneOffset.UTC).toLocalDate());
    }
    assertEquals(SOURCES_MD.keySet(), counts.keySet());
    for (String file : counts.keySet()) {
      List<LocalDate> d = dates.get(file);
      String actual = counts.get(file)[0] + " " + counts.get(file)[1] + " " + d.stream().min(LocalDate::compareTo).get()
          + " " + d.stream().max(LocalDate::compareTo).get();
      assertEquals(SOURCES_MD.get(file), actual, file);
    }
  }

  @Test
  void everyDecodedCertificateChainCertificateAndTbsParsesAsDer() throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    for (CorpusEntries.Entry e : CorpusEntries.all()) {
      LogEntry entry = decoded(e);
      assertTrue(!entry.chain().isEmpty(), e.file() + " has an issuer chain");
      for (Der c : entry.chain()) {
        cf.generateCertificate(new ByteArrayInputStream(c.unsafeBytes()));
      }
      assertTrue(entry.chainFingerprints().isEmpty());
      if (entry instanceof X509Entry x) {
        X509Certificate cert = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(x.certificate().bytes()));
        // The chain's first certificate issued the leaf: an independent check of the framing.
        X509Certificate issuer = (X509Certificate) cf.generateCertificate(
            new ByteArrayInputStream(x.chain().get(0).bytes()));
        assertEquals(issuer.getSubjectX500Principal(), cert.getIssuerX500Principal(), e.file());
      } else if (entry instanceof PrecertEntry p) {
        TBSCertificate.getInstance(p.tbsCertificate().bytes());
        cf.generateCertificate(new ByteArrayInputStream(p.preCertificate().bytes()));
      } else {
        throw new AssertionError(entry);
      }
    }
  }

  @Test
  void precertIssuerKeyHashIsTheSha256OfAnIssuerPublicKeyInTheChain() throws Exception {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    PrecertEntry p = (PrecertEntry) decoded(CorpusEntries.all().stream()
        .filter(e -> e.file().endsWith("get-entries_precert_geotrust-test.json")).findFirst().orElseThrow());
    List<Sha256> spkiHashes = new ArrayList<>();
    for (Der c : p.chain()) {
      spkiHashes.add(Sha256.of(cf.generateCertificate(new ByteArrayInputStream(c.bytes())).getPublicKey().getEncoded()));
    }
    assertTrue(spkiHashes.contains(p.issuerKeyHash()), p.issuerKeyHash() + " in " + spkiHashes);
  }

  @Test
  void argon2020Entry10000HashesToTheLeafHashItsProofWasRequestedFor() {
    // SOURCES.md: get-proof-by-hash_961984011_leaf10000.json was fetched with
    // hash=nCs3mfIydh9x4CKyQ+u2xtmpxmFggA5MLymHwNQSlLg= (azul's fixture file name).
    LogEntry entry = decoded(only("get-entries_10000_10000.json"));
    assertEquals("nCs3mfIydh9x4CKyQ+u2xtmpxmFggA5MLymHwNQSlLg=", entry.leafHash().base64());
  }

  @Test
  void theStaticLeafHashOfAnUndecodableLeafIsTheRequestedHashToo() {
    assertEquals("nCs3mfIydh9x4CKyQ+u2xtmpxmFggA5MLymHwNQSlLg=",
        Rfc6962Entries.leafHash(only("get-entries_10000_10000.json").leafInput()).base64());
    byte[] leaf = only("get-entries_10000_10000.json").leafInput().clone();
    leaf[0] = 1; // an unsupported version: the leaf does not decode
    Malformed m = malformed(Rfc6962Entries.decode(10000, leaf, new byte[0]));
    assertEquals(Rfc6962Entries.leafHash(leaf), m.leafHash().orElseThrow());
  }

  @Test
  void argon2020Entry10000LeafHashProvesInclusionInTheSignedRoot() {
    LogEntry entry = decoded(only("get-entries_10000_10000.json"));
    JsonNode proof = CorpusEntries.json("rfc6962/argon2020/get-proof-by-hash_961984011_leaf10000.json");
    JsonNode sth = CorpusEntries.json("rfc6962/argon2020/get-sth_961984011.json");
    assertEquals(10000, proof.get("leaf_index").asLong());
    assertInclusion(entry, proof.get("audit_path"), sth);
  }

  @Test
  void icarusEntryAndProofLeafHashProvesInclusionInTheSignedRoot() {
    CorpusEntries.Entry e = only("get-entry-and-proof_120000000_129721434.json");
    LogEntry entry = decoded(e);
    JsonNode proof = CorpusEntries.json("rfc6962/icarus/get-entry-and-proof_120000000_129721434.json");
    assertInclusion(entry, proof.get("audit_path"), CorpusEntries.json("rfc6962/icarus/get-sth_129721434.json"));
  }

  @Test
  void emptyLeafInputIsTruncatedAtOffsetZero() {
    Malformed m = malformed(Rfc6962Entries.decode(7, new byte[0], new byte[] {0, 0, 0}));
    assertEquals(MalformedKind.TRUNCATED, m.kind());
    assertEquals(0, m.offset());
    assertEquals(7, m.index());
    assertEquals("truncated version at offset 0: needs 1 byte, 0 left", m.reason());
  }

  @Test
  void nullInputsAreTakenAsEmptyNotThrown() {
    Malformed m = malformed(Rfc6962Entries.decode(0, null, null));
    assertEquals("truncated version at offset 0: needs 1 byte, 0 left", m.reason());
    assertTrue(m.leafInput().isEmpty() && m.extraData().isEmpty());
  }

  @Test
  void wrongVersionByteIsUnsupported() {
    CorpusEntries.Entry e = only("get-entries_10000_10000.json");
    byte[] leaf = e.leafInput().clone();
    leaf[0] = 1;
    Malformed m = malformed(Rfc6962Entries.decode(e.index(), leaf, e.extraData()));
    assertEquals(MalformedKind.UNSUPPORTED_VERSION, m.kind());
    assertEquals(0, m.offset());
    assertEquals("unsupported version 1 at offset 0 (expected v1 = 0)", m.reason());
    // The raw bytes are kept for the monitor to store, and the leaf hash for it to verify the tree.
    assertArrayEquals(leaf, m.leafInput().bytes());
    assertArrayEquals(e.extraData(), m.extraData().bytes());
    byte[] prefixed = new byte[leaf.length + 1];
    System.arraycopy(leaf, 0, prefixed, 1, leaf.length);
    assertEquals(Sha256.of(prefixed), m.leafHash().orElseThrow());
  }

  @Test
  void wrongLeafTypeIsUnsupported() {
    CorpusEntries.Entry e = only("get-entries_10000_10000.json");
    byte[] leaf = e.leafInput().clone();
    leaf[1] = 2;
    Malformed m = malformed(Rfc6962Entries.decode(e.index(), leaf, e.extraData()));
    assertEquals(MalformedKind.UNSUPPORTED_LEAF_TYPE, m.kind());
    assertEquals("unsupported leaf_type 2 at offset 1 (expected timestamped_entry = 0)", m.reason());
  }

  @Test
  void unknownEntryTypeNamesItsOffset() {
    CorpusEntries.Entry e = only("get-entries_10000_10000.json");
    byte[] leaf = e.leafInput().clone();
    leaf[10] = 0;
    leaf[11] = 7;
    Malformed m = malformed(Rfc6962Entries.decode(e.index(), leaf, e.extraData()));
    assertEquals(MalformedKind.UNKNOWN_ENTRY_TYPE, m.kind());
    assertEquals(10, m.offset());
    assertEquals("unknown entry_type 7 at offset 10", m.reason());
  }

  @Test
  void trailingBytesAfterTheMerkleTreeLeafAreMalformed() {
    CorpusEntries.Entry e = only("get-entries_10000_10000.json");
    byte[] leaf = Arrays.copyOf(e.leafInput(), e.leafInput().length + 3);
    Malformed m = malformed(Rfc6962Entries.decode(e.index(), leaf, e.extraData()));
    assertEquals(MalformedKind.TRAILING_BYTES, m.kind());
    assertEquals(e.leafInput().length, m.offset());
    assertEquals("3 trailing bytes at offset " + e.leafInput().length + " after merkle_tree_leaf", m.reason());
  }

  @Test
  void trailingBytesAfterExtraDataAreFlaggedAndTheLeafStillDecodes() {
    CorpusEntries.Entry e = only("get-entries_10000_10000.json");
    byte[] extra = Arrays.copyOf(e.extraData(), e.extraData().length + 1);
    assertEquals("extra_data: 1 trailing bytes at offset " + e.extraData().length + " after extra_data",
        flag(Rfc6962Entries.decode(e.index(), e.leafInput(), extra)));
  }

  @Test
  void certificateLengthBeyondTheInputIsTruncationNotAllocation() {
    CorpusEntries.Entry e = only("get-entries_10000_10000.json");
    byte[] leaf = e.leafInput().clone();
    leaf[12] = (byte) 0xff;
    leaf[13] = (byte) 0xff;
    leaf[14] = (byte) 0xff;
    Malformed m = malformed(Rfc6962Entries.decode(e.index(), leaf, e.extraData()));
    assertEquals(MalformedKind.TRUNCATED, m.kind());
    assertEquals(12, m.offset());
    assertEquals("truncated asn1_cert at offset 12: length 16777215 exceeds the " + (leaf.length - 15)
        + " bytes left", m.reason());
  }

  @Test
  void precertTbsLengthBeyondTheInputNamesTbsCertificate() {
    CorpusEntries.Entry e = only("get-entries_precert_geotrust-test.json");
    byte[] leaf = e.leafInput().clone();
    // version, leaf_type, timestamp, entry_type, issuer_key_hash[32]: the TBS length is at 44.
    leaf[44] = (byte) 0x7f;
    Malformed m = malformed(Rfc6962Entries.decode(e.index(), leaf, e.extraData()));
    assertEquals(44, m.offset());
    assertEquals("truncated tbs_certificate at offset 44: length " + (0x7f0000 | (leaf[45] & 0xff) << 8 | (leaf[46] & 0xff))
        + " exceeds the " + (leaf.length - 47) + " bytes left", m.reason());
  }

  @Test
  void emptyCertificateIsOutsideItsBounds() {
    byte[] leaf = {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0};
    Malformed m = malformed(Rfc6962Entries.decode(0, leaf, new byte[] {0, 0, 0}));
    assertEquals(MalformedKind.BAD_LENGTH, m.kind());
    assertEquals("asn1_cert at offset 12: length 0 is outside 1..16777215", m.reason());
  }

  @Test
  void missingExtraDataIsFlaggedAndTheLeafsCertificateStillDecodes() {
    CorpusEntries.Entry e = only("get-entries_10000_10000.json");
    EntryDecoding d = Rfc6962Entries.decode(e.index(), e.leafInput(), new byte[0]);
    assertEquals("extra_data: truncated certificate_chain at offset 0: needs 3 bytes, 0 left", flag(d));
    X509Entry x = assertInstanceOf(X509Entry.class, ((Decoded) d).entry());
    assertTrue(x.certificate().length() > 0, "the certificate is the leaf's, under the tree");
    assertTrue(x.chain().isEmpty());
    EntryDecoding whole = Rfc6962Entries.decode(e.index(), e.leafInput(), e.extraData());
    assertEquals(((Decoded) whole).entry().leafHash(), x.leafHash());
  }

  @Test
  void precertExtraDataWithoutPreCertificateIsFlaggedAndTheLoggedTbsStillDecodes() {
    CorpusEntries.Entry e = only("get-entries_precert_geotrust-test.json");
    EntryDecoding d = Rfc6962Entries.decode(e.index(), e.leafInput(), new byte[] {0, 0, 0});
    assertEquals("extra_data: pre_certificate at offset 0: length 0 is outside 1..16777215", flag(d));
    PrecertEntry p = assertInstanceOf(PrecertEntry.class, ((Decoded) d).entry());
    assertTrue(p.tbsCertificate().length() > 0);
    assertEquals(0, p.preCertificate().length(), "no precertificate to keep");
  }

  @Test
  void aChainCertificateRunningPastItsVectorIsTruncated() {
    CorpusEntries.Entry e = only("get-entries_10000_10000.json");
    // certificate_chain<5> holding one ASN.1Cert that claims 10 bytes but has 2.
    byte[] extra = {0, 0, 5, 0, 0, 10, 1, 2};
    assertEquals("extra_data: truncated certificate_chain certificate at offset 3: length 10 exceeds the 2 bytes"
        + " left", flag(Rfc6962Entries.decode(e.index(), e.leafInput(), extra)));
  }

  @Test
  void aChainVectorLongerThanExtraDataIsTruncated() {
    CorpusEntries.Entry e = only("get-entries_10000_10000.json");
    byte[] extra = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 1, 9};
    assertEquals("extra_data: truncated certificate_chain at offset 0: length 16777215 exceeds the 4 bytes left",
        flag(Rfc6962Entries.decode(e.index(), e.leafInput(), extra)));
  }

  /** The one flag of an entry that decoded with something wrong outside the tree. */
  private static String flag(EntryDecoding d) {
    Decoded ok = assertInstanceOf(Decoded.class, d, () -> "expected a decoded entry: " + d);
    assertEquals(1, ok.flags().size(), ok.flags().toString());
    return ok.flags().get(0);
  }

  private static void assertInclusion(LogEntry entry, JsonNode auditPath, JsonNode sth) {
    List<byte[]> path = new ArrayList<>();
    auditPath.forEach(n -> path.add(Base64.getDecoder().decode(n.asText())));
    byte[] root = ReferenceMerkle.rootFromInclusionProof(entry.index(), sth.get("tree_size").asLong(),
        entry.leafHash().bytes(), path);
    assertEquals(sth.get("sha256_root_hash").asText(), Base64.getEncoder().encodeToString(root));
  }

  private static CorpusEntries.Entry only(String fileSuffix) {
    return CorpusEntries.all().stream().filter(e -> e.file().endsWith(fileSuffix)).findFirst().orElseThrow();
  }

  private static LogEntry decoded(CorpusEntries.Entry e) {
    EntryDecoding d = Rfc6962Entries.decode(e.index(), e.leafInput(), e.extraData());
    if (d instanceof Malformed m) {
      throw new AssertionError(e.file() + " entry " + e.index() + ": " + m.reason());
    }
    return ((Decoded) d).entry();
  }

  private static Malformed malformed(EntryDecoding d) {
    return assertInstanceOf(Malformed.class, d);
  }
}
