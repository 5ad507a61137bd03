package org.ctmon.parser.treehead;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.ctmon.parser.Corpus;
import org.junit.jupiter.api.Test;

final class SignedNoteTest {
  private static final String PARCELYARD = "static-ct/parcelyard2026h2/checkpoint";

  private static SignedNote parse(String s) {
    return SignedNote.parse(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String malformed(String note) {
    return assertThrows(MalformedNoteException.class, () -> parse(note)).getMessage();
  }

  @Test
  void parcelYardCheckpointHasItsTextAndFourSignatureLines() {
    SignedNote note = SignedNote.parse(Corpus.bytes(PARCELYARD));
    assertEquals("parcelyard2026h2.prod.certificate.transparency.goog\n1587930800\n"
        + "SVJjVAjX0Ya5ibcpFy1V4CHHnUOnlJfuH9XSm7nbrqo=\n", note.text());
    assertEquals(4, note.signatures().size());
    assertEquals("witness.navigli.sunlight.geomys.org", note.signatures().get(2).keyName());
    // key id prefixes by `base64 -d | xxd -p` of the corpus lines
    assertEquals("93a78ae0", note.signatures().get(0).keyIdHex());
    assertEquals("67f7aea0", note.signatures().get(3).keyIdHex());
  }

  @Test
  void encodingGivesBackTheCorpusBytes() {
    for (String f : new String[] {PARCELYARD, "static-ct/letsencrypt-willow2025h1b/checkpoint",
        "static-ct/cloudflare-dev2024h2b/checkpoint"}) {
      assertArrayEquals(Corpus.bytes(f), SignedNote.parse(Corpus.bytes(f)).encode().getBytes(StandardCharsets.UTF_8), f);
    }
  }

  @Test
  void noteWithoutBlankLineIsMalformed() {
    assertEquals("note has no blank line before its signatures", malformed("a\n1\n— a AAAAAAA=\n"));
  }

  @Test
  void noteWithoutSignatureIsMalformed() {
    assertEquals("note has no signature after its blank line", malformed("a\n1\n\n"));
  }

  @Test
  void noteWithoutTrailingNewlineIsMalformed() {
    assertEquals("note does not end with a newline", malformed("a\n\n— a AAAAAAA="));
  }

  @Test
  void signatureWithBadBase64IsMalformed() {
    assertEquals("note signature on line 3 (a) is not padded base64: illegal base64 character '!' (U+0021) at offset 4",
        malformed("a\n\n— a AAAA!AA=\n"));
  }

  @Test
  void unpaddedBase64IsMalformed() {
    assertEquals("note signature on line 3 (a) is not padded base64: length 7 is not a multiple of 4",
        malformed("a\n\n— a AAAAAAA\n"));
  }

  @Test
  void signatureOfOnlyAKeyIdIsMalformed() {
    assertEquals("note signature on line 3 (a) has 4 bytes, fewer than a 4-byte key id and a signature",
        malformed("a\n\n— a AAAAAA==\n"));
  }

  @Test
  void signatureLineWithAHyphenInsteadOfAnEmDashIsMalformed() {
    assertEquals("note signature on line 3 does not start with an em dash (u+2014) and a space",
        malformed("a\n\n- a AAAAAAA=\n"));
  }

  @Test
  void keyNameWithAPlusIsMalformed() {
    assertEquals("note signature on line 3 has an invalid key name 'a+b'", malformed("a\n\n— a+b AAAAAAA=\n"));
  }

  @Test
  void signatureLineWithoutSpaceIsMalformed() {
    assertEquals("note signature on line 4 has no space between key name and signature",
        malformed("a\n\n— a AAAAAAA=\n— AAAAAAA=\n"));
  }

  @Test
  void carriageReturnIsMalformed() {
    assertEquals("note has control character u+000d on line 1", malformed("a\r\n\n— a AAAAAAA=\n"));
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] note = "a\n\n— a AAAAAAA=\n".getBytes(StandardCharsets.UTF_8);
    note[0] = (byte) 0xff;
    assertThrows(MalformedNoteException.class, () -> SignedNote.parse(note));
  }

  @Test
  void hugeInputIsRejectedBeforeDecoding() {
    byte[] huge = new byte[10 * 1024 * 1024];
    Arrays.fill(huge, (byte) 'a');
    assertEquals("note of 10485760 bytes is larger than 1048576",
        assertThrows(MalformedNoteException.class, () -> SignedNote.parse(huge)).getMessage());
  }

  @Test
  void moreThanAHundredSignaturesAreMalformed() {
    String note = "a\n\n" + "— w AAAAAAA=\n".repeat(101);
    assertEquals("note has 101 signature lines, more than 100", malformed(note));
    assertEquals(100, parse("a\n\n" + "— w AAAAAAA=\n".repeat(100)).signatures().size());
  }

  @Test
  void sixteenPostQuantumSizedSignaturesAreAccepted() {
    // signed-note: "MUST accept at least up to 16 signatures ... post-quantum signatures can be up to nearly 5kB"
    String sig = Base64.getEncoder().encodeToString(new byte[4 + 4_900]);
    String note = "a\n\n" + ("— pq.example " + sig + "\n").repeat(16);
    assertEquals(16, parse(note).signatures().size());
  }

  @Test
  void emptyTextIsMalformed() {
    assertEquals("note text is empty", malformed("\n\n— a AAAAAAA=\n"));
  }
}
