package org.ctmon.fetcher.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class BodyExcerptTest {
  @Test
  void keepsPrintableAsciiAndEscapesTheRest() {
    byte[] body = {'{', '"', 'a', '"', ':', '\n', '\t', '\r', '\\', 0x00, (byte) 0xff, 0x1f, (byte) 0xc3, (byte) 0xa9};
    assertEquals("{\"a\":\\n\\t\\r\\\\\\x00\\xff\\x1f\\xc3\\xa9", BodyExcerpt.of(body));
  }

  @Test
  void cutsAt200CharactersAndSaysMoreFollowed() {
    byte[] body = "a".repeat(500).getBytes(StandardCharsets.US_ASCII);
    assertEquals("a".repeat(200) + "...", BodyExcerpt.of(body));
    assertEquals("a".repeat(200), BodyExcerpt.of("a".repeat(200).getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void neverSplitsAnEscape() {
    byte[] body = new byte[100];
    body[0] = 'b';
    // 'b' + 49 escapes of 4 characters = 197; the 50th would make 201.
    assertEquals("b" + "\\x00".repeat(49) + "...", BodyExcerpt.of(body));
  }

  @Test
  void anEmptyBodyIsEmpty() {
    assertEquals("", BodyExcerpt.of(new byte[0]));
  }
}
