package org.ctmon.parser.treehead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.parser.Der;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class LogKeyTest {
  private static final String V89 = "loglist/chrome_v3_all_logs_list_v89.25_2026-08-20.json";
  private static final String V83 = "loglist/chrome_v3_all_logs_list_v83.1_2026-01-29.json";

  static List<JsonNode> logsOf(String list) {
    List<JsonNode> logs = new ArrayList<>();
    for (JsonNode op : CorpusKeys.json(list).get("operators")) {
      op.path("logs").forEach(logs::add);
      op.path("tiled_logs").forEach(logs::add);
    }
    return logs;
  }

  @ParameterizedTest
  @ValueSource(strings = {V89, V83})
  void logIdOfEveryKeyInAChromeListEqualsItsListedLogId(String list) {
    List<JsonNode> logs = logsOf(list);
    assertTrue(logs.size() > 100, list + " has " + logs.size() + " logs"); // v89.25: 117
    for (JsonNode log : logs) {
      LogKey key = LogKey.fromBase64(log.get("key").asText());
      assertEquals(log.get("log_id").asText(), key.logId().base64(), log.get("description").asText());
    }
  }

  @Test
  void everyCorpusPemKeyHasTheLogIdOfKeysJsonAndOfTheChromeListWhenListed() {
    JsonNode keys = CorpusKeys.json("rfc6962/keys/logs.json");
    Map<String, String> chrome = new HashMap<>();
    logsOf(V89).forEach(l -> chrome.put(l.get("key").asText(), l.get("log_id").asText()));
    List<String> inChrome = new ArrayList<>();
    for (var it = keys.fields(); it.hasNext(); ) {
      var e = it.next();
      LogKey pem = CorpusKeys.pem(e.getKey());
      assertEquals(e.getValue().get("log_id").asText(), pem.logId().base64(), e.getKey());
      assertEquals(LogKey.fromBase64(e.getValue().get("key").asText()), pem, e.getKey());
      String listed = chrome.get(pem.spki().base64());
      if (listed != null) {
        assertEquals(listed, pem.logId().base64(), e.getKey());
        inChrome.add(e.getKey());
      }
    }
    assertEquals(17, keys.size());
    // by python3 over both JSON files: the other corpus logs are older than the v89.25 list
    assertEquals(List.of("argon2027h1", "parcelyard2026h2", "testtube"), inChrome);
  }

  @Test
  void ecdsaAndRsaKeysAreTold() {
    assertEquals(KeyAlgorithm.ECDSA_P256, CorpusKeys.pem("icarus").algorithm());
    assertEquals(KeyAlgorithm.RSA, CorpusKeys.pem("venafi").algorithm());
  }

  @Test
  void ed25519WitnessKeyIsRejectedNamingItsAlgorithm() {
    String ed25519 = CorpusKeys.json("static-ct/cloudflare-dev2024h2b/keys.json").get("witness_key_ed25519").asText();
    var e = assertThrows(InvalidLogKeyException.class, () -> LogKey.fromBase64(ed25519));
    assertTrue(e.getMessage().endsWith("has algorithm 1.3.101.112; only ecdsa p-256 and rsa are allowed"), e.getMessage());
  }

  @Test
  void p384KeyIsRejectedNamingItsCurve() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp384r1"));
    byte[] spki = g.generateKeyPair().getPublic().getEncoded();
    var e = assertThrows(InvalidLogKeyException.class, () -> LogKey.fromDer(Der.of(spki)));
    // 1.3.132.0.34 is secp384r1 (RFC 5480)
    assertTrue(e.getMessage().endsWith("is an ec key on curve 1.3.132.0.34; only p-256 (1.2.840.10045.3.1.7) is allowed"),
        e.getMessage());
  }

  @Test
  void rsaKeyOf1024BitsIsRejected() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    byte[] spki = g.generateKeyPair().getPublic().getEncoded();
    var e = assertThrows(InvalidLogKeyException.class, () -> LogKey.fromDer(Der.of(spki)));
    assertTrue(e.getMessage().endsWith("is rsa with 1024 bits; at least 2048 are required"), e.getMessage());
  }

  @Test
  void keyThatIsNotBase64IsRejected() {
    var e = assertThrows(InvalidLogKeyException.class, () -> LogKey.fromBase64("MFkw!!"));
    assertTrue(e.getMessage().startsWith("log key is not base64"), e.getMessage());
  }

  @Test
  void truncatedDerIsRejected() {
    byte[] der = CorpusKeys.pem("icarus").spki().bytes();
    byte[] cut = Arrays.copyOf(der, der.length - 1);
    var e = assertThrows(InvalidLogKeyException.class, () -> LogKey.fromDer(Der.of(cut)));
    assertTrue(e.getMessage().endsWith("is not a der subjectpublickeyinfo"), e.getMessage());
  }

  @Test
  void derWithTrailingBytesIsRejected() {
    byte[] der = CorpusKeys.pem("icarus").spki().bytes();
    byte[] longer = Arrays.copyOf(der, der.length + 2);
    assertThrows(InvalidLogKeyException.class, () -> LogKey.fromBase64(Base64.getEncoder().encodeToString(longer)));
  }

  @Test
  void noteKeyIdIsTheFirstFourBytesOfTheHashOfNameNewlineTypeAndLogId() {
    // python3: hashlib.sha256(name.encode() + b'\n\x05' + log_id).hexdigest()[:8]; equal to the key id
    // prefixes of the log's lines in the corpus checkpoints
    assertEquals(0x93a78ae0, CorpusKeys.pem("parcelyard2026h2")
        .noteKeyId("parcelyard2026h2.prod.certificate.transparency.goog"));
    assertEquals(0x19871bb8, CorpusKeys.pem("willow2025h1b").noteKeyId("willow.ct.letsencrypt.org/2025h1b"));
  }

  @Test
  void keysCompareByDer() {
    assertEquals(CorpusKeys.pem("icarus"), CorpusKeys.pem("icarus"));
    assertNotEquals(CorpusKeys.pem("icarus"), CorpusKeys.pem("pilot"));
    assertEquals("LogKey[ecdsa-p256, log id KTxRllTIOWW6qlD8WAfUt2+/WHopctykwwz05UVH9Hg=]",
        CorpusKeys.pem("icarus").toString());
  }
}
