package org.ctmon.testlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ctmon.parser.Eventually;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.Malformed;
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.merkle.ConsistencyProof;
import org.ctmon.parser.merkle.InvalidProofException;
import org.ctmon.parser.merkle.TileTree;
import org.ctmon.parser.treehead.InvalidTreeHeadSignatureException;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.SignedCheckpoint;
import org.ctmon.parser.treehead.SignedTreeHead;
import org.ctmon.parser.x509.CertificateDecoder;
import org.ctmon.parser.x509.FactsResult;
import org.ctmon.testlog.fault.Damage;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.fault.LaterFault;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class FaultsOverHttpTest {
  private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
  private static TestLogServer server;
  private static TestLog rfc;
  private static TestLog tiled;
  private static String rfcPrefix;
  private static String staticPrefix;

  @BeforeAll
  static void start() {
    server = TestLogServer.start(TestLogOptions.defaults().withEntries(300), SharedPki.PKI, CLOCK);
    rfc = server.log("rfc6962-0");
    tiled = server.log("static-1");
    rfcPrefix = server.prefix(rfc);
    staticPrefix = server.prefix(tiled);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void clearFaults() {
    server.logs().forEach(l -> l.faults().clear());
  }

  private static LogKey key(TestLog log) {
    return LogKey.fromDer(log.key().publicKey());
  }

  @Test
  void rateLimitAnswersEveryNthRequest429WithRetryAfter() {
    rfc.faults().add(new Fault.RateLimited(3, Duration.ofMillis(1500)));
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<byte[]> limited = null;
    for (int i = 0; i < 6; i++) {
      HttpResponse<byte[]> r = Http.get(rfcPrefix + "ct/v1/get-sth");
      statuses.add(r.statusCode());
      if (r.statusCode() == 429) {
        limited = r;
      }
    }
    assertEquals(List.of(200, 200, 429, 200, 200, 429), statuses);
    assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(200, Http.get(staticPrefix + "checkpoint").statusCode(), "the other log is not limited");
  }

  @Test
  void rateLimitUntilAnInstantAnswers429UntilTheClockPassesIt() {
    tiled.faults().add(new Fault.RateLimitedUntil(CLOCK.instant().plusSeconds(30), Duration.ofSeconds(30)));
    assertEquals(429, Http.get(staticPrefix + "checkpoint").statusCode());
    assertEquals(429, Http.get(staticPrefix + "tile/0/000").statusCode());
    CLOCK.advance(Duration.ofSeconds(31));
    assertEquals(200, Http.get(staticPrefix + "checkpoint").statusCode());
  }

  @Test
  void serverErrorsAnswerEveryNthRequestWithTheirStatus() {
    rfc.faults().add(new Fault.ServerError(2, 503));
    assertEquals(200, Http.get(rfcPrefix + "ct/v1/get-sth").statusCode());
    assertEquals(503, Http.get(rfcPrefix + "ct/v1/get-sth").statusCode());
    assertEquals(200, Http.get(rfcPrefix + "ct/v1/get-sth").statusCode());
  }

  @Test
  void slowResponsesArriveNoSoonerThanTheDelay() {
    rfc.faults().add(new Fault.Slow(Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    assertEquals(200, Http.get(rfcPrefix + "ct/v1/get-sth").statusCode());
    assertTrue(System.nanoTime() - t0 >= 300_000_000L, "answered before the injected delay");
  }

  @Test
  void truncatedPagesHoldFewerEntriesThanAskedAndExist() {
    rfc.faults().add(new Fault.TruncatedPages(7));
    JsonNode page = Http.json(rfcPrefix + "ct/v1/get-entries?start=10&end=99");
    assertEquals(7, page.get("entries").size());
    // A client that follows up still reads the whole tree.
    SignedTreeHead sth = WireReader.sth(rfcPrefix).verify(key(rfc));
    assertEquals(sth.rootHash(), WireReader.root(WireReader.rfc6962Entries(rfcPrefix, sth.treeSize())));
  }

  @Test
  void garbagePagesAreHtmlWhereJsonOrATileWasExpected() {
    rfc.faults().add(new Fault.GarbagePages(1));
    tiled.faults().add(new Fault.GarbagePages(1));
    HttpResponse<byte[]> page = Http.get(rfcPrefix + "ct/v1/get-entries?start=0&end=9");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    assertThrows(IOException.class, () -> Http.JSON.readTree(page.body()));
    HttpResponse<byte[]> tile = Http.get(staticPrefix + "tile/data/000");
    assertInstanceOf(Malformed.class, DataTile.decode(0, tile.body(), 256).get(0));
    assertEquals(200, Http.get(rfcPrefix + "ct/v1/get-sth").statusCode(), "heads are not garbled");
  }

  @Test
  void damagedEntriesAreHashedIntoTheTreeAndDecodeAsMalformed() {
    long garbage = rfc.appendDamaged(Damage.GARBAGE_CERTIFICATE);
    long broken = rfc.appendDamaged(Damage.BROKEN_FRAMING);
    long tiledGarbage = tiled.appendDamaged(Damage.GARBAGE_CERTIFICATE);
    long wrongIndex = tiled.appendDamaged(Damage.WRONG_LEAF_INDEX);
    long tiledBroken = tiled.appendDamaged(Damage.BROKEN_FRAMING);
    server.publish();

    SignedTreeHead sth = WireReader.sth(rfcPrefix).verify(key(rfc));
    List<EntryDecoding> entries = WireReader.rfc6962Entries(rfcPrefix, sth.treeSize());
    X509Entry framed = (X509Entry) ((Decoded) entries.get((int) garbage)).entry();
    assertInstanceOf(FactsResult.Malformed.class, CertificateDecoder.fromCertificate(framed.certificate()));
    assertInstanceOf(Malformed.class, entries.get((int) broken));
    assertEquals(sth.rootHash(), WireReader.root(entries), "damaged entries are still in the tree");

    SignedCheckpoint cp = SignedCheckpoint.verify(WireReader.checkpointBytes(staticPrefix), key(tiled),
        server.origin(tiled));
    List<EntryDecoding> tileEntries = WireReader.tileEntries(staticPrefix, tiledBroken);
    X509Entry tileFramed = (X509Entry) ((Decoded) tileEntries.get((int) tiledGarbage)).entry();
    assertInstanceOf(FactsResult.Malformed.class, CertificateDecoder.fromCertificate(tileFramed.certificate()));
    // A wrong leaf_index is flagged on the decoded leaf (whose certificate is garbage here).
    Decoded misstamped = assertInstanceOf(Decoded.class, tileEntries.get((int) wrongIndex));
    assertEquals(1, misstamped.flags().size(), misstamped.flags().toString());
    List<EntryDecoding> withBroken = WireReader.tileEntries(staticPrefix, cp.treeSize());
    assertInstanceOf(Malformed.class, withBroken.get((int) tiledBroken));
    // The hash tiles still prove the tree that holds the unframeable entry.
    assertEquals(cp.checkpoint().rootHash(), TileTree.root(cp.treeSize(), WireReader.hashTiles(staticPrefix)));
  }

  @Test
  void aDamagedEntriesFaultAddsOneAfterEveryNthAppendedEntry() {
    long before = rfc.appendedSize();
    rfc.faults().add(new Fault.DamagedEntries(2, Damage.BROKEN_FRAMING));
    for (int i = 0; i < 4; i++) {
      rfc.append(SharedPki.PKI.issue(IssuanceRequest.simple(
          Names.dns("d" + i + ".example.net"), "DV2", IssuanceStyle.PLAIN,
          List.of(), CLOCK.instant())).x509(), CLOCK.millis());
    }
    rfc.publish();
    assertEquals(before + 6, rfc.appendedSize());
    List<EntryDecoding> tail = WireReader.rfc6962Entries(rfcPrefix, rfc.publishedSize())
        .subList((int) before, (int) before + 6);
    List<Boolean> malformed = tail.stream().map(e -> e instanceof Malformed).toList();
    assertEquals(List.of(false, false, true, false, false, true), malformed);
  }

  @Test
  void aBadSignatureFaultServesHeadsThatDoNotVerify() {
    for (Fault.BadTreeHeadSignature.How how : Fault.BadTreeHeadSignature.How.values()) {
      Fault f = new Fault.BadTreeHeadSignature(how);
      rfc.faults().add(f);
      tiled.faults().add(f);
      SignedTreeHead sth = WireReader.sth(rfcPrefix);
      assertEquals(rfc.publishedSize(), sth.treeSize());
      assertThrows(InvalidTreeHeadSignatureException.class, () -> sth.verify(key(rfc)), how.name());
      assertThrows(InvalidTreeHeadSignatureException.class,
          () -> SignedCheckpoint.verify(WireReader.checkpointBytes(staticPrefix), key(tiled), server.origin(tiled)), how.name());
      rfc.faults().remove(f);
      tiled.faults().remove(f);
    }
    WireReader.sth(rfcPrefix).verify(key(rfc));
  }

  @Test
  void aSplitViewServesValidlySignedHeadsInconsistentWithEarlierOnes() {
    SignedTreeHead before = WireReader.sth(rfcPrefix).verify(key(rfc));
    SignedCheckpoint beforeCp = SignedCheckpoint.verify(WireReader.checkpointBytes(staticPrefix), key(tiled), server.origin(tiled));
    rfc.faults().add(new Fault.SplitView(before.treeSize() - 10));
    tiled.faults().add(new Fault.SplitView(beforeCp.treeSize() - 10));
    server.grow(40);
    server.publish();

    SignedTreeHead forked = WireReader.sth(rfcPrefix).verify(key(rfc));
    assertTrue(forked.treeSize() > before.treeSize());
    JsonNode proof = Http.json(rfcPrefix + "ct/v1/get-sth-consistency?first=" + before.treeSize() + "&second=" + forked.treeSize());
    List<Sha256> hashes = new ArrayList<>();
    proof.get("consistency").forEach(h -> hashes.add(Sha256.wrap(Base64.getDecoder().decode(h.asText()))));
    assertThrows(InvalidProofException.class,
        () -> ConsistencyProof.verify(before.treeSize(), forked.treeSize(), before.rootHash(), forked.rootHash(), hashes));
    // The fork is self-consistent: its entries hash to its head.
    assertEquals(forked.rootHash(), WireReader.root(WireReader.rfc6962Entries(rfcPrefix, forked.treeSize())));

    SignedCheckpoint forkedCp = SignedCheckpoint.verify(WireReader.checkpointBytes(staticPrefix), key(tiled), server.origin(tiled));
    assertNotEquals(beforeCp.checkpoint().rootHash(), TileTree.root(beforeCp.treeSize(), WireReader.hashTiles(staticPrefix)),
        "the forked tiles disagree with the earlier checkpoint at its size");
    assertEquals(forkedCp.checkpoint().rootHash(), TileTree.root(forkedCp.treeSize(), WireReader.hashTiles(staticPrefix)));

    rfc.faults().clear();
    SignedTreeHead real = WireReader.sth(rfcPrefix).verify(key(rfc));
    JsonNode realProof = Http.json(rfcPrefix + "ct/v1/get-sth-consistency?first=" + before.treeSize() + "&second=" + real.treeSize());
    List<Sha256> realHashes = new ArrayList<>();
    realProof.get("consistency").forEach(h -> realHashes.add(Sha256.wrap(Base64.getDecoder().decode(h.asText()))));
    ConsistencyProof.verify(before.treeSize(), real.treeSize(), before.rootHash(), real.rootHash(), realHashes);
  }

  @Test
  void aLaterFaultBeginsOnEveryLogAfterItsDelay() throws Exception {
    try (TestLogServer later = TestLogServer.start(TestLogOptions.defaults().withLaterFaults(
        List.of(new LaterFault(Duration.ofSeconds(5), new Fault.ServerError(1, 503)))), SharedPki.PKI, CLOCK)) {
      // Right after the start the logs answer: the fault is five seconds away.
      assertEquals(200, Http.get(later.prefix(later.logs().get(0)) + "ct/v1/get-sth").statusCode());
      Set<String> failing = new HashSet<>();
      Eventually.holds(Duration.ofSeconds(60), Duration.ofMillis(50), () -> {
        for (var log : later.logs()) {
          String url = later.prefix(log) + (log.protocol() == LogProtocol.STATIC ? "checkpoint" : "ct/v1/get-sth");
          if (Http.get(url).statusCode() == 503) {
            failing.add(log.name());
          }
        }
        return failing.size() >= later.logs().size();
      });
      assertEquals(later.logs().size(), failing.size(), "every log answers 503 once the fault began: " + failing);
    }
  }
}
