package org.ctmon.fetcher.rfc6962;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.Rfc6962Entries;

/**
 * Reads a {@code get-entries} body ({@code {"entries":[{"leaf_input":b64,"extra_data":b64},...]}})
 * with a streaming parser, decoding each entry as it goes: a page of 1000 entries is several
 * megabytes, and no tree of it is ever built.
 */
final class GetEntriesJson {
  private GetEntriesJson() {}

  /**
   * The entries of {@code body}, the first with index {@code start}.
   *
   * @param maxCount how many were asked; more is an error (certspotter), and so is none
   */
  static List<EntryDecoding> decode(byte[] body, long start, long maxCount) {
    try (JsonParser p = StrictJson.parser(body)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "the body");
      List<EntryDecoding> entries = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("entries")) {
          expect(p, value, JsonToken.START_ARRAY, "entries");
          entries = entries(p, body, start, maxCount);
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new MalformedJsonException("trailing data after the json object");
      }
      if (entries == null) {
        throw new MalformedJsonException("entries is missing");
      }
      if (entries.isEmpty()) {
        throw new MalformedJsonException("the log returned no entries (asked for " + maxCount + ")");
      }
      return entries;
    } catch (JsonProcessingException e) {
      throw new MalformedJsonException(StrictJson.jsonError(e));
    } catch (IOException e) {
      throw new MalformedJsonException("unreadable json: " + e.getMessage());
    }
  }

  private static List<EntryDecoding> entries(JsonParser p, byte[] body, long start, long maxCount)
      throws IOException {
    List<EntryDecoding> out = new ArrayList<>((int) Math.min(maxCount, 1024));
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      int i = out.size();
      if (i >= maxCount) {
        throw new MalformedJsonException("the log returned more than the " + maxCount + " entries asked for");
      }
      expect(p, t, JsonToken.START_OBJECT, "entries[" + i + "]");
      byte[] leafInput = null;
      byte[] extraData = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("leaf_input")) {
          leafInput = base64(p, value, body, i, ".leaf_input");
        } else if (name.equals("extra_data")) {
          extraData = base64(p, value, body, i, ".extra_data");
        } else {
          p.skipChildren();
        }
      }
      if (leafInput == null) {
        throw new MalformedJsonException("entries[" + i + "].leaf_input is missing");
      }
      if (extraData == null) {
        throw new MalformedJsonException("entries[" + i + "].extra_data is missing");
      }
      out.add(Rfc6962Entries.decode(start + i, leafInput, extraData));
    }
    return out;
  }

  private static byte[] base64(JsonParser p, JsonToken value, byte[] body, int entry, String field)
      throws IOException {
    if (value != JsonToken.VALUE_STRING) {
      throw new MalformedJsonException("entries[" + entry + "]" + field + " is " + describe(p, value)
          + ", not a base64 string");
    }
    byte[] decoded = base64InPlace(p, body);
    return decoded != null ? decoded : StrictJson.decodeBase64(p.getText(), "entries[" + entry + "]" + field);
  }

  /**
   * The string token's bytes decoded straight from the body, when they are plain base64 between
   * two quotes; else {@code null}, and the caller takes the JSON parser's text (escapes such as
   * {@code \/} included) and its error messages. Most of a page is these two strings, and reading
   * them as Java strings first cost about a fifth of the decoding threads' time; the parser, not
   * having read the string, skips it with its usual checks when asked for the next token.
   */
  private static byte[] base64InPlace(JsonParser p, byte[] body) {
    // Byte offsets are into body because StrictJson.parser parses the whole array from its start.
    long at = p.currentTokenLocation().getByteOffset();
    if (at < 0 || at >= body.length || body[(int) at] != '"') {
      return null;
    }
    int from = (int) at + 1;
    int to = from;
    while (to < body.length && body[to] != '"' && body[to] != '\\') {
      to++;
    }
    if (to >= body.length || body[to] != '"' || to - from > p.streamReadConstraints().getMaxStringLength()) {
      return null; // escapes, the end of the body, or longer than the parser takes: its text, its error
    }
    try {
      ByteBuffer out = Base64.getDecoder().decode(ByteBuffer.wrap(body, from, to - from));
      byte[] array = out.array();
      return out.remaining() == array.length ? array : Arrays.copyOfRange(array, out.position(), out.limit());
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String path) throws IOException {
    if (actual != expected) {
      String want = expected == JsonToken.START_OBJECT ? "an object" : "an array";
      throw new MalformedJsonException(path + " is " + describe(p, actual) + ", not " + want);
    }
  }

  private static String describe(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      return "missing (the json ends)";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number " + p.getText();
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean " + p.getText();
      case VALUE_NULL:
        return "null";
      default:
        return t.asString() == null ? t.name().toLowerCase(Locale.ROOT) : t.asString();
    }
  }
}
