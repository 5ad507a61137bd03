package org.ctmon.testlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.cert.X509CertificateHolder;
import org.ctmon.parser.Der;
import org.ctmon.parser.Eventually;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.leaf.PrecertEntry;
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.merkle.ConsistencyProof;
import org.ctmon.parser.merkle.HashTile;
import org.ctmon.parser.merkle.InclusionProof;
import org.ctmon.parser.merkle.Tile;
import org.ctmon.parser.merkle.TileTree;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.SignedCertificateTimestamp;
import org.ctmon.parser.treehead.SignedCheckpoint;
import org.ctmon.parser.treehead.SignedTreeHead;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.CertificateFacts;
import org.ctmon.parser.x509.EmbeddedSct;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class TestLogServerTest {
  private static TestLogServer server;
  private static String rfcPrefix;
  private static String staticPrefix;
  private static LogKey rfcKey;
  private static LogKey staticKey;

  @BeforeAll
  static void start() {
    server = TestLogServer.start(TestLogOptions.defaults().withEntries(600), SharedPki.PKI, Clock.systemUTC());
    // Everything a monitor needs comes from the log list, not from the server object.
    JsonNode list = Http.json(server.logListUrl());
    JsonNode op = list.get("operators").get(0);
    rfcPrefix = op.get("logs").get(0).get("url").asText();
    rfcKey = LogKey.fromBase64(op.get("logs").get(0).get("key").asText());
    staticPrefix = op.get("tiled_logs").get(0).get("monitoring_url").asText();
    staticKey = LogKey.fromBase64(op.get("tiled_logs").get(0).get("key").asText());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theLogListDescribesBothLogsWithKeysMatchingTheirIds() {
    JsonNode op = Http.json(server.logListUrl()).get("operators").get(0);
    JsonNode rfc = op.get("logs").get(0);
    JsonNode tiled = op.get("tiled_logs").get(0);
    assertEquals(server.baseUrl() + "rfc6962-0/", rfc.get("url").asText());
    assertEquals(server.baseUrl() + "static-1/", tiled.get("submission_url").asText());
    for (JsonNode log : List.of(rfc, tiled)) {
      assertEquals(Sha256.of(Base64.getDecoder().decode(log.get("key").asText())).base64(), log.get("log_id").asText());
      assertTrue(log.get("state").has("usable"));
      assertTrue(log.get("temporal_interval").has("start_inclusive"));
    }
  }

  @Test
  void theLogListFileForCertspotterIsTheServedList(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = server.writeLogList(dir.resolve("log_list.json"));
    assertEquals(Http.json(server.logListUrl()), Http.JSON.readTree(file.toFile()));
  }

  @Test
  void getSthVerifiesAndEveryGetEntriesPageHashesToItsRoot() {
    SignedTreeHead sth = WireReader.sth(rfcPrefix).verify(rfcKey);
    assertTrue(sth.treeSize() >= 600, "tree size " + sth.treeSize());
    List<EntryDecoding> entries = WireReader.rfc6962Entries(rfcPrefix, sth.treeSize());
    entries.forEach(e -> assertInstanceOf(Decoded.class, e, e.toString()));
    assertEquals(sth.rootHash(), WireReader.root(entries));
  }

  @Test
  void checkpointVerifiesAndEveryDataTileHashesToItsRoot() {
    SignedCheckpoint cp = WireReader.checkpoint(staticPrefix, staticKey);
    assertTrue(cp.treeSize() >= 600, "tree size " + cp.treeSize());
    List<EntryDecoding> entries = WireReader.tileEntries(staticPrefix, cp.treeSize());
    assertEquals(cp.treeSize(), entries.size());
    entries.forEach(e -> assertInstanceOf(Decoded.class, e, e.toString()));
    assertEquals(cp.checkpoint().rootHash(), WireReader.root(entries));
  }

  @Test
  void hashTilesHoldTheLeafHashesOfTheDataTilesAndTheirRightEdgeGivesTheCheckpointRoot() {
    SignedCheckpoint cp = WireReader.checkpoint(staticPrefix, staticKey);
    long size = cp.treeSize();
    assertEquals(cp.checkpoint().rootHash(), TileTree.root(size, WireReader.hashTiles(staticPrefix)));
    List<EntryDecoding> entries = WireReader.tileEntries(staticPrefix, size);
    for (Tile t : TileTree.dataTiles(0, size)) {
      HashTile tile = HashTile.decode(t, Http.get(staticPrefix + t.path()).body());
      for (int i = 0; i < t.width(); i++) {
        assertEquals(WireReader.leafHash(entries.get((int) (t.index() * 256 + i))), tile.hashes().get(i), t + " hash " + i);
      }
    }
    assertEquals(404, Http.get(staticPrefix + "tile/0/999").statusCode());
  }

  @Test
  void getEntriesIsCappedStopsAtTheTreeSizeAndRejectsBadParameters() {
    long size = WireReader.sth(rfcPrefix).treeSize();
    assertEquals(256, Http.json(rfcPrefix + "ct/v1/get-entries?start=0&end=100000").get("entries").size());
    assertEquals(3, Http.json(rfcPrefix + "ct/v1/get-entries?start=" + (size - 3) + "&end=" + (size + 50)).get("entries").size());
    for (String bad : List.of("start=" + size + "&end=" + (size + 1), "start=5&end=4", "start=-1&end=3", "start=a&end=3", "end=3")) {
      HttpResponse<byte[]> r = Http.get(rfcPrefix + "ct/v1/get-entries?" + bad);
      assertEquals(400, r.statusCode(), bad);
      assertTrue(Http.parse(r.body()).get("error_message").asText().length() > 0, bad);
    }
  }

  @Test
  void consistencyProofsBetweenPublishedHeadsVerify() {
    SignedTreeHead first = WireReader.sth(rfcPrefix).verify(rfcKey);
    server.grow(300);
    server.publish();
    SignedTreeHead second = WireReader.sth(rfcPrefix).verify(rfcKey);
    assertTrue(second.treeSize() > first.treeSize());
    for (long from : List.of(1L, 7L, first.treeSize() / 2, first.treeSize())) {
      JsonNode proof = Http.json(rfcPrefix + "ct/v1/get-sth-consistency?first=" + from + "&second=" + second.treeSize());
      List<Sha256> hashes = hashes(proof.get("consistency"));
      Sha256 fromRoot = from == first.treeSize() ? first.rootHash()
          : WireReader.root(WireReader.rfc6962Entries(rfcPrefix, from));
      ConsistencyProof.verify(from, second.treeSize(), fromRoot, second.rootHash(), hashes);
    }
    assertEquals(400, Http.get(rfcPrefix + "ct/v1/get-sth-consistency?first=5&second=" + (second.treeSize() + 1)).statusCode());
  }

  @Test
  void inclusionProofsByHashVerify() {
    SignedTreeHead sth = WireReader.sth(rfcPrefix).verify(rfcKey);
    List<EntryDecoding> entries = WireReader.rfc6962Entries(rfcPrefix, sth.treeSize());
    for (int i : new int[] {0, 1, 255, 256, (int) sth.treeSize() - 1}) {
      Sha256 h = WireReader.leafHash(entries.get(i));
      String b64 = URLEncoder.encode(h.base64(), StandardCharsets.UTF_8);
      JsonNode j = Http.json(rfcPrefix + "ct/v1/get-proof-by-hash?hash=" + b64 + "&tree_size=" + sth.treeSize());
      assertEquals(i, j.get("leaf_index").asLong());
      InclusionProof.verify(i, sth.treeSize(), h, hashes(j.get("audit_path")), sth.rootHash());
      JsonNode ep = Http.json(rfcPrefix + "ct/v1/get-entry-and-proof?leaf_index=" + i + "&tree_size=" + sth.treeSize());
      InclusionProof.verify(i, sth.treeSize(), h, hashes(ep.get("audit_path")), sth.rootHash());
    }
    String unknown = URLEncoder.encode(Sha256.of(new byte[] {1}).base64(), StandardCharsets.UTF_8);
    assertEquals(404, Http.get(rfcPrefix + "ct/v1/get-proof-by-hash?hash=" + unknown + "&tree_size=" + sth.treeSize()).statusCode());
  }

  @Test
  void getRootsServesThePkiRootsAndIssuerServesEveryChainFingerprint() {
    JsonNode roots = Http.json(rfcPrefix + "ct/v1/get-roots").get("certificates");
    assertEquals(SharedPki.PKI.roots().size(), roots.size());
    assertEquals(SharedPki.PKI.roots().get(0).certificate(), Der.fromBase64(roots.get(0).asText()));
    long size = WireReader.checkpoint(staticPrefix, staticKey).treeSize();
    Set<Sha256> fingerprints = new HashSet<>();
    for (EntryDecoding d : WireReader.tileEntries(staticPrefix, size)) {
      fingerprints.addAll(((Decoded) d).entry().chainFingerprints());
    }
    assertTrue(fingerprints.size() >= 4, "fingerprints " + fingerprints);
    for (Sha256 f : fingerprints) {
      HttpResponse<byte[]> r = Http.get(staticPrefix + "issuer/" + f.hex());
      assertEquals(200, r.statusCode(), f.hex());
      assertEquals(f, Sha256.of(r.body()));
    }
    assertEquals(404, Http.get(staticPrefix + "issuer/" + Sha256.of(new byte[0]).hex()).statusCode());
  }

  @Test
  void issuancesAppearInBothLogsAsPrecertificateAndFinalCertificateWithTheSameTbsHash() {
    long rfcSize = WireReader.sth(rfcPrefix).treeSize();
    long staticSize = WireReader.checkpoint(staticPrefix, staticKey).treeSize();
    Map<Sha256, List<String>> seen = new HashMap<>();
    collect(WireReader.rfc6962Entries(rfcPrefix, rfcSize), "rfc", seen);
    collect(WireReader.tileEntries(staticPrefix, staticSize), "static", seen);
    long inBoth = seen.values().stream().filter(v -> v.stream().anyMatch(s -> s.startsWith("rfc"))
        && v.stream().anyMatch(s -> s.startsWith("static"))).count();
    long pairs = seen.values().stream().filter(v -> v.contains("rfc precert") || v.contains("static precert"))
        .filter(v -> v.contains("rfc x509") || v.contains("static x509")).count();
    assertTrue(inBoth > seen.size() / 2, inBoth + " of " + seen.size() + " issuances in both logs");
    assertTrue(pairs > seen.size() / 2, pairs + " of " + seen.size() + " issuances as precert and final cert");
    // Each precertificate is in both logs; each final certificate in exactly one.
    seen.values().stream().filter(v -> v.contains("rfc precert")).forEach(v -> assertTrue(v.contains("static precert"), v.toString()));
  }

  @Test
  void theSctsEmbeddedInFinalCertificatesVerifyAgainstTheRfc6962LogsPrecertEntries() {
    long size = WireReader.sth(rfcPrefix).treeSize();
    Map<Sha256, PrecertEntry> precerts = new HashMap<>();
    List<CertificateFacts> finals = new ArrayList<>();
    Map<CertificateFacts, Der> finalsDer = new HashMap<>();
    for (EntryDecoding d : WireReader.rfc6962Entries(rfcPrefix, size)) {
      LogEntry e = ((Decoded) d).entry();
      if (e instanceof PrecertEntry p) {
        precerts.put(facts(e).tbsSha256(), p);
      } else {
        CertificateFacts f = facts(e);
        if (!f.embeddedScts().isEmpty()) {
          finals.add(f);
          finalsDer.put(f, ((X509Entry) e).certificate());
        }
      }
    }
    int verified = 0;
    for (CertificateFacts f : finals) {
      PrecertEntry p = precerts.get(f.tbsSha256());
      if (p == null) {
        continue;
      }
      EmbeddedSct mine = f.embeddedScts().stream().filter(s -> s.logId().equals(rfcKey.logId())).findFirst().orElseThrow();
      assertEquals(p.timestamp(), mine.timestampMillis(), "sct timestamp of " + f.tbsSha256());
      // The SCT's signature covers the precert entry exactly as the log serves it.
      SignedCertificateTimestamp sct = embeddedScts(finalsDer.get(f)).stream()
          .filter(s -> s.logId().equals(rfcKey.logId())).findFirst().orElseThrow();
      sct.verifyPrecert(rfcKey, p.issuerKeyHash(), p.tbsCertificate());
      verified++;
    }
    assertTrue(verified > 50, verified + " final certificates with a precert entry");
  }

  @Test
  void theSctsOfTheStaticLogEmbeddedInFinalCertificatesNameTheLeafIndexOfTheirVerifyingPrecertEntry() {
    long size = WireReader.checkpoint(staticPrefix, staticKey).treeSize();
    Map<Sha256, PrecertEntry> precerts = new HashMap<>();
    List<X509Entry> finals = new ArrayList<>();
    for (EntryDecoding d : WireReader.tileEntries(staticPrefix, size)) {
      LogEntry e = ((Decoded) d).entry();
      if (e instanceof PrecertEntry p) {
        precerts.put(facts(e).tbsSha256(), p);
      } else {
        finals.add((X509Entry) e);
      }
    }
    int verified = 0;
    for (X509Entry x : finals) {
      CertificateFacts f = facts(x);
      PrecertEntry p = precerts.get(f.tbsSha256());
      if (p == null || f.embeddedScts().isEmpty()) {
        continue;
      }
      SignedCertificateTimestamp sct = embeddedScts(x.certificate()).stream()
          .filter(s -> s.logId().equals(staticKey.logId())).findFirst().orElseThrow();
      sct.verifyPrecert(staticKey, p.issuerKeyHash(), p.tbsCertificate());
      assertEquals(p.index(), leafIndex(sct.extensions().bytes()), "leaf_index of the sct of " + f.tbsSha256());
      assertEquals(p.timestamp(), sct.timestamp());
      verified++;
    }
    assertTrue(verified > 50, verified + " final certificates with a precert entry");
  }

  @Test
  void addChainAndAddPreChainReturnSctsThatVerifyAndLogTheEntryAtTheirIndex() {
    var issuance = SharedPki.PKI.issue(IssuanceRequest.simple(
        Names.dns("submitted.example.com"),
        "E6", IssuanceStyle.PRECERT, List.of(server.log("rfc6962-0").key()),
        Instant.parse("2026-11-01T00:00:00Z")));
    for (String prefix : List.of(rfcPrefix, staticPrefix)) {
      LogKey key = prefix.equals(rfcPrefix) ? rfcKey : staticKey;
      var pre = issuance.precert().orElseThrow();
      JsonNode sct = Http.parse(Http.post(prefix + "ct/v1/add-pre-chain", chainJson(pre.precertificate(), pre.chain())).body());
      SignedCertificateTimestamp.decode(sctBytes(sct))
          .verifyPrecert(key, pre.issuerKeyHash(), pre.tbsCertificate());
      var x = issuance.x509();
      HttpResponse<byte[]> r = Http.post(prefix + "ct/v1/add-chain", chainJson(x.certificate(), x.chain().subList(0, 1)));
      assertEquals(200, r.statusCode(), new String(r.body()));
      JsonNode sct2 = Http.parse(r.body());
      SignedCertificateTimestamp.decode(sctBytes(sct2)).verifyX509(key, x.certificate());
      server.publish();
      if (prefix.equals(staticPrefix)) {
        long index = leafIndex(Base64.getDecoder().decode(sct2.get("extensions").asText()));
        long size = WireReader.checkpoint(staticPrefix, staticKey).treeSize();
        EntryDecoding d = WireReader.tileEntries(staticPrefix, size).get((int) index);
        assertEquals(x.certificate(), ((X509Entry) ((Decoded) d).entry()).certificate());
      } else {
        assertEquals(0, Base64.getDecoder().decode(sct2.get("extensions").asText()).length);
      }
    }
    assertEquals(400, Http.post(rfcPrefix + "ct/v1/add-chain", chainJson(issuance.precert().get().precertificate(),
        issuance.precert().get().chain())).statusCode());
    assertEquals(400, Http.post(rfcPrefix + "ct/v1/add-chain", "{\"chain\": []}").statusCode());
    assertEquals(405, Http.get(rfcPrefix + "ct/v1/add-chain").statusCode());
  }

  /** The SCT list extension of {@code cert}, read with BouncyCastle (not the parser's x509 package). */
  private static List<SignedCertificateTimestamp> embeddedScts(Der cert) {
    try {
      var holder = new X509CertificateHolder(cert.bytes());
      var ext = holder.getExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2"));
      byte[] inner = ASN1OctetString.getInstance(ext.getParsedValue()).getOctets();
      return SignedCertificateTimestamp.decodeList(inner);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static long leafIndex(byte[] ext) {
    assertEquals(8, ext.length);
    assertEquals(0, ext[0]);
    assertEquals(5, ext[2]);
    long v = 0;
    for (int i = 3; i < 8; i++) {
      v = v << 8 | (ext[i] & 0xff);
    }
    return v;
  }

  private static byte[] sctBytes(JsonNode sct) {
    byte[] id = Base64.getDecoder().decode(sct.get("id").asText());
    byte[] ext = Base64.getDecoder().decode(sct.get("extensions").asText());
    byte[] sig = Base64.getDecoder().decode(sct.get("signature").asText());
    ByteBuffer b = ByteBuffer.allocate(1 + 32 + 8 + 2 + ext.length + sig.length);
    b.put((byte) sct.get("sct_version").asInt()).put(id).putLong(sct.get("timestamp").asLong())
        .putShort((short) ext.length).put(ext).put(sig);
    return b.array();
  }

  private static String chainJson(Der leaf, List<Der> chain) {
    StringBuilder b = new StringBuilder("{\"chain\":[\"").append(leaf.base64()).append('"');
    chain.forEach(c -> b.append(",\"").append(c.base64()).append('"'));
    return b.append("]}").toString();
  }

  private static void collect(List<EntryDecoding> entries, String log, Map<Sha256, List<String>> seen) {
    for (EntryDecoding d : entries) {
      LogEntry e = ((Decoded) d).entry();
      seen.computeIfAbsent(facts(e).tbsSha256(), k -> new ArrayList<>())
          .add(log + (e instanceof PrecertEntry ? " precert" : " x509"));
    }
  }

  private static CertificateFacts facts(LogEntry e) {
    FactsResult r = e instanceof PrecertEntry p
        ? CertificateDecoder.fromTbs(p.tbsCertificate(), true)
        : CertificateDecoder.fromCertificate(((X509Entry) e).certificate());
    assertInstanceOf(FactsResult.Parsed.class, r, r.toString());
    return r.facts();
  }

  private static List<Sha256> hashes(JsonNode array) {
    List<Sha256> out = new ArrayList<>();
    array.forEach(h -> out.add(Sha256.wrap(Base64.getDecoder().decode(h.asText()))));
    return out;
  }

  @Test
  void aLogNotInTheServerIs404AndRfc6962ReadsOfAStaticLogAre404() {
    assertEquals(404, Http.get(server.baseUrl() + "nope/ct/v1/get-sth").statusCode());
    assertEquals(404, Http.get(staticPrefix + "ct/v1/get-sth").statusCode());
    assertEquals(404, Http.get(rfcPrefix + "checkpoint").statusCode());
    assertFalse(server.logs().isEmpty());
    assertNotEquals(server.log("rfc6962-0").protocol(), server.log("static-1").protocol());
    assertEquals(LogProtocol.STATIC, server.log("static-1").protocol());
  }

  @Test
  void entriesGrownWhileTheServerRunsAreStampedNowAndBeforeTheHeadThatCoversThem() throws Exception {
    try (TestLogServer growing = TestLogServer.start(TestLogOptions.defaults().withEntries(40).withGrowRate(60),
        SharedPki.PKI, Clock.systemUTC())) {
      String prefix = growing.logListUrl().replace("log_list.json", "rfc6962-0/");
      AtomicReference<SignedTreeHead> latest = new AtomicReference<>();
      Eventually.holds(Duration.ofSeconds(20), Duration.ofMillis(200), () -> {
        latest.set(WireReader.sth(prefix));
        return latest.get().treeSize() >= 200;
      });
      SignedTreeHead head = latest.get();
      assertTrue(head.treeSize() >= 200, "the log grew: " + head);
      long now = System.currentTimeMillis();
      List<EntryDecoding> entries = WireReader.rfc6962Entries(prefix, head.treeSize());
      for (EntryDecoding d : entries) {
        long ts = ((Decoded) d).entry().timestamp();
        assertTrue(ts <= head.timestamp(), "entry stamped " + ts + " after the head covering it, " + head);
      }
      long newest = ((Decoded) entries.get(entries.size() - 1)).entry().timestamp();
      assertTrue(now - newest < 15_000, "the newest grown entry is " + (now - newest) + " ms old, not from the past day");
    }
  }
}
