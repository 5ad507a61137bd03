package org.ctmon.parser.treehead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

final class CheckpointTest {
  private static final String ROOT = "pT/KC9MSHoRK2rHkeyfTSXfxolR2ja4JqhdymK9pnlo=";

  private static String malformed(String text) {
    return assertThrows(MalformedTreeHeadException.class, () -> Checkpoint.parse(text)).getMessage();
  }

  @Test
  void parsesOriginSizeAndRoot() {
    Checkpoint c = Checkpoint.parse("willow.ct.letsencrypt.org/2025h1b\n1237717073\n" + ROOT + "\n");
    assertEquals("willow.ct.letsencrypt.org/2025h1b", c.origin());
    assertEquals(1237717073L, c.treeSize());
    // `echo pT/K... | base64 -d | xxd -p -c 32`
    assertEquals("a53fca0bd3121e844adab1e47b27d34977f1a254768dae09aa177298af699e5a", c.rootHash().hex());
    assertEquals(List.of(), c.extensions());
  }

  @Test
  void keepsExtensionLines() {
    Checkpoint c = Checkpoint.parse("o\n0\n" + ROOT + "\next one\next two\n");
    assertEquals(List.of("ext one", "ext two"), c.extensions());
    assertEquals("o\n0\n" + ROOT + "\next one\next two\n", c.text());
  }

  @Test
  void twoLinesAreMalformed() {
    assertEquals("checkpoint has 2 lines, not origin, tree size and root hash", malformed("o\n5\n"));
  }

  @Test
  void sizeWithLeadingZeroIsMalformed() {
    assertEquals("checkpoint of o has tree size line '05', not a decimal of at most 19 digits without leading zeros",
        malformed("o\n05\n" + ROOT + "\n"));
  }

  @Test
  void signedOrHexSizeIsMalformed() {
    malformed("o\n+5\n" + ROOT + "\n");
    malformed("o\n-5\n" + ROOT + "\n");
    malformed("o\n0x5\n" + ROOT + "\n");
  }

  @Test
  void sizeBeyond63BitsIsMalformed() {
    assertEquals("checkpoint of o has tree size 9223372036854775808, larger than 2^63-1",
        malformed("o\n9223372036854775808\n" + ROOT + "\n"));
  }

  @Test
  void rootOfWrongLengthIsMalformed() {
    malformed("o\n5\nAAAA\n");
  }

  @Test
  void emptyExtensionLineIsMalformed() {
    malformed("o\n5\n" + ROOT + "\n\n");
  }

  @Test
  void emptyOriginIsMalformed() {
    assertEquals("checkpoint origin line is empty", malformed("\n5\n" + ROOT + "\n"));
  }
}
