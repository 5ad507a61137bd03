package org.ctmon.parser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Base64TextTest {
  @Test
  void decodesStandardBase64() {
    assertArrayEquals("ct log".getBytes(StandardCharsets.US_ASCII), Base64Text.decode("Y3QgbG9n"));
    assertArrayEquals(new byte[] {(byte) 0xfb, (byte) 0xff}, Base64Text.decode("+/8="));
  }

  @Test
  void aCharacterOutsideTheAlphabetIsNamedByCodePointAndOffset() {
    assertEquals("illegal base64 character U+00E9 at offset 2", reason("AA\u00e9A"));
    assertEquals("illegal base64 character '*' (U+002A) at offset 0", reason("**"));
    assertEquals("illegal base64 character U+0020 at offset 4", reason("AAAA BBB"));
    assertEquals("illegal base64 character '-' (U+002D) at offset 1", reason("A-_A"), "url-safe base64 is not what logs serve");
    assertEquals("illegal base64 character U+1F512 at offset 1", reason("A\ud83d\udd12AA"), "a surrogate pair is one character");
  }

  @Test
  void otherProblemsKeepTheJdksReasonInLowerCase() {
    assertEquals("last unit does not have enough valid bits", reason("AAAAA"));
  }

  private static String reason(String text) {
    return assertThrows(IllegalArgumentException.class, () -> Base64Text.decode(text)).getMessage();
  }
}
