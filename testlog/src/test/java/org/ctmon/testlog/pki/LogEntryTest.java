package org.ctmon.testlog.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class LogEntryTest {

  @Test
  void precertEntriesOfRealPrecertsRebuildTheMerkleTreeLeavesNavigliLogged() throws Exception {
    Matcher entry = Pattern.compile("\"file\": \"([^\"]+)\",\\s*\"leaf_index\": (\\d+),\\s*\"timestamp\": (\\d+),"
        + "\\s*\"issuer_file\": \"([^\"]+)\".*?\"issuer_key_hash\": \"([0-9a-f]+)\".*?\"merkle_tree_leaf_b64\": \"([^\"]+)\"",
        Pattern.DOTALL).matcher(Files.readString(RealCorpus.path("precerts/navigli2025h2/manifest.json")));
    int checked = 0;
    while (entry.find()) {
      checked++;
      Der precert = RealCorpus.pems("precerts/navigli2025h2/" + entry.group(1)).get(0);
      Der issuer = RealCorpus.pems("precerts/navigli2025h2/" + entry.group(4)).get(0);
      Sha256 issuerKeyHash = Sha256.of(IssuanceTest.jdk(issuer).getPublicKey().getEncoded());
      assertEquals(Sha256.fromHex(entry.group(5)), issuerKeyHash);
      PrecertEntry e = new PrecertEntry(issuerKeyHash, PrecertTbs.fromPrecertificate(precert, Optional.empty()), precert,
          List.of(issuer));
      // static-ct-api leaf_index extension: type 0, length 5, uint40 index.
      byte[] ext = ByteBuffer.allocate(8).put((byte) 0).putShort((short) 5).put((byte) 0)
          .putInt(Integer.parseInt(entry.group(2))).array();
      byte[] timestamped = e.timestampedEntry(Long.parseLong(entry.group(3)), ext);
      byte[] leaf = new byte[timestamped.length + 2];
      System.arraycopy(timestamped, 0, leaf, 2, timestamped.length);
      assertArrayEquals(Base64.getDecoder().decode(entry.group(6)), leaf, entry.group(1));
    }
    assertEquals(24, checked);
  }

  @Test
  void x509EntrySignedEntryIsTheCertificateWithAThreeByteLength() {
    Der cert = Der.of(HexFormat.of().parseHex("3003020101"));
    X509Entry e = new X509Entry(cert, List.of());
    assertArrayEquals(HexFormat.of().parseHex("0000000000000001" + "0000" + "000005" + "3003020101" + "0000"),
        e.timestampedEntry(1, new byte[0]));
  }
}
