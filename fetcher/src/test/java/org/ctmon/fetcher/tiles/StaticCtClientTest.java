package org.ctmon.fetcher.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockWebServer;
import org.ctmon.fetcher.http.FetcherCorpus;
import org.ctmon.fetcher.http.LogHttpException;
import org.ctmon.fetcher.http.LogResponseException;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogProtocol;
import org.ctmon.fetcher.loglist.LogType;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.LogEntry;
import org.ctmon.parser.treehead.InvalidTreeHeadSignatureException;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.SignedCheckpoint;
import org.ctmon.parser.treehead.UnsignedCheckpointException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class StaticCtClientTest {
  private static final OkHttpClient HTTP = FetcherCorpus.testConfig().newClient();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
  private static final String NAVIGLI = "static-ct/navigli2025h2/";

  private MockWebServer server;
  private StaticLogFiles files;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    files = new StaticLogFiles();
    server.setDispatcher(files);
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private URI monitoring() {
    return server.url("/").uri();
  }

  private final IssuerCache issuers = new IssuerCache(4);

  private StaticCtClient client(String origin, LogKey key) {
    return new StaticCtClient(HTTP, monitoring(), origin, key, CLOCK, issuers);
  }

  private StaticCtClient navigli() {
    return client("navigli2025h2.skylight.geomys.org", FetcherCorpus.key("navigli2025h2"));
  }

  /** The paths requested since the last call; a request is recorded before its response is sent. */
  private List<String> requestedPaths() throws InterruptedException {
    List<String> paths = new ArrayList<>();
    for (var r = server.takeRequest(0, TimeUnit.SECONDS); r != null; r = server.takeRequest(0, TimeUnit.SECONDS)) {
      paths.add(r.getPath());
    }
    return paths;
  }

  // ---- checkpoints ----

  @Test
  void realCheckpointsOfThreeOperatorsVerifyWithTheirKeysAndOrigins() {
    files.put("/checkpoint", FetcherCorpus.bytes("static-ct/parcelyard2026h2/checkpoint"));
    SignedCheckpoint parcelYard = client("parcelyard2026h2.prod.certificate.transparency.goog",
        FetcherCorpus.key("parcelyard2026h2")).checkpoint();
    assertEquals(1587930800L, parcelYard.treeSize());
    assertEquals(Instant.parse("2026-10-07T04:22:53Z"), parcelYard.treeHead().time().truncatedTo(ChronoUnit.SECONDS));

    files.put("/checkpoint", FetcherCorpus.bytes("static-ct/letsencrypt-willow2025h1b/checkpoint"));
    SignedCheckpoint willow = client("willow.ct.letsencrypt.org/2025h1b", FetcherCorpus.key("willow2025h1b"))
        .checkpoint();
    assertEquals(1237717073L, willow.treeSize());
    assertEquals(Instant.parse("2025-01-23T20:27:13Z"), willow.treeHead().time().truncatedTo(ChronoUnit.SECONDS));

    files.put("/checkpoint", FetcherCorpus.bytes("static-ct/cloudflare-dev2024h2b/checkpoint"));
    LogKey cloudflareKey = LogKey.fromBase64(
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAES4yrL7jarwxEdSWrJp35uef789UYLma/F0x7bfBpW2KWnN5yuDE5XgeOAKeWM3RpycCZF2xRGAp2iHFCa4PtqA==");
    SignedCheckpoint cloudflare = client("static-ct-dev.cloudflareresearch.com/logs/dev2024h2b", cloudflareKey)
        .checkpoint();
    assertEquals(5L, cloudflare.treeSize());
    assertEquals(Instant.parse("2025-01-23T20:21:04Z"), cloudflare.treeHead().time().truncatedTo(ChronoUnit.SECONDS));
  }

  @Test
  void theOriginComesFromTheLogListsSubmissionUrl() throws Exception {
    LogKey key = FetcherCorpus.key("willow2025h1b");
    CtLog willow = new CtLog("Let's Encrypt 'Willow' 2025h1b", "Let's Encrypt", key.logId(), key.spki(),
        new LogProtocol.StaticCt(URI.create("https://willow.ct.letsencrypt.org/2025h1b/"), server.url("/mon/").uri()),
        Duration.ofSeconds(60), Optional.empty(), Optional.empty(), LogType.PROD, Optional.empty(), List.of());
    files.put("/mon/checkpoint", FetcherCorpus.bytes("static-ct/letsencrypt-willow2025h1b/checkpoint"));
    StaticCtClient client = new StaticCtClient(HTTP, willow);
    assertEquals("willow.ct.letsencrypt.org/2025h1b", client.origin());
    assertEquals(1237717073L, client.checkpoint().treeSize());
    assertEquals("/mon/checkpoint", server.takeRequest().getPath());
  }

  @Test
  void aCheckpointWithOneRootBitFlippedFailsItsSignature() {
    String note = FetcherCorpus.text("static-ct/letsencrypt-willow2025h1b/checkpoint");
    String root = "pT/KC9MSHoRK2rHkeyfTSXfxolR2ja4JqhdymK9pnlo=";
    byte[] flipped = java.util.Base64.getDecoder().decode(root);
    flipped[0] ^= 1;
    files.put("/checkpoint", note.replace(root, java.util.Base64.getEncoder().encodeToString(flipped))
        .getBytes(StandardCharsets.UTF_8));
    InvalidTreeHeadSignatureException e = assertThrows(InvalidTreeHeadSignatureException.class,
        () -> client("willow.ct.letsencrypt.org/2025h1b", FetcherCorpus.key("willow2025h1b")).checkpoint());
    assertEquals(1237717073L, e.treeSize());
    assertEquals(Sha256.wrap(flipped), e.rootHash());
  }

  @Test
  void anotherLogsCheckpointIsNotSignedByThisLog() {
    files.put("/checkpoint", FetcherCorpus.bytes("static-ct/parcelyard2026h2/checkpoint"));
    UnsignedCheckpointException e = assertThrows(UnsignedCheckpointException.class,
        () -> client("willow.ct.letsencrypt.org/2025h1b", FetcherCorpus.key("willow2025h1b")).checkpoint());
    assertTrue(e.getMessage().endsWith("its origin parcelyard2026h2.prod.certificate.transparency.goog is not the"
        + " log's origin willow.ct.letsencrypt.org/2025h1b (host), and no signature line of the log's key names it"),
        e.getMessage());
  }

  @Test
  void anHtmlPageAtTheCheckpointIsAMalformedResponse() {
    files.put("/checkpoint", "<!DOCTYPE html>\n<html>maintenance</html>".getBytes(StandardCharsets.UTF_8));
    LogResponseException e = assertThrows(LogResponseException.class,
        () -> client("willow.ct.letsencrypt.org/2025h1b", FetcherCorpus.key("willow2025h1b")).checkpoint());
    assertTrue(e.getMessage().startsWith("error fetching checkpoint from " + monitoring() + ": malformed response: "),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("; body (40 bytes): <!DOCTYPE html>\\n<html>maintenance</html>"),
        e.getMessage());
    assertTrue(e.retryable());
  }

  // ---- data tiles ----

  @Test
  void aFullRealDataTileDecodesToEntriesWhoseLeafHashesAreTheLogsLevel0HashTile() throws Exception {
    files.put("/tile/data/000", FetcherCorpus.bytes(NAVIGLI + "tile/data/000"));
    List<EntryDecoding> entries = navigli().dataTile(0, 256);
    assertEquals(List.of("/tile/data/000"), requestedPaths());
    assertLeafHashesMatch(entries, 0, FetcherCorpus.bytes(NAVIGLI + "tile/0/000"), 256);
  }

  @Test
  void aGzipTileWithContentEncodingIsDecodedTransparently() throws Exception {
    files.putGzipEncoded("/tile/data/001", FetcherCorpus.bytes(NAVIGLI + "tile/data/001"));
    List<EntryDecoding> entries = navigli().dataTile(1, 256);
    assertLeafHashesMatch(entries, 256, FetcherCorpus.bytes(NAVIGLI + "tile/0/001"), 256);
    var request = server.takeRequest();
    assertEquals("gzip", request.getHeader("Accept-Encoding"));
    assertEquals("ctmon/dev (+ct-tests@ctmon.example)", request.getHeader("User-Agent"));
  }

  @Test
  void aGzipTileWithoutContentEncodingIsDetectedByItsMagic() {
    files.put("/tile/data/002", StaticLogFiles.gzip(FetcherCorpus.bytes(NAVIGLI + "tile/data/002")));
    assertLeafHashesMatch(navigli().dataTile(2, 256), 512, FetcherCorpus.bytes(NAVIGLI + "tile/0/002"), 256);
  }

  @Test
  void aPartialTileIsFetchedByItsWidth() throws Exception {
    files.put("/tile/data/003.p/10", FetcherCorpus.bytes(NAVIGLI + "tile/data/003.p/10"));
    List<EntryDecoding> entries = navigli().dataTile(3, 10);
    assertEquals(List.of("/tile/data/003.p/10"), requestedPaths());
    assertLeafHashesMatch(entries, 768, FetcherCorpus.bytes(NAVIGLI + "tile/0/003.p/10"), 10);
  }

  @Test
  void aDeletedPartialTileFallsBackToTheFullTileAndKeepsItsFirstEntries() throws Exception {
    files.put("/tile/data/003", FetcherCorpus.bytes(NAVIGLI + "tile/data/003"));
    List<EntryDecoding> entries = navigli().dataTile(3, 7);
    assertEquals(List.of("/tile/data/003.p/7", "/tile/data/003"), requestedPaths());
    assertLeafHashesMatch(entries, 768, FetcherCorpus.bytes(NAVIGLI + "tile/0/003"), 7);
  }

  @Test
  void tilePathsUseThreeDigitGroups() throws Exception {
    LogHttpException e = assertThrows(LogHttpException.class, () -> navigli().dataTile(1234, 7));
    assertEquals(List.of("/tile/data/x001/234.p/7", "/tile/data/x001/234"), requestedPaths());
    assertEquals("error fetching tile/data/x001/234 from " + monitoring() + ": HTTP 404: 404 page not found\\n",
        e.getMessage());
    assertThrows(LogHttpException.class, () -> navigli().dataTile(1234067, 256));
    assertThrows(LogHttpException.class, () -> navigli().hashTile(2, 1234067, 255));
    assertEquals(List.of("/tile/data/x001/x234/067", "/tile/2/x001/x234/067.p/255", "/tile/2/x001/x234/067"),
        requestedPaths());
  }

  @Test
  void aMissingFullTileIsNotRetriedAsAnythingElse() throws Exception {
    assertEquals(404, assertThrows(LogHttpException.class, () -> navigli().dataTile(5, 256)).status());
    assertEquals(List.of("/tile/data/005"), requestedPaths());
  }

  @Test
  void aTileWithFewerEntriesThanItsWidthIsAMalformedResponse() {
    files.put("/tile/data/003.p/20", FetcherCorpus.bytes(NAVIGLI + "tile/data/003.p/10"));
    LogResponseException e = assertThrows(LogResponseException.class, () -> navigli().dataTile(3, 20));
    assertTrue(e.reason().startsWith("data tile ends at offset "), e.reason());
    assertTrue(e.reason().endsWith(" after 10 entries, expected 20"), e.reason());
    assertEquals("tile/data/003.p/20", e.request());
  }

  @Test
  void aTileCutMidEntryIsAMalformedResponse() {
    files.put("/tile/data/000", Arrays.copyOf(FetcherCorpus.bytes(NAVIGLI + "tile/data/000"), 100_000));
    LogResponseException e = assertThrows(LogResponseException.class, () -> navigli().dataTile(0, 256));
    assertTrue(e.getMessage().startsWith("error fetching tile/data/000 from " + monitoring()
        + ": malformed response: entry "), e.getMessage());
  }

  @Test
  void aCorruptGzipTileIsAMalformedResponse() {
    byte[] gz = StaticLogFiles.gzip(FetcherCorpus.bytes(NAVIGLI + "tile/data/000"));
    files.put("/tile/data/000", Arrays.copyOf(gz, gz.length / 2));
    LogResponseException e = assertThrows(LogResponseException.class, () -> navigli().dataTile(0, 256));
    assertTrue(e.reason().startsWith("corrupt gzip data tile"), e.reason());
  }

  private static void assertLeafHashesMatch(List<EntryDecoding> entries, long first, byte[] hashTile, int count) {
    assertEquals(count, entries.size());
    for (int k = 0; k < count; k++) {
      LogEntry e = assertInstanceOf(Decoded.class, entries.get(k), "entry " + k).entry();
      assertEquals(first + k, e.index());
      assertEquals(Sha256.wrap(hashTile, k * 32), e.leafHash(), "leaf hash of entry " + (first + k));
    }
  }

  // ---- hash tiles ----

  @Test
  void aFullHashTileIsItsBytesAsHashes() throws Exception {
    byte[] tile = FetcherCorpus.bytes(NAVIGLI + "tile/0/001");
    files.put("/tile/0/001", tile);
    List<Sha256> hashes = navigli().hashTile(0, 1, 256);
    assertEquals(List.of("/tile/0/001"), requestedPaths());
    assertEquals(256, hashes.size());
    assertEquals(Sha256.wrap(tile, 255 * 32), hashes.get(255));
  }

  @Test
  void theRealPartialHashTileIsAPrefixOfTheFullOne() {
    files.put("/tile/0/003.p/10", FetcherCorpus.bytes(NAVIGLI + "tile/0/003.p/10"));
    files.put("/tile/0/003", FetcherCorpus.bytes(NAVIGLI + "tile/0/003"));
    assertEquals(navigli().hashTile(0, 3, 256).subList(0, 10), navigli().hashTile(0, 3, 10));
  }

  @Test
  void aDeletedPartialHashTileFallsBackToTheFullTile() throws Exception {
    byte[] full = FetcherCorpus.bytes(NAVIGLI + "tile/0/003");
    files.put("/tile/0/003", full);
    assertArrayEquals(full, navigli().hashTileBytes(0, 3, 10));
    assertEquals(List.of("/tile/0/003.p/10", "/tile/0/003"), requestedPaths());
    assertEquals(Sha256.wrap(full, 9 * 32), navigli().hashTile(0, 3, 10).get(9));
  }

  @Test
  void aHashTileOfTheWrongLengthIsAMalformedResponse() {
    files.put("/tile/1/000.p/2", new byte[65]);
    LogResponseException e = assertThrows(LogResponseException.class, () -> navigli().hashTile(1, 0, 2));
    assertEquals("hash tile has 65 bytes, not 64 (2 hashes of 32 bytes)", e.reason());
  }

  // ---- issuers ----

  @Test
  void anIssuerOfARealEntryIsFetchedByItsFingerprintCheckedAndCached() throws Exception {
    files.put("/tile/data/000", FetcherCorpus.bytes(NAVIGLI + "tile/data/000"));
    LogEntry first = ((Decoded) navigli().dataTile(0, 256).get(0)).entry();
    Sha256 fingerprint = first.chainFingerprints().get(0);
    assertEquals("54588456f084df53d35714fb90760edaf1d222500858b4c07d3a4d91308dec42", fingerprint.hex());
    byte[] r10 = FetcherCorpus.pemDer("precerts/navigli2025h2/issuers/STAGING_Counterfeit_Cashew_R10.pem");
    files.put("/issuer/" + fingerprint.hex(), r10);
    server.takeRequest();

    StaticCtClient client = navigli();
    assertEquals(Der.of(r10), client.issuer(fingerprint));
    assertEquals(Der.of(r10), client.issuer(fingerprint));
    assertEquals(List.of("/issuer/54588456f084df53d35714fb90760edaf1d222500858b4c07d3a4d91308dec42"), requestedPaths());
    assertEquals(1, issuers.size());
    // Another log's client sharing the cache does not fetch it again.
    assertEquals(Der.of(r10), client("another.example/log", FetcherCorpus.key("navigli2025h2")).issuer(fingerprint));
    assertEquals(List.of(), requestedPaths());
  }

  @Test
  void anIssuerThatDoesNotHashToItsFingerprintIsRejectedAndNotCached() throws Exception {
    byte[] r10 = FetcherCorpus.pemDer("precerts/navigli2025h2/issuers/STAGING_Counterfeit_Cashew_R10.pem");
    byte[] e6 = FetcherCorpus.pemDer("precerts/navigli2025h2/issuers/STAGING_False_Fennel_E6.pem");
    Sha256 r10Fingerprint = Sha256.fromHex("54588456f084df53d35714fb90760edaf1d222500858b4c07d3a4d91308dec42");
    files.put("/issuer/" + r10Fingerprint.hex(), e6);
    StaticCtClient client = navigli();
    LogResponseException e = assertThrows(LogResponseException.class, () -> client.issuer(r10Fingerprint));
    assertEquals("the body's sha-256 is a0249f0ed148f481e1c1b423dfb7e93b1e3ec8e917b7982a9b698ca786d08b92,"
        + " not the fingerprint", e.reason());
    assertEquals("issuer/" + r10Fingerprint.hex(), e.request());
    assertEquals(0, issuers.size());
    files.put("/issuer/" + r10Fingerprint.hex(), r10);
    assertEquals(Der.of(r10), client.issuer(r10Fingerprint));
  }

  @Test
  void theLogListConstructorRefusesAnRfc6962Log() {
    LogKey key = FetcherCorpus.key("pilot");
    CtLog pilot = new CtLog("Google 'Pilot' log", "Google", key.logId(), key.spki(),
        new LogProtocol.Rfc6962(URI.create("https://ct.googleapis.com/pilot/")), Duration.ofDays(1),
        Optional.empty(), Optional.empty(), LogType.PROD, Optional.empty(), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StaticCtClient(HTTP, pilot));
    assertTrue(e.getMessage().startsWith("log \"Google 'Pilot' log\" does not speak static-ct-api but Rfc6962["),
        e.getMessage());
  }
}
