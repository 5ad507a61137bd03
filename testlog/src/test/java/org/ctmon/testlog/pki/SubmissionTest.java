package org.ctmon.testlog.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class SubmissionTest {

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
      Sha256 issuerKeyHash = Sha256.of(TestIssuanceTest.jdk(issuer).getPublicKey().getEncoded());
      assertEquals(Sha256.fromHex(entry.group(5)), issuerKeyHash);
      IssuedPrecertificate e = new IssuedPrecertificate(issuerKeyHash, PrecertTbs.fromPrecertificate(precert, Optional.empty()), precert,
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
  void precertEntriesOfRealPrecertsRebuildNavigliDataTileLeaves() throws Exception {
    byte[] tile = RealCorpus.bytes("static-ct/navigli2025h2/tile/data/000");
    Der root = RealCorpus.pems("precerts/navigli2025h2/issuers/root_e70570a989f8565a.pem").get(0);
    // Leaves 0, 1 and 2 of the tile, with their issuers as manifest.json gives them.
    List<String> issuers = List.of("STAGING_Counterfeit_Cashew_R10", "STAGING_False_Fennel_E6", "STAGING_Pseudo_Plum_E5");
    int offset = 0;
    for (int index = 0; index < 3; index++) {
      String file = String.format("precert_%04d.pem", index);
      Der precert = RealCorpus.pems("precerts/navigli2025h2/" + file).get(0);
      Der issuer = RealCorpus.pems("precerts/navigli2025h2/issuers/" + issuers.get(index) + ".pem").get(0);
      IssuedPrecertificate e = IssuedPrecertificate.fromChain(List.of(precert, issuer, root));
      long timestamp = ByteBuffer.wrap(tile, offset, 8).getLong();
      byte[] ext = ByteBuffer.allocate(8).put((byte) 0).putShort((short) 5).put((byte) 0).putInt(index).array();
      byte[] leaf = e.tileLeaf(timestamp, ext);
      assertArrayEquals(Arrays.copyOfRange(tile, offset, offset + leaf.length), leaf, file);
      offset += leaf.length;
    }
  }

  @Test
  void realGetEntriesResponsesReencodeByteForByte() throws Exception {
    for (String file : List.of("get-entries_precert_geotrust-test.json", "get-entries_x509_globalsign-test.json")) {
      String json = Files.readString(RealCorpus.path("rfc6962/unknown-log/" + file));
      Matcher m = Pattern.compile("\"leaf_input\":\s*\"([^\"]+)\".*?\"extra_data\":\s*\"([^\"]+)\"", Pattern.DOTALL).matcher(json);
      assertTrue(m.find(), file);
      ByteBuffer leaf = ByteBuffer.wrap(Base64.getDecoder().decode(m.group(1)));
      ByteBuffer extra = ByteBuffer.wrap(Base64.getDecoder().decode(m.group(2)));
      assertEquals(0, leaf.getShort(), "v1 timestamped_entry");
      long timestamp = leaf.getLong();
      int type = leaf.getShort();
      Submission entry;
      if (type == 1) {
        byte[] issuerKeyHash = new byte[32];
        leaf.get(issuerKeyHash);
        Der tbs = Der.of(u24Vector(leaf));
        Der precert = Der.of(u24Vector(extra));
        List<Der> chain = chain(extra);
        Optional<Der> signer = PrecertTbs.isPrecertSigningCertificate(chain.get(0)) ? Optional.of(chain.get(0)) : Optional.empty();
        assertEquals(tbs, PrecertTbs.fromPrecertificate(precert, signer), file);
        Der issuer = chain.get(signer.isPresent() ? 1 : 0);
        assertEquals(Sha256.of(TestIssuanceTest.jdk(issuer).getPublicKey().getEncoded()), Sha256.wrap(issuerKeyHash));
        entry = new IssuedPrecertificate(Sha256.wrap(issuerKeyHash), tbs, precert, chain);
        List<Der> submitted = new ArrayList<>(List.of(precert));
        submitted.addAll(chain);
        assertEquals(entry, IssuedPrecertificate.fromChain(submitted));
      } else {
        entry = new IssuedCertificate(Der.of(u24Vector(leaf)), chain(extra));
      }
      byte[] extensions = new byte[leaf.getShort()];
      leaf.get(extensions);
      assertFalse(leaf.hasRemaining());
      assertFalse(extra.hasRemaining());
      assertArrayEquals(Arrays.copyOfRange(leaf.array(), 2, leaf.capacity()), entry.timestampedEntry(timestamp, extensions), file);
      assertArrayEquals(extra.array(), entry.extraData(), file);
    }
  }

  private static byte[] u24Vector(ByteBuffer b) {
    int len = (b.get() & 0xff) << 16 | (b.getShort() & 0xffff);
    byte[] out = new byte[len];
    b.get(out);
    return out;
  }

  private static List<Der> chain(ByteBuffer b) {
    ByteBuffer all = ByteBuffer.wrap(u24Vector(b));
    List<Der> out = new ArrayList<>();
    while (all.hasRemaining()) {
      out.add(Der.of(u24Vector(all)));
    }
    return out;
  }

  @Test
  void x509EntrySignedEntryIsTheCertificateWithAThreeByteLength() {
    Der cert = Der.of(HexFormat.of().parseHex("3003020101"));
    IssuedCertificate e = new IssuedCertificate(cert, List.of());
    assertArrayEquals(HexFormat.of().parseHex("0000000000000001" + "0000" + "000005" + "3003020101" + "0000"),
        e.timestampedEntry(1, new byte[0]));
  }
}
