package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.fetcher.http.FetcherCorpus;
import org.ctmon.fetcher.stored.IssuanceMapping;
import org.ctmon.fetcher.stored.StoredJournal;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.merkle.CompactRange;
import org.ctmon.store.ingest.IngestBatch;
import org.ctmon.store.issuance.EntryType;
import org.junit.jupiter.api.Test;

final class EntryBatchDecoderTest {
  private static final String NAVIGLI = "static-ct/navigli2025h2/";

  @Test
  void realNavigliTilesHashToTheTreeHeadsComputedFromTheLogsOwnHashTiles() throws Exception {
    Map<Long, Sha256> heads = new HashMap<>();
    for (JsonNode h : new ObjectMapper().readTree(FetcherCorpus.bytes(NAVIGLI + "computed_tree_heads.json"))
        .get("tree_heads")) {
      heads.put(h.get("size").asLong(), Sha256.wrap(java.util.Base64.getDecoder().decode(h.get("root_hash").asText())));
    }
    CompactRange range = new CompactRange();
    int precerts = 0;
    for (int n = 0; n < 4; n++) {
      DecodedChunk chunk = EntryBatchDecoder.decode(n * 256L,
          DataTile.decode(n * 256L, FetcherCorpus.bytes(NAVIGLI + "tile/data/00" + n)));
      assertEquals(256, chunk.leafHashes().size());
      assertEquals(List.of(), chunk.malformed());
      precerts += (int) stored(chunk).entries().stream().filter(e -> e.type() == EntryType.PRECERT).count();
      for (Sha256 leaf : chunk.leafHashes()) {
        range.append(leaf);
        if (heads.containsKey(range.size())) {
          assertEquals(heads.get(range.size()), range.root(), "root at size " + range.size());
        }
      }
    }
    assertEquals(1024, precerts, "the corpus notes 1024 precert entries");
    assertEquals(heads.get(1024L), range.root());
    // The partial tile 003.p/10 is the prefix of tile 3: the tree of 778 leaves.
    DecodedChunk partial = EntryBatchDecoder.decode(768, DataTile.decode(768,
        FetcherCorpus.bytes(NAVIGLI + "tile/data/003.p/10"), 10));
    CompactRange at768 = new CompactRange();
    for (int n = 0; n < 3; n++) {
      EntryBatchDecoder.decode(n * 256L, DataTile.decode(n * 256L, FetcherCorpus.bytes(NAVIGLI + "tile/data/00" + n)))
          .leafHashes().forEach(at768::append);
    }
    partial.leafHashes().forEach(at768::append);
    assertEquals(heads.get(778L), at768.root());
  }

  @Test
  void aCertificateWhoseNotAfterIsAnImpossibleDateIsMalformedAndStillIndexedByItsNames() throws Exception {
    byte[][] entry = pilotEntry();
    byte[] leaf = entry[0];
    // The second UTCTime of the certificate is its notAfter: month 99.
    int times = 0;
    for (int i = 0; i < leaf.length - 15 && times < 2; i++) {
      if (leaf[i] == 0x17 && leaf[i + 1] == 0x0d && ++times == 2) {
        leaf[i + 4] = '9';
        leaf[i + 5] = '9';
      }
    }
    var issuance = assertMalformedAndIndexed(leaf, entry[1], "not after: impossible date");
    assertEquals(IssuanceMapping.UNKNOWN_NOT_AFTER, issuance.notAfter(), "never hidden as expired");
  }

  @Test
  void aCertificateWhoseIssuerRdnIsNotASetIsMalformedAndStillIndexedByItsNames() throws Exception {
    byte[][] entry = pilotEntry();
    byte[] leaf = entry[0];
    // The leaf's certificate starts at offset 15; its first SET is the issuer's first RDN.
    for (int i = 15; i < leaf.length; i++) {
      if ((leaf[i] & 0xff) == 0x31) {
        leaf[i] = 0x30;
        break;
      }
    }
    var issuance = assertMalformedAndIndexed(leaf, entry[1], "issuer rdn: expected tag 0x31");
    assertEquals("", issuance.issuerDn(), "what did not decode reads as unknown");
  }

  @Test
  void aCertificateWithAnExtensionThatIsNotASequenceIsMalformedAndKeepsItsNamesAndOtherFields() throws Exception {
    byte[][] entry = pilotEntry();
    var honest = stored(EntryBatchDecoder.decode(7,
        List.of(org.ctmon.parser.leaf.Rfc6962Entries.decode(7, entry[0], entry[1])))).issuances().get(0);
    byte[] leaf = entry[0].clone();
    // MerkleTreeLeaf: version, leaf_type, timestamp (8), entry_type (2), certificate length (3), then
    // the Certificate; walk it to the first Extension of its TBS and make that a SET.
    int first = firstExtension(leaf, 15);
    assertEquals(0x30, leaf[first] & 0xff);
    leaf[first] = 0x31;

    var issuance = assertMalformedAndIndexed(leaf, entry[1], "extension 1: expected tag 0x30, found 0x31");
    assertEquals(honest.dnsNames(), issuance.dnsNames());
    // The other fields are read on: issuer, validity and key are the certificate's, not unknowns.
    assertEquals(honest.issuerDn(), issuance.issuerDn());
    assertEquals(honest.notBefore(), issuance.notBefore());
    assertEquals(honest.notAfter(), issuance.notAfter());
    assertEquals(honest.spkiSha256(), issuance.spkiSha256());
  }

  /** Where the first Extension of the Certificate at {@code cert} starts, found by walking its DER. */
  private static int firstExtension(byte[] b, int cert) {
    int tbs = cert + headerLength(b, cert);
    int end = tbs + headerLength(b, tbs) + contentLength(b, tbs);
    for (int p = tbs + headerLength(b, tbs); p < end; p += headerLength(b, p) + contentLength(b, p)) {
      if ((b[p] & 0xff) == 0xa3) {
        int extensions = p + headerLength(b, p); // the SEQUENCE OF Extension inside [3]
        return extensions + headerLength(b, extensions);
      }
    }
    throw new AssertionError("no extensions in the certificate at offset " + cert);
  }

  private static int headerLength(byte[] b, int p) {
    int first = b[p + 1] & 0xff;
    return first < 0x80 ? 2 : 2 + (first & 0x7f);
  }

  private static int contentLength(byte[] b, int p) {
    int first = b[p + 1] & 0xff;
    if (first < 0x80) {
      return first;
    }
    int v = 0;
    for (int i = 0; i < (first & 0x7f); i++) {
      v = v << 8 | b[p + 2 + i] & 0xff;
    }
    return v;
  }

  @Test
  void everyIssuanceKnowsItsIssuersKeyForTheWatchListPolicy() throws Exception {
    List<org.ctmon.parser.leaf.EntryDecoding> tile = new java.util.ArrayList<>(
        DataTile.decode(0, FetcherCorpus.bytes(NAVIGLI + "tile/data/000")));
    JsonNode page = new ObjectMapper().readTree(FetcherCorpus.bytes("rfc6962/pilot/get-entries_6-entries_2015.json"));
    for (JsonNode entry : page.get("entries")) {
      tile.add(org.ctmon.parser.leaf.Rfc6962Entries.decode(tile.size(),
          java.util.Base64.getDecoder().decode(entry.get("leaf_input").asText()),
          java.util.Base64.getDecoder().decode(entry.get("extra_data").asText())));
    }
    List<org.ctmon.store.ingest.Issuance> issuances = stored(EntryBatchDecoder.decode(0, tile)).issuances();
    var x509 = java.security.cert.CertificateFactory.getInstance("X.509");
    int certificates = 0;
    int precerts = 0;
    for (int k = 0; k < tile.size(); k++) {
      var e = ((org.ctmon.parser.leaf.Decoded) tile.get(k)).entry();
      var issuance = issuances.get(k);
      if (e instanceof org.ctmon.parser.leaf.PrecertEntry p) {
        assertEquals(p.issuerKeyHash(), issuance.issuerSpkiSha256());
        precerts++;
      } else {
        var head = (java.security.cert.X509Certificate) x509.generateCertificate(
            new java.io.ByteArrayInputStream(((org.ctmon.parser.leaf.X509Entry) e).chain().get(0).bytes()));
        assertEquals(Sha256.of(head.getPublicKey().getEncoded()), issuance.issuerSpkiSha256());
        certificates++;
      }
    }
    assertTrue(certificates > 0 && precerts > 0, certificates + " certificates, " + precerts + " precertificates");
  }

  /** What the store is handed of {@code chunk}: the issuances and entries the journal maps it to. */
  private static IngestBatch stored(DecodedChunk chunk) {
    return StoredJournal.ingestBatch(new VerifiedBatch(Sha256.of(new byte[0]), chunk.from(), chunk.to(),
        OpaqueBytes.of(new byte[0]), Optional.empty(), chunk.certificates(), chunk.malformed(), Optional.empty()));
  }

  /** Leaf input and extra data of the first entry of a real Pilot get-entries page. */
  private static byte[][] pilotEntry() throws Exception {
    JsonNode entry = new ObjectMapper().readTree(FetcherCorpus.bytes("rfc6962/pilot/get-entries_6-entries_2015.json"))
        .get("entries").get(0);
    return new byte[][] {java.util.Base64.getDecoder().decode(entry.get("leaf_input").asText()),
        java.util.Base64.getDecoder().decode(entry.get("extra_data").asText())};
  }

  /** The entry decodes as one malformed record for {@code why} and one issuance with its names. */
  private static org.ctmon.store.ingest.Issuance assertMalformedAndIndexed(byte[] leaf, byte[] extra, String why) {
    DecodedChunk chunk = EntryBatchDecoder.decode(7, List.of(org.ctmon.parser.leaf.Rfc6962Entries.decode(7, leaf, extra)));
    assertEquals(1, chunk.malformed().size());
    assertTrue(chunk.malformed().get(0).reason().contains(why), chunk.malformed().get(0).reason());
    // certspotter still matches such a certificate: its names are in the index.
    assertEquals(1, stored(chunk).issuances().size());
    var issuance = stored(chunk).issuances().get(0);
    assertTrue(issuance.dnsNames().contains("tficmail.tfbf.com"), issuance.dnsNames().toString());
    assertEquals(List.of(7L), stored(chunk).entries().stream().map(e -> e.index()).toList());
    assertEquals(issuance.tbsSha256(), stored(chunk).entries().get(0).tbsSha256());
    return issuance;
  }

  @Test
  void aPrecertificateThatIsNotTheOneTheLogSignedIsFlaggedAndNeverKeptAsTheCertificate() {
    List<org.ctmon.parser.leaf.PrecertEntry> precerts = new java.util.ArrayList<>();
    for (org.ctmon.parser.leaf.EntryDecoding d : DataTile.decode(0, FetcherCorpus.bytes(NAVIGLI + "tile/data/000"))) {
      if (d instanceof org.ctmon.parser.leaf.Decoded ok && ok.entry() instanceof org.ctmon.parser.leaf.PrecertEntry p) {
        precerts.add(p);
      }
    }
    var p = precerts.get(0);
    // The leaf (under the tree) is this entry's; the precertificate beside it is another's.
    var swapped = new org.ctmon.parser.leaf.PrecertEntry(p.index(), p.timestamp(), p.issuerKeyHash(),
        p.tbsCertificate(), precerts.get(1).preCertificate(), p.extensions(), p.leafIndexExtension(), p.chain(),
        p.chainFingerprints(), p.leafHash());
    DecodedChunk honest = EntryBatchDecoder.decode(p.index(), List.of(new org.ctmon.parser.leaf.Decoded(p)));
    DecodedChunk chunk = EntryBatchDecoder.decode(p.index(), List.of(new org.ctmon.parser.leaf.Decoded(swapped)));

    assertEquals(List.of(), honest.malformed());
    assertEquals(p.preCertificate(), stored(honest).issuances().get(0).der());
    assertEquals(1, chunk.malformed().size());
    assertTrue(chunk.malformed().get(0).reason().startsWith("pre_certificate is not the one the log signed: "),
        chunk.malformed().get(0).reason());
    // The leaf's facts stay: same issuance, same names; the other precertificate is not kept.
    var issuance = stored(chunk).issuances().get(0);
    assertEquals(stored(honest).issuances().get(0).tbsSha256(), issuance.tbsSha256());
    assertEquals(stored(honest).issuances().get(0).dnsNames(), issuance.dnsNames());
    assertEquals(null, issuance.der());
    assertEquals(null, issuance.certSha256());
  }

  @Test
  void anEntryWithoutExtraDataIsIndexedByItsLeafAndFlagged() throws Exception {
    byte[][] entry = pilotEntry();
    DecodedChunk chunk = EntryBatchDecoder.decode(7,
        List.of(org.ctmon.parser.leaf.Rfc6962Entries.decode(7, entry[0], new byte[0])));
    assertEquals(1, stored(chunk).issuances().size(), "the leaf's certificate is indexed");
    assertTrue(stored(chunk).issuances().get(0).dnsNames().contains("tficmail.tfbf.com"));
    assertEquals(1, chunk.malformed().size());
    assertTrue(chunk.malformed().get(0).reason().startsWith("extra_data: truncated certificate_chain"),
        chunk.malformed().get(0).reason());
  }
}
