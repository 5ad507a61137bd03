package org.ctmon.parser.treehead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.ctmon.parser.Corpus;
import org.junit.jupiter.api.Test;

final class SignedCheckpointTest {
  private static final String PARCELYARD = "static-ct/parcelyard2026h2/checkpoint";
  private static final String PARCELYARD_ORIGIN = "parcelyard2026h2.prod.certificate.transparency.goog";
  private static final String WILLOW = "static-ct/letsencrypt-willow2025h1b/checkpoint";
  private static final String WILLOW_ORIGIN = "willow.ct.letsencrypt.org/2025h1b";
  private static final String CLOUDFLARE = "static-ct/cloudflare-dev2024h2b/checkpoint";
  private static final String CLOUDFLARE_ORIGIN = "static-ct-dev.cloudflareresearch.com/logs/dev2024h2b";

  private static LogKey parcelYardKey() {
    return CorpusKeys.pem("parcelyard2026h2");
  }

  private static LogKey keyOf(String keysJson) {
    return LogKey.fromBase64(CorpusKeys.json(keysJson).get("rfc6962_key").asText());
  }

  private static SignedCheckpoint verifyParcelYard(String note) {
    return SignedCheckpoint.verify(note.getBytes(StandardCharsets.UTF_8), parcelYardKey(), PARCELYARD_ORIGIN);
  }

  private static Instant second(long millis) {
    return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS);
  }

  @Test
  void parcelYardCheckpointWithWitnessCosignaturesVerifies() {
    SignedCheckpoint c = SignedCheckpoint.verify(Corpus.bytes(PARCELYARD), parcelYardKey(), PARCELYARD_ORIGIN);
    assertEquals(1587930800L, c.treeSize());
    // SOURCES.md: "RFC6962 note signature OK (signed 2026-10-07T04:22:53Z)", checked with python
    assertEquals(Instant.parse("2026-10-07T04:22:53Z"), second(c.timestamp()));
  }

  @Test
  void willowCheckpointVerifiesWithTheKeyOfItsKeysFileAndOfTheLogList() {
    SignedCheckpoint c = SignedCheckpoint.verify(Corpus.bytes(WILLOW),
        keyOf("static-ct/letsencrypt-willow2025h1b/keys.json"), WILLOW_ORIGIN);
    SignedCheckpoint.verify(Corpus.bytes(WILLOW), CorpusKeys.pem("willow2025h1b"), WILLOW_ORIGIN);
    assertEquals(1237717073L, c.treeSize());
    assertEquals(Instant.parse("2025-01-23T20:27:13Z"), second(c.timestamp()));
  }

  @Test
  void cloudflareDevCheckpointVerifies() {
    SignedCheckpoint c = SignedCheckpoint.verify(Corpus.bytes(CLOUDFLARE),
        keyOf("static-ct/cloudflare-dev2024h2b/keys.json"), CLOUDFLARE_ORIGIN);
    assertEquals(5L, c.treeSize());
    assertEquals(Instant.parse("2025-01-23T20:21:04Z"), second(c.timestamp()));
  }

  @Test
  void originOfASubmissionUrlDropsSchemeAndTrailingSlash() {
    // the parcelyard submission_url of loglist/chrome_v3_all_logs_list_v89.25_2026-08-20.json
    assertEquals(PARCELYARD_ORIGIN,
        SignedCheckpoint.originOf("https://parcelyard2026h2.prod.certificate.transparency.goog/"));
  }

  @Test
  void changedTreeSizeInTheBodyFails() {
    String note = Corpus.text(PARCELYARD).replace("\n1587930800\n", "\n1587930801\n");
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> verifyParcelYard(note));
    assertEquals(1587930801L, e.treeSize());
    assertTrue(e.getMessage().startsWith("tree head signature of log utuIpG+cr6QJDoLlk1bbbni0pT9YLbCBl5UkLym2jJg= at size 1587930801"),
        e.getMessage());
  }

  @Test
  void changedRootInTheBodyFails() {
    String note = Corpus.text(PARCELYARD).replace("SVJjVAjX0", "SVJjVAjX1");
    assertThrows(InvalidTreeHeadSignatureException.class, () -> verifyParcelYard(note));
  }

  @Test
  void flippedByteInTheLogSignatureFails() {
    String note = Corpus.text(PARCELYARD);
    String b64 = "k6eK4AAAAaEUmZpEBAMARzBFAiEAj+rDFyvxv0nXRqyVQqhK+AYnNK0DPJmerqSweQMwdBYCIGdC4tf4sGVPxmOhnBIokS/GIuRaaSsszde4lnryqLOQ";
    assertTrue(note.contains(b64));
    byte[] blob = Base64.getDecoder().decode(b64);
    blob[blob.length - 1] ^= 0x01;
    String tampered = note.replace(b64, Base64.getEncoder().encodeToString(blob));
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> verifyParcelYard(tampered));
    assertEquals(1587930800L, e.treeSize());
  }

  @Test
  void flippedByteInTheSignedTimestampFails() {
    String note = Corpus.text(PARCELYARD);
    String b64 = "k6eK4AAAAaEUmZpEBAMARzBFAiEAj+rDFyvxv0nXRqyVQqhK+AYnNK0DPJmerqSweQMwdBYCIGdC4tf4sGVPxmOhnBIokS/GIuRaaSsszde4lnryqLOQ";
    byte[] blob = Base64.getDecoder().decode(b64);
    blob[11] ^= 0x01; // last byte of the timestamp
    String tampered = note.replace(b64, Base64.getEncoder().encodeToString(blob));
    assertThrows(InvalidTreeHeadSignatureException.class, () -> verifyParcelYard(tampered));
  }

  @Test
  void noteWithoutTheLogsSignatureFails() {
    String note = Corpus.text(PARCELYARD).replaceAll("(?m)^— parcelyard2026h2\\.prod\\.certificate\\.transparency\\.goog k6eK4A.*\n", "");
    assertEquals(3, SignedNote.parse(note.getBytes(StandardCharsets.UTF_8)).signatures().size());
    var e = assertThrows(UnsignedCheckpointException.class, () -> verifyParcelYard(note));
    assertEquals("checkpoint parcelyard2026h2.prod.certificate.transparency.goog at size 1587930800 (root "
        + "SVJjVAjX0Ya5ibcpFy1V4CHHnUOnlJfuH9XSm7nbrqo=) is not signed by log utuIpG+cr6QJDoLlk1bbbni0pT9YLbCBl5UkLym2jJg=:"
        + " no signature line has key name parcelyard2026h2.prod.certificate.transparency.goog and key id 93a78ae0 (of 3 lines)",
        e.getMessage());
  }

  @Test
  void anotherLogsKeyFindsNoSignature() {
    assertThrows(UnsignedCheckpointException.class, () -> SignedCheckpoint.verify(
        Corpus.bytes(PARCELYARD), CorpusKeys.pem("icarus"), PARCELYARD_ORIGIN));
  }

  @Test
  void aCheckpointSignedByTheLogsKeyUnderAnOriginOfOtherCasePortOrPathVerifies() {
    LogKey key = keyOf("static-ct/letsencrypt-willow2025h1b/keys.json");
    // What a log list's submission URL may say where the log writes willow.ct.letsencrypt.org/2025h1b.
    for (String listed : new String[] {"Willow.CT.letsencrypt.org/2025h1b", "willow.ct.letsencrypt.org:443/2025h1b",
        "willow.ct.letsencrypt.org/2025h1b/v1"}) {
      SignedCheckpoint c = SignedCheckpoint.verify(Corpus.bytes(WILLOW), key, listed);
      assertEquals(1237717073L, c.treeSize(), listed);
    }
    assertEquals("case", SignedCheckpoint.originDifference("Willow.CT.letsencrypt.org/2025h1b", WILLOW_ORIGIN));
    assertEquals("port", SignedCheckpoint.originDifference("willow.ct.letsencrypt.org:443/2025h1b", WILLOW_ORIGIN));
    assertEquals("path", SignedCheckpoint.originDifference("willow.ct.letsencrypt.org/2025h1b/v1", WILLOW_ORIGIN));
    assertEquals("host", SignedCheckpoint.originDifference("oak.ct.letsencrypt.org/2025h1b", WILLOW_ORIGIN));
  }

  @Test
  void aCheckpointOfAnotherOriginThatTheLogsKeyDidNotSignUnderItFails() {
    // Willow's checkpoint under the name the list gives, but checked with another log's key.
    var e = assertThrows(UnsignedCheckpointException.class, () -> SignedCheckpoint.verify(
        Corpus.bytes(WILLOW), parcelYardKey(), "willow.ct.letsencrypt.org/2025h2"));
    assertTrue(e.getMessage().endsWith("its origin willow.ct.letsencrypt.org/2025h1b is not the log's origin"
        + " willow.ct.letsencrypt.org/2025h2 (path), and no signature line of the log's key names it"), e.getMessage());
  }

  @Test
  void extraUnknownCosignaturesStillVerify() {
    String note = Corpus.text(PARCELYARD)
        + "— witness.example.org AAAAAQAAAAAAAAAA\n"
        + "— " + PARCELYARD_ORIGIN + " AAAAAAAAAAAAAAAA\n"; // the log's name, another key id
    SignedCheckpoint c = verifyParcelYard(note);
    assertEquals(6, c.note().signatures().size());
  }

  @Test
  void logSignatureTooShortForATimestampIsMalformed() {
    // the log's name and key id 93a78ae0 followed by 3 bytes
    String note = "o.example\n1\n" + "SVJjVAjX0Ya5ibcpFy1V4CHHnUOnlJfuH9XSm7nbrqo=\n\n";
    LogKey key = parcelYardKey();
    int id = key.noteKeyId("o.example");
    byte[] blob = ByteBuffer.allocate(7).putInt(id).put(new byte[3]).array();
    String withSig = note + "— o.example " + Base64.getEncoder().encodeToString(blob) + "\n";
    var e = assertThrows(MalformedTreeHeadException.class, () -> SignedCheckpoint.verify(
        withSig.getBytes(StandardCharsets.UTF_8), key, "o.example"));
    assertEquals("rfc 6962 note signature of checkpoint o.example at size 1 has 3 bytes, fewer than a timestamp",
        e.getMessage());
  }

  @Test
  void twoLinesWithTheLogsKeyIdAreMalformed() {
    String note = Corpus.text(PARCELYARD);
    String line = note.lines().filter(l -> l.contains(" k6eK4A")).findFirst().orElseThrow();
    assertThrows(MalformedTreeHeadException.class, () -> verifyParcelYard(note + line + "\n"));
  }

  @Test
  void checkpointWithExtensionLinesIsRejectedAsTheRfc6962SignatureDoesNotCoverThem() {
    String note = Corpus.text(PARCELYARD).replace("nbrqo=\n\n", "nbrqo=\nextension\n\n");
    var e = assertThrows(MalformedTreeHeadException.class, () -> verifyParcelYard(note));
    assertTrue(e.getMessage().endsWith("has 1 extension lines, which an rfc 6962 note signature does not cover"),
        e.getMessage());
  }

  @Test
  void checkpointAndStoredHeadAgreeAsValues() {
    SignedCheckpoint a = SignedCheckpoint.verify(Corpus.bytes(PARCELYARD), parcelYardKey(), PARCELYARD_ORIGIN);
    SignedCheckpoint b = SignedCheckpoint.verify(Corpus.bytes(PARCELYARD), parcelYardKey(), PARCELYARD_ORIGIN);
    assertEquals(a, b);
    assertEquals(a.treeHead(), a.toSignedTreeHead().treeHead());
    a.toSignedTreeHead().verify(parcelYardKey()); // the same signature as an RFC 6962 STH
    String s = a.toString();
    // hex by `echo SVJjVAjX0Ya5ibcpFy1V4CHHnUOnlJfuH9XSm7nbrqo= | base64 -d | xxd -p -c 32`
    assertTrue(s.contains("size 1587930800"), s);
    assertTrue(s.contains(HEX_PARCELYARD_ROOT), s);
  }

  private static final String HEX_PARCELYARD_ROOT = "4952635408d7d186b989b729172d55e021c79d43a79497ee1fd5d29bb9dbaeaa";
}
