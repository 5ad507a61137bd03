package org.ctmon.fetcher.rfc6962;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ctmon.parser.Base64Text;
import org.ctmon.parser.Sha256;

/**
 * Strict readers of RFC 6962 JSON fields: the type is checked before the value is used, and every
 * problem is a {@link MalformedJsonException} whose reason names the field path.
 */
final class StrictJson {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private StrictJson() {}

  /** The body as a JSON object. */
  static JsonNode object(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedJsonException(jsonError(e));
    } catch (IOException e) {
      throw new MalformedJsonException("unreadable json: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new MalformedJsonException("empty body");
    }
    if (!root.isObject()) {
      throw new MalformedJsonException("the body is a json " + kind(root) + ", not an object");
    }
    return root;
  }

  /** {@code invalid json at line 1, column 57: unexpected end-of-input ...}, lower case. */
  static String jsonError(JsonProcessingException e) {
    String what = e.getOriginalMessage();
    what = what == null ? e.getClass().getSimpleName() : what.split("\n", 2)[0];
    int marker = what.indexOf(" (start marker at ");
    if (marker >= 0) {
      what = what.substring(0, marker); // Jackson's source description is noise here
    }
    if (!what.isEmpty()) {
      what = what.substring(0, 1).toLowerCase(Locale.ROOT) + what.substring(1);
    }
    var at = e.getLocation();
    return "invalid json" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
        + ": " + what;
  }

  static JsonNode field(JsonNode obj, String name, String path) {
    JsonNode v = obj.get(name);
    if (v == null) {
      throw new MalformedJsonException(path(path, name) + " is missing");
    }
    return v;
  }

  /** A JSON integer in {@code [0, 2^63-1]}. */
  static long nonNegativeLong(JsonNode obj, String name, String path) {
    JsonNode v = field(obj, name, path);
    if (!v.isIntegralNumber()) {
      throw new MalformedJsonException(path(path, name) + " is " + describe(v) + ", not an integer");
    }
    if (!v.canConvertToLong() || v.asLong() < 0) {
      throw new MalformedJsonException(path(path, name) + " is " + v.asText() + ", not in [0, 2^63-1]");
    }
    return v.asLong();
  }

  /** The standard base64 (padded, no line breaks) in a JSON string. */
  static byte[] base64(JsonNode obj, String name, String path) {
    JsonNode v = field(obj, name, path);
    return base64(v, path(path, name));
  }

  static byte[] base64(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw new MalformedJsonException(path + " is " + describe(v) + ", not a base64 string");
    }
    return decodeBase64(v.textValue(), path);
  }

  static byte[] decodeBase64(String text, String path) {
    try {
      return Base64Text.decode(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedJsonException(path + " is not base64: " + e.getMessage());
    }
  }

  /** A JSON array of base64 SHA-256 hashes (audit paths, consistency proofs). */
  static List<Sha256> hashes(JsonNode obj, String name, String path) {
    JsonNode v = field(obj, name, path);
    String p = path(path, name);
    if (!v.isArray()) {
      throw new MalformedJsonException(p + " is " + describe(v) + ", not an array");
    }
    List<Sha256> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      String pi = p + "[" + i + "]";
      byte[] h = base64(v.get(i), pi);
      if (h.length != Sha256.LENGTH) {
        throw new MalformedJsonException(pi + " has " + h.length + " bytes, not " + Sha256.LENGTH);
      }
      out.add(Sha256.wrap(h));
    }
    return out;
  }

  static String path(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /** {@code a string "12"}, {@code a number 1.5}, {@code null}, {@code an object}. */
  static String describe(JsonNode v) {
    if (v.isTextual()) {
      String t = v.textValue();
      return "a string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
    }
    if (v.isNumber() || v.isBoolean()) {
      return "a " + kind(v) + " " + v.asText();
    }
    if (v.isNull()) {
      return "null";
    }
    return "an " + kind(v);
  }

  static String kind(JsonNode v) {
    return v.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  /** A streaming parser over {@code body} with the same strictness. */
  static JsonParser parser(byte[] body) throws IOException {
    return FACTORY.createParser(body);
  }
}
