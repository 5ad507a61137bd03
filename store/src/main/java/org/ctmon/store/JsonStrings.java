package org.ctmon.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of strings as a JSON array, the stored form of a match's reasons and watch items.
 *
 * <p>Small on purpose: the store has no JSON library, and these columns only ever hold arrays of
 * strings. Decoding accepts exactly what {@link #encode} writes plus insignificant whitespace.
 */
public final class JsonStrings {
  private JsonStrings() {}

  /** The JSON array of {@code values}, every non-ASCII or control character escaped. */
  public static String encode(List<String> values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"');
      String s = values.get(i);
      for (int j = 0; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20 || c > 0x7e) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      b.append('"');
    }
    return b.append(']').toString();
  }

  /** The strings of a JSON array of strings; anything else is a {@link StoreException}. */
  public static List<String> decode(String json) {
    List<String> out = new ArrayList<>();
    int i = skip(json, 0);
    i = expect(json, i, '[');
    i = skip(json, i);
    if (i < json.length() && json.charAt(i) == ']') {
      return out;
    }
    while (true) {
      i = expect(json, skip(json, i), '"');
      StringBuilder s = new StringBuilder();
      while (true) {
        if (i >= json.length()) {
          throw new StoreException("invalid json string array: unterminated string at offset " + i);
        }
        char c = json.charAt(i++);
        if (c == '"') {
          break;
        }
        if (c != '\\') {
          s.append(c);
          continue;
        }
        char e = json.charAt(i++);
        switch (e) {
          case 'u' -> {
            s.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
            i += 4;
          }
          case 'n' -> s.append('\n');
          case 't' -> s.append('\t');
          case 'r' -> s.append('\r');
          case 'b' -> s.append('\b');
          case 'f' -> s.append('\f');
          default -> s.append(e);
        }
      }
      out.add(s.toString());
      i = skip(json, i);
      if (i < json.length() && json.charAt(i) == ',') {
        i++;
        continue;
      }
      expect(json, i, ']');
      return out;
    }
  }

  private static int skip(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int expect(String s, int i, char c) {
    if (i >= s.length() || s.charAt(i) != c) {
      throw new StoreException("invalid json string array: expected '" + c + "' at offset " + i);
    }
    return i + 1;
  }
}
