package org.ctmon.fetcher.rfc6962;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okio.Buffer;
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
import org.ctmon.parser.leaf.X509Entry;
import org.ctmon.parser.treehead.InvalidTreeHeadSignatureException;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.SignedTreeHead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class Rfc6962ClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OkHttpClient HTTP = FetcherCorpus.testConfig().newClient();
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  private Rfc6962Client client(String keyName) {
    return new Rfc6962Client(HTTP, server.url("/logs/" + keyName + "/").uri(), FetcherCorpus.key(keyName), CLOCK);
  }

  private String base(String log) {
    return server.url("/logs/" + log + "/").toString();
  }

  private void serve(byte[] body) {
    server.enqueue(new MockResponse().setBody(new Buffer().write(body)));
  }

  private void serve(String body) {
    serve(body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] json(JsonNode node) throws IOException {
    return JSON.writeValueAsBytes(node);
  }

  // ---- get-sth ----

  @Test
  void getSthVerifiesARealPilotHeadWithPilotsKey() throws Exception {
    serve(FetcherCorpus.bytes("rfc6962/pilot/get-sth_344104340.json"));
    SignedTreeHead sth = client("pilot").getSth();
    assertEquals(344104340L, sth.treeSize());
    assertEquals(1534165797863L, sth.timestamp());
    assertEquals("ygEuQj0whDc1GYzvyAFYMKODrZac2Lu3HOnILxJxIqU=", sth.rootHash().base64());
    var request = server.takeRequest();
    assertEquals("/logs/pilot/ct/v1/get-sth", request.getPath());
    assertEquals("ctmon/dev (+ct-tests@ctmon.example)", request.getHeader("User-Agent"));
  }

  @Test
  void getSthVerifiesARealArgonHeadOnARealRfc6962Path() throws Exception {
    serve(FetcherCorpus.bytes("rfc6962/argon2020/get-sth_961984011.json"));
    assertEquals(961984011L, client("argon2020").getSth().treeSize());
  }

  @Test
  void aHeadWithOneBitFlippedInTheRootFailsItsSignature() throws Exception {
    ObjectNode sth = (ObjectNode) JSON.readTree(FetcherCorpus.bytes("rfc6962/pilot/get-sth_344104340.json"));
    byte[] root = Base64.getDecoder().decode(sth.get("sha256_root_hash").asText());
    root[31] ^= 1;
    sth.put("sha256_root_hash", Base64.getEncoder().encodeToString(root));
    serve(json(sth));
    InvalidTreeHeadSignatureException e = assertThrows(InvalidTreeHeadSignatureException.class,
        () -> client("pilot").getSth());
    assertEquals(344104340L, e.treeSize());
    assertEquals(Sha256.wrap(root), e.rootHash());
    assertEquals(FetcherCorpus.key("pilot").logId(), e.logId());
    assertTrue(e.getMessage().endsWith("does not verify: the ecdsa-p256 signature is wrong"), e.getMessage());
  }

  @Test
  void theUnverifiedHeadIsKeptForEvidence() throws Exception {
    ObjectNode sth = (ObjectNode) JSON.readTree(FetcherCorpus.bytes("rfc6962/pilot/get-sth_344104340.json"));
    sth.put("tree_size", 344104341L);
    serve(json(sth));
    SignedTreeHead bad = client("pilot").getSthUnverified();
    assertEquals(344104341L, bad.treeSize());
    assertEquals(sth.get("tree_head_signature").asText(), bad.signature().base64());
    assertThrows(InvalidTreeHeadSignatureException.class, () -> bad.verify(FetcherCorpus.key("pilot")));
  }

  @Test
  void aHeadSignedByAnotherLogFails() {
    serve(FetcherCorpus.bytes("rfc6962/argon2020/get-sth_961984011.json"));
    assertThrows(InvalidTreeHeadSignatureException.class, () -> client("pilot").getSth());
  }

  @Test
  void an200HtmlPageIsAMalformedResponseQuotingIt() {
    serve("<html><body>Service temporarily unavailable</body></html>");
    LogResponseException e = assertThrows(LogResponseException.class, () -> client("pilot").getSth());
    assertEquals("error fetching sth from " + base("pilot") + ": malformed response: invalid json at line 1,"
        + " column 1: unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array,"
        + " Object or token 'null', 'true' or 'false'); body (57 bytes):"
        + " <html><body>Service temporarily unavailable</body></html>", e.getMessage());
    assertTrue(e.retryable());
  }

  @Test
  void aTruncatedSthIsAMalformedResponse() {
    serve(FetcherCorpus.text("rfc6962/pilot/get-sth_344104340.json").substring(0, 60));
    LogResponseException e = assertThrows(LogResponseException.class, () -> client("pilot").getSth());
    assertEquals("invalid json at line 1, column 61: unexpected end-of-input in field name", e.reason());
    assertEquals("{\"tree_size\":344104340,\"timestamp\":1534165797863,\"sha256_roo", e.bodyExcerpt());
  }

  @Test
  void wrongTypesMissingFieldsNegativeSizesAndBadBase64AreNamed() throws Exception {
    String root = "\"sha256_root_hash\":\"ygEuQj0whDc1GYzvyAFYMKODrZac2Lu3HOnILxJxIqU=\"";
    String sig = "\"tree_head_signature\":\"BAMARjBEAiBNI3ZY018rZ0/mGRyadQpDrO7lnAA2zRTuGNBp4YJV7QIgD6gWqMf3nqxxcl6K4Rg6sFi+FClVL2S8sbN3JhfCAs8=\"";
    assertEquals("tree_size is a string \"344104340\", not an integer",
        sthError("{\"tree_size\":\"344104340\",\"timestamp\":1," + root + "," + sig + "}"));
    assertEquals("tree_size is -1, not in [0, 2^63-1]",
        sthError("{\"tree_size\":-1,\"timestamp\":1," + root + "," + sig + "}"));
    assertEquals("tree_size is 9223372036854775808, not in [0, 2^63-1]",
        sthError("{\"tree_size\":9223372036854775808,\"timestamp\":1," + root + "," + sig + "}"));
    assertEquals("timestamp is a number 1.5, not an integer",
        sthError("{\"tree_size\":1,\"timestamp\":1.5," + root + "," + sig + "}"));
    assertEquals("tree_head_signature is missing", sthError("{\"tree_size\":1,\"timestamp\":1," + root + "}"));
    assertEquals("sha256_root_hash is null, not a base64 string",
        sthError("{\"tree_size\":1,\"timestamp\":1,\"sha256_root_hash\":null," + sig + "}"));
    assertEquals("sha256_root_hash is not base64: illegal base64 character '!' (U+0021) at offset 0",
        sthError("{\"tree_size\":1,\"timestamp\":1,\"sha256_root_hash\":\"!!!!\"," + sig + "}"));
    assertEquals("the body is a json array, not an object", sthError("[1,2,3]"));
    assertEquals("empty body", sthError(""));
    assertTrue(sthError("{\"tree_size\":1,\"tree_size\":2}").startsWith("invalid json at line 1, column 27: "
        + "duplicate field 'tree_size'"), sthError("{\"tree_size\":1,\"tree_size\":2}"));
    assertTrue(sthError("{\"tree_size\":1} {}").startsWith("invalid json at line 1, column 17: trailing token"),
        sthError("{\"tree_size\":1} {}"));
  }

  private String sthError(String body) {
    serve(body);
    return assertThrows(LogResponseException.class, () -> client("pilot").getSthUnverified()).reason();
  }

  // ---- get-entries ----

  @Test
  void getEntriesAsksForTheInclusiveRangeAndDecodesRealPilotEntries() throws Exception {
    byte[] body = FetcherCorpus.bytes("rfc6962/pilot/get-entries_6-entries_2015.json");
    serve(body);
    EntriesPage page = client("pilot").getEntries(1000, 1005);
    assertEquals("/logs/pilot/ct/v1/get-entries?start=1000&end=1005", server.takeRequest().getPath());
    assertEquals(6, page.size());
    JsonNode entries = JSON.readTree(body).get("entries");
    for (int k = 0; k < 6; k++) {
      EntryDecoding d = page.entries().get(k);
      assertEquals(1000 + k, d.index());
      X509Entry x = (X509Entry) assertInstanceOf(Decoded.class, d).entry();
      // Independent of the decoder: the RFC 6962 leaf hash of the served leaf_input.
      assertEquals(leafHash(entries.get(k).get("leaf_input").asText()), x.leafHash());
    }
    X509Certificate first = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(((X509Entry) ((Decoded) page.entries().get(0)).entry())
            .certificate().bytes()));
    assertTrue(first.getSubjectX500Principal().getName().contains("CN=tficmail.tfbf.com"),
        first.getSubjectX500Principal().getName());
    assertEquals(1005, page.end());
    assertEquals(1006, page.next());
  }

  @Test
  void base64WrittenWithJsonEscapesDecodesToTheSameEntriesAsThePlainForm() throws Exception {
    // JSON lets an encoder write '/' as "\/" (PHP's does by default) and a letter as "\u0041".
    String plain = new String(FetcherCorpus.bytes("rfc6962/pilot/get-entries_6-entries_2015.json"),
        StandardCharsets.US_ASCII);
    assertTrue(plain.contains("/"), "the real page has '/' in its base64");
    serve(plain);
    List<EntryDecoding> expected = client("pilot").getEntries(1000, 1005).entries();
    serve(plain.replace("/", "\\/").replaceFirst("\"AAAA", "\"\\\\u0041AAA"));
    List<EntryDecoding> escaped = client("pilot").getEntries(1000, 1005).entries();

    assertEquals(6, escaped.size());
    for (int k = 0; k < 6; k++) {
      X509Entry a = (X509Entry) ((Decoded) expected.get(k)).entry();
      X509Entry b = (X509Entry) assertInstanceOf(Decoded.class, escaped.get(k)).entry();
      assertEquals(a.leafHash(), b.leafHash());
      assertArrayEquals(a.certificate().bytes(), b.certificate().bytes());
      assertEquals(a.chain().size(), b.chain().size(), "extra_data, escaped too, gives the same chain");
      assertTrue(!b.chain().isEmpty(), "the real entries carry their chains");
      for (int c = 0; c < a.chain().size(); c++) {
        assertArrayEquals(a.chain().get(c).bytes(), b.chain().get(c).bytes());
      }
    }
  }

  @Test
  void aBase64StringLongerThanTheJsonParserTakesIsRefusedAsBefore() {
    String huge = "A".repeat(20_000_004); // Jackson's default limit is 20,000,000 characters a string
    String reason = entriesError("{\"entries\":[{\"leaf_input\":\"AAAA\",\"extra_data\":\"" + huge + "\"}]}");
    assertTrue(reason.contains("exceeds the maximum allowed"), reason);
  }

  @Test
  void aNonAsciiCharacterInBase64IsNamedByFieldWhetherSentRawOrEscaped() {
    assertEquals("entries[0].extra_data is not base64: illegal base64 character U+00E9 at offset 2",
        entriesError("{\"entries\":[{\"leaf_input\":\"AAAA\",\"extra_data\":\"AA\u00e9A\"}]}"));
    assertEquals("entries[0].extra_data is not base64: illegal base64 character U+00E9 at offset 2",
        entriesError("{\"entries\":[{\"leaf_input\":\"AAAA\",\"extra_data\":\"AA\\u00e9A\"}]}"));
  }

  @Test
  void aShortPageReturnsWhatTheLogGaveSoTheCallerAsksForTheRest() throws Exception {
    ObjectNode all = (ObjectNode) JSON.readTree(FetcherCorpus.bytes("rfc6962/pilot/get-entries_6-entries_2015.json"));
    ArrayNode three = JSON.createArrayNode();
    for (int k = 0; k < 3; k++) {
      three.add(all.get("entries").get(k));
    }
    serve(json(JSON.createObjectNode().set("entries", three)));
    EntriesPage page = client("pilot").getEntries(1000, 1009);
    assertEquals(3, page.size());
    assertEquals(1002, page.end());
    assertEquals(1003, page.next());
    assertEquals(List.of(1000L, 1001L, 1002L), page.entries().stream().map(EntryDecoding::index).toList());
  }

  @Test
  void moreEntriesThanAskedIsAnError() {
    serve(FetcherCorpus.bytes("rfc6962/pilot/get-entries_6-entries_2015.json"));
    LogResponseException e = assertThrows(LogResponseException.class, () -> client("pilot").getEntries(7, 9));
    assertEquals("the log returned more than the 3 entries asked for", e.reason());
    assertTrue(e.getMessage().startsWith("error fetching entries 7-9 from " + base("pilot")
        + ": malformed response: the log returned more than the 3 entries asked for; body (31369 bytes): "
        + "{\"entries\":[{\"leaf_input\":\"AAAAAAE9pe/FngAAAAWd"), e.getMessage());
  }

  @Test
  void noEntriesIsAnError() {
    serve("{\"entries\":[]}");
    assertEquals("the log returned no entries (asked for 256)",
        assertThrows(LogResponseException.class, () -> client("pilot").getEntries(0, 255)).reason());
  }

  @Test
  void garbageEntriesAreNamedByPosition() {
    assertEquals("entries[1].leaf_input is not base64: illegal base64 character '*' (U+002A) at offset 0",
        entriesError("{\"entries\":[{\"leaf_input\":\"AAAA\",\"extra_data\":\"\"},{\"leaf_input\":\"**\",\"extra_data\":\"\"}]}"));
    assertEquals("entries[0].extra_data is missing", entriesError("{\"entries\":[{\"leaf_input\":\"AAAA\"}]}"));
    assertEquals("entries[0].leaf_input is a number 12, not a base64 string",
        entriesError("{\"entries\":[{\"leaf_input\":12,\"extra_data\":\"\"}]}"));
    assertEquals("entries is an object, not an array", entriesError("{\"entries\":{}}"));
    assertEquals("entries is missing", entriesError("{\"entry\":[]}"));
    assertEquals("entries[0] is a string, not an object", entriesError("{\"entries\":[\"AAAA\"]}"));
    assertEquals("invalid json at line 1, column 29: unexpected end-of-input: expected close marker for Object",
        entriesError("{\"entries\":[{\"leaf_input\":\"\""));
  }

  @Test
  void anUndecodableEntryIsAResultNotAnError() {
    // "AAAA" is 3 zero bytes: version 0, leaf type 0, then a truncated timestamped entry.
    serve("{\"entries\":[{\"leaf_input\":\"AAAA\",\"extra_data\":\"\"}]}");
    EntriesPage page = client("pilot").getEntries(5, 5);
    assertInstanceOf(org.ctmon.parser.leaf.Malformed.class, page.entries().get(0));
    assertEquals(5, page.entries().get(0).index());
  }

  private String entriesError(String body) {
    serve(body);
    return assertThrows(LogResponseException.class, () -> client("pilot").getEntries(0, 9)).reason();
  }

  @Test
  void a429OnGetEntriesSaysWhichRangeAndWhen() throws Exception {
    server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "30"));
    LogHttpException e = assertThrows(LogHttpException.class, () -> client("pilot").getEntries(1000, 1255));
    assertEquals("error fetching entries 1000-1255 from " + base("pilot") + ": HTTP 429 (retry after 30 s)",
        e.getMessage());
    assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    assertEquals("/logs/pilot/ct/v1/get-entries?start=1000&end=1255", server.takeRequest().getPath());
  }

  @Test
  void aBackwardsRangeIsRefusedBeforeAnyRequest() {
    assertEquals("entry range 10-9 is empty or negative",
        assertThrows(IllegalArgumentException.class, () -> client("pilot").getEntries(10, 9)).getMessage());
    assertEquals(0, server.getRequestCount());
  }

  // ---- proofs and roots ----

  @Test
  void getSthConsistencyReturnsTheRealArgonProof() throws Exception {
    byte[] body = FetcherCorpus.bytes("rfc6962/argon2020/get-sth-consistency_3654490_961984011.json");
    serve(body);
    List<Sha256> proof = client("argon2020").getSthConsistency(3654490, 961984011);
    assertEquals("/logs/argon2020/ct/v1/get-sth-consistency?first=3654490&second=961984011",
        server.takeRequest().getPath());
    JsonNode expected = JSON.readTree(body).get("consistency");
    assertEquals(expected.size(), proof.size());
    for (int i = 0; i < proof.size(); i++) {
      assertEquals(expected.get(i).asText(), proof.get(i).base64());
    }
  }

  @Test
  void aConsistencyHashOfTheWrongLengthIsMalformed() {
    serve("{\"consistency\":[\"ygEuQj0whDc1GYzvyAFYMKODrZac2Lu3HOnILxJxIqU=\",\"AAAA\"]}");
    assertEquals("consistency[1] has 3 bytes, not 32",
        assertThrows(LogResponseException.class, () -> client("argon2020").getSthConsistency(1, 2)).reason());
  }

  @Test
  void getProofByHashSendsTheEscapedHashAndItsAuditPathProvesTheRealArgonLeaf() throws Exception {
    String leafInput = JSON.readTree(FetcherCorpus.bytes("rfc6962/argon2020/get-entries_10000_10000.json"))
        .get("entries").get(0).get("leaf_input").asText();
    Sha256 leaf = leafHash(leafInput);
    serve(FetcherCorpus.bytes("rfc6962/argon2020/get-proof-by-hash_961984011_leaf10000.json"));
    ProofByHash proof = client("argon2020").getProofByHash(leaf, 961984011);
    String escaped = leaf.base64().replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    assertEquals("/logs/argon2020/ct/v1/get-proof-by-hash?hash=" + escaped + "&tree_size=961984011",
        server.takeRequest().getPath());
    assertEquals(10000, proof.leafIndex());
    Sha256 root = Sha256.wrap(Base64.getDecoder().decode(JSON.readTree(
        FetcherCorpus.bytes("rfc6962/argon2020/get-sth_961984011.json")).get("sha256_root_hash").asText()));
    assertEquals(root, rootFromInclusion(10000, 961984011, leaf, proof.auditPath()));
  }

  @Test
  void getEntryAndProofDecodesTheRealIcarusEntryAndItsPathProvesIt() throws Exception {
    serve(FetcherCorpus.bytes("rfc6962/icarus/get-entry-and-proof_120000000_129721434.json"));
    EntryAndProof ep = client("icarus").getEntryAndProof(120000000, 129721434);
    assertEquals("/logs/icarus/ct/v1/get-entry-and-proof?leaf_index=120000000&tree_size=129721434",
        server.takeRequest().getPath());
    X509Entry x = (X509Entry) assertInstanceOf(Decoded.class, ep.entry()).entry();
    assertEquals(120000000, x.index());
    Sha256 root = Sha256.wrap(Base64.getDecoder().decode(JSON.readTree(
        FetcherCorpus.bytes("rfc6962/icarus/get-sth_129721434.json")).get("sha256_root_hash").asText()));
    assertEquals(root, rootFromInclusion(120000000, 129721434, x.leafHash(), ep.auditPath()));
  }

  @Test
  void getRootsReturnsEveryRealPilotRootAsDer() throws Exception {
    byte[] body = FetcherCorpus.bytes("rfc6962/pilot/get-roots.json");
    serve(body);
    List<Der> roots = client("pilot").getRoots();
    assertEquals("/logs/pilot/ct/v1/get-roots", server.takeRequest().getPath());
    assertEquals(JSON.readTree(body).get("certificates").size(), roots.size());
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    for (Der root : roots) {
      X509Certificate c = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(root.bytes()));
      assertEquals(c.getSubjectX500Principal(), c.getIssuerX500Principal(), "a root is self-issued");
    }
  }

  @Test
  void theLogListConstructorRefusesAStaticLog() {
    LogKey key = FetcherCorpus.key("willow2025h1b");
    CtLog willow = new CtLog("Let's Encrypt 'Willow2025h1b'", "Let's Encrypt", key.logId(), key.spki(),
        new LogProtocol.StaticCt(URI.create("https://willow.ct.letsencrypt.org/2025h1b/"),
            URI.create("https://mon.willow.ct.letsencrypt.org/2025h1b/")),
        Duration.ofSeconds(60), Optional.empty(), Optional.empty(), LogType.PROD, Optional.empty(), List.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Rfc6962Client(HTTP, willow));
    assertTrue(e.getMessage().startsWith("log \"Let's Encrypt 'Willow2025h1b'\" does not speak rfc 6962 but StaticCt["),
        e.getMessage());
  }

  // ---- independent reference code ----

  private static Sha256 leafHash(String leafInputBase64) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    md.update((byte) 0);
    md.update(Base64.getDecoder().decode(leafInputBase64));
    return Sha256.wrap(md.digest());
  }

  /** RFC 9162 §2.1.3.2: the root an audit path leads to. */
  private static Sha256 rootFromInclusion(long index, long size, Sha256 leaf, List<Sha256> path) throws Exception {
    long fn = index;
    long sn = size - 1;
    byte[] r = leaf.bytes();
    for (Sha256 p : path) {
      assertTrue(sn != 0, "path too long");
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((byte) 1);
      if ((fn & 1) == 1 || fn == sn) {
        md.update(p.bytes());
        md.update(r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        md.update(r);
        md.update(p.bytes());
      }
      r = md.digest();
      fn >>= 1;
      sn >>= 1;
    }
    assertEquals(0, sn, "path too short");
    return Sha256.wrap(r);
  }

  @Test
  void theReferenceInclusionCheckRejectsAPathWithOneHashChanged() throws Exception {
    String leafInput = JSON.readTree(FetcherCorpus.bytes("rfc6962/argon2020/get-entries_10000_10000.json"))
        .get("entries").get(0).get("leaf_input").asText();
    serve(FetcherCorpus.bytes("rfc6962/argon2020/get-proof-by-hash_961984011_leaf10000.json"));
    ProofByHash proof = client("argon2020").getProofByHash(leafHash(leafInput), 961984011);
    List<Sha256> path = new java.util.ArrayList<>(proof.auditPath());
    byte[] h = path.get(3).bytes();
    h[0] ^= 1;
    path.set(3, Sha256.wrap(h));
    Sha256 root = Sha256.wrap(Base64.getDecoder().decode(JSON.readTree(
        FetcherCorpus.bytes("rfc6962/argon2020/get-sth_961984011.json")).get("sha256_root_hash").asText()));
    assertNotEquals(root, rootFromInclusion(10000, 961984011, leafHash(leafInput), path));
  }
}
