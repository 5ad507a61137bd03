package org.ctmon.parser.treehead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class SignedTreeHeadTest {
  private static final String ICARUS = "rfc6962/icarus/get-sth_129596132.json";

  /** Every get-sth / final-sth response of the corpus, as "log/file" (the folder names the key). */
  static List<String> corpusSths() {
    try (Stream<Path> files = Files.walk(Corpus.path("rfc6962"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("(get|final)-sth_\\d+\\.json"))
          .map(p -> Corpus.root().relativize(p).toString().replace('\\', '/'))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SignedTreeHead read(String relative) {
    JsonNode j = CorpusKeys.json(relative);
    return SignedTreeHead.of(j.get("tree_size").asLong(), j.get("timestamp").asLong(),
        j.get("sha256_root_hash").asText(), j.get("tree_head_signature").asText());
  }

  static LogKey keyOf(String relative) {
    return CorpusKeys.pem(relative.split("/")[1]);
  }

  @Test
  void corpusHoldsTheSeventeenSthsListedInSources() {
    assertEquals(17, corpusSths().size(), corpusSths().toString());
  }

  @ParameterizedTest
  @MethodSource("corpusSths")
  void everyCorpusSthVerifiesWithItsLogKey(String file) {
    SignedTreeHead sth = read(file);
    sth.verify(keyOf(file));
    assertTrue(file.contains("_" + sth.treeSize() + ".json"), file + " holds size " + sth.treeSize());
  }

  @Test
  void rsaSthOfVenafiVerifiesAndDeclaresRsa() {
    SignedTreeHead sth = read("rfc6962/venafi/get-sth_1130.json");
    assertEquals(KeyAlgorithm.RSA, CorpusKeys.pem("venafi").algorithm());
    assertEquals(DigitallySigned.SIGNATURE_RSA, sth.signature().signatureAlgorithm());
    sth.verify(CorpusKeys.pem("venafi"));
  }

  @Test
  void flippedBitInTheSignatureFails() {
    SignedTreeHead sth = read(ICARUS);
    byte[] sig = sth.signature().signature().bytes();
    sig[sig.length - 1] ^= 1; // inside s of the DER ECDSA-Sig-Value: still well formed, wrong value
    SignedTreeHead bad = new SignedTreeHead(sth.treeSize(), sth.timestamp(), sth.rootHash(),
        new DigitallySigned(4, 3, OpaqueBytes.of(sig)));
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> bad.verify(CorpusKeys.pem("icarus")));
    assertTrue(e.getMessage().endsWith("does not verify: the ecdsa-p256 signature is wrong"), e.getMessage());
  }

  @Test
  void flippedBitInTheRootFails() {
    SignedTreeHead sth = read(ICARUS);
    byte[] root = sth.rootHash().bytes();
    root[0] ^= (byte) 0x80;
    SignedTreeHead bad = new SignedTreeHead(sth.treeSize(), sth.timestamp(), Sha256.wrap(root), sth.signature());
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> bad.verify(CorpusKeys.pem("icarus")));
    assertEquals(Sha256.wrap(root), e.rootHash());
  }

  @Test
  void flippedBitInTheTreeSizeFailsWithAMessageNamingLogSizeTimestampAndRoot() {
    SignedTreeHead sth = read(ICARUS);
    SignedTreeHead bad = new SignedTreeHead(sth.treeSize() ^ 1, sth.timestamp(), sth.rootHash(), sth.signature());
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> bad.verify(CorpusKeys.pem("icarus")));
    // log id from rfc6962/keys/logs.json; root and timestamp from the JSON file; time by `date -u -d @1508198131`
    assertEquals("tree head signature of log KTxRllTIOWW6qlD8WAfUt2+/WHopctykwwz05UVH9Hg= at size 129596133"
        + " (timestamp 1508198131197 = 2017-10-16T23:55:31.197Z, root qyJv/TObheataX8uFjAJsR+dJtJgNlfjzTe5CX8Ej2s=)"
        + " does not verify: the ecdsa-p256 signature is wrong", e.getMessage());
    assertEquals(129596133L, e.treeSize());
    assertEquals(1508198131197L, e.timestamp());
    assertEquals("KTxRllTIOWW6qlD8WAfUt2+/WHopctykwwz05UVH9Hg=", e.logId().base64());
  }

  @Test
  void flippedBitInTheTimestampFails() {
    SignedTreeHead sth = read(ICARUS);
    SignedTreeHead bad = new SignedTreeHead(sth.treeSize(), sth.timestamp() ^ (1L << 40), sth.rootHash(), sth.signature());
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> bad.verify(CorpusKeys.pem("icarus")));
    assertEquals(sth.timestamp() ^ (1L << 40), e.timestamp());
  }

  @Test
  void anotherLogsKeyFails() {
    SignedTreeHead sth = read(ICARUS);
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> sth.verify(CorpusKeys.pem("pilot")));
    assertEquals(CorpusKeys.pem("pilot").logId(), e.logId());
  }

  @Test
  void rsaSignatureAgainstAnEcdsaKeyFailsOnTheDeclaredAlgorithm() {
    SignedTreeHead sth = read("rfc6962/venafi/get-sth_1130.json");
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> sth.verify(CorpusKeys.pem("icarus")));
    assertTrue(e.getMessage().endsWith(
        "it declares signature algorithm 1 but the log key is ecdsa-p256 (3)"), e.getMessage());
  }

  @Test
  void ecdsaSignatureRelabelledAsRsaFails() {
    SignedTreeHead sth = read(ICARUS);
    SignedTreeHead relabelled = new SignedTreeHead(sth.treeSize(), sth.timestamp(), sth.rootHash(),
        new DigitallySigned(4, 1, sth.signature().signature()));
    assertThrows(InvalidTreeHeadSignatureException.class, () -> relabelled.verify(CorpusKeys.pem("icarus")));
  }

  @Test
  void hashAlgorithmOtherThanSha256Fails() {
    SignedTreeHead sth = read(ICARUS);
    SignedTreeHead sha1 = new SignedTreeHead(sth.treeSize(), sth.timestamp(), sth.rootHash(),
        new DigitallySigned(2, 3, sth.signature().signature()));
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> sha1.verify(CorpusKeys.pem("icarus")));
    assertTrue(e.getMessage().endsWith("it declares hash algorithm 2, only 4 (sha256) is allowed"), e.getMessage());
  }

  @Test
  void garbledDerInAnEcdsaSignatureIsAFailedSignatureNotACrash() {
    SignedTreeHead sth = read(ICARUS);
    byte[] sig = sth.signature().signature().bytes();
    sig[0] = 0x31; // SET instead of SEQUENCE
    SignedTreeHead bad = new SignedTreeHead(sth.treeSize(), sth.timestamp(), sth.rootHash(),
        new DigitallySigned(4, 3, OpaqueBytes.of(sig)));
    assertThrows(InvalidTreeHeadSignatureException.class, () -> bad.verify(CorpusKeys.pem("icarus")));
  }

  @Test
  void ecdsaSignatureWithATrailingByteFailsSoSignaturesAreNotMalleable() {
    SignedTreeHead sth = read(ICARUS);
    byte[] sig = sth.signature().signature().bytes();
    byte[] longer = Arrays.copyOf(sig, sig.length + 1);
    SignedTreeHead bad = new SignedTreeHead(sth.treeSize(), sth.timestamp(), sth.rootHash(),
        new DigitallySigned(4, 3, OpaqueBytes.of(longer)));
    var e = assertThrows(InvalidTreeHeadSignatureException.class, () -> bad.verify(CorpusKeys.pem("icarus")));
    assertTrue(e.getMessage().contains("the ecdsa-p256 signature is not well formed"), e.getMessage());
  }

  @Test
  void truncatedSignatureIsMalformed() {
    // the icarus tree_head_signature without its last byte (base64 re-encoded by hand with python)
    String truncated = "BAMASDBGAiEAhtcpfpVSKRuZOxEMpPRRiu5nPdd8UL3JnQBk23Zrk/ACIQD+n4YSigh3o1KaJvBTvJkcmq2CW5QtrIBdI2oDiItN";
    var e = assertThrows(MalformedTreeHeadException.class,
        () -> SignedTreeHead.of(129596132, 1508198131197L, "qyJv/TObheataX8uFjAJsR+dJtJgNlfjzTe5CX8Ej2s=", truncated));
    assertEquals("digitally-signed value declares a 72-byte signature but 71 bytes follow its header", e.getMessage());
  }

  @Test
  void signatureWithTrailingBytesIsMalformed() {
    byte[] tls = read(ICARUS).signature().encode();
    byte[] longer = Arrays.copyOf(tls, tls.length + 1);
    var e = assertThrows(MalformedTreeHeadException.class, () -> DigitallySigned.decode(longer));
    assertEquals("digitally-signed value declares a 72-byte signature but 73 bytes follow its header", e.getMessage());
  }

  @Test
  void signatureShorterThanItsHeaderIsMalformed() {
    var e = assertThrows(MalformedTreeHeadException.class, () -> DigitallySigned.fromBase64("BAMA"));
    assertEquals("digitally-signed value of 3 bytes is shorter than its 4-byte header", e.getMessage());
  }

  @Test
  void signatureThatIsNotBase64IsMalformed() {
    assertThrows(MalformedTreeHeadException.class, () -> DigitallySigned.fromBase64("BAMA SDBG"));
  }

  @Test
  void rootOfWrongLengthIsMalformed() {
    var e = assertThrows(MalformedTreeHeadException.class,
        () -> SignedTreeHead.of(5, 1, "AAAA", read(ICARUS).signature().base64()));
    assertEquals("root hash of tree head at size 5 has 3 bytes, not 32", e.getMessage());
  }

  @Test
  void negativeTreeSizeIsMalformed() {
    SignedTreeHead sth = read(ICARUS);
    assertThrows(MalformedTreeHeadException.class,
        () -> new SignedTreeHead(-1, sth.timestamp(), sth.rootHash(), sth.signature()));
  }

  @Test
  void signatureReencodesToTheBase64OfTheResponse() {
    assertEquals(CorpusKeys.json(ICARUS).get("tree_head_signature").asText(), read(ICARUS).signature().base64());
  }

  @Test
  void headsCompareByValueAndPrintSizeTimestampAndRoot() {
    assertEquals(read(ICARUS), read(ICARUS));
    assertNotEquals(read(ICARUS), read("rfc6962/icarus/get-sth_129721434.json"));
    String s = read(ICARUS).toString();
    // hex of the root by `echo qyJv/TOb... | base64 -d | xxd -p -c 32`
    assertTrue(s.contains("size 129596132"), s);
    assertTrue(s.contains("ab226ffd339b85e6ad697f2e163009b11f9d26d2603657e3cd37b9097f048f6b"), s);
    assertTrue(s.contains("qyJv/TObheataX8uFjAJsR+dJtJgNlfjzTe5CX8Ej2s="), s);
  }
}
