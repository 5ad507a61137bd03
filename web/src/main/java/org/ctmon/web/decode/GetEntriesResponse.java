package org.ctmon.web.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.ctmon.parser.Base64Text;
import org.ctmon.parser.CtmonException;

/**
 * The entries of an RFC 6962 {@code get-entries} response ({@code {"entries": [{"leaf_input",
 * "extra_data"}]}}), or of a {@code get-entry-and-proof} response (one entry at the top level).
 *
 * <p>Base64 that does not decode is kept as a {@link RawEntry} with the reason, so one bad entry
 * never hides the others. A body that is not such a response at all is a {@link CtmonException}.
 */
record GetEntriesResponse(List<RawEntry> entries) {
  /** One entry as served: decoded bytes, or why they could not be decoded. */
  record RawEntry(byte[] leafInput, byte[] extraData, String error) {}

  static GetEntriesResponse parse(ObjectMapper json, byte[] body, String source) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new CtmonException("error reading get-entries response from " + source + ": not JSON ("
          + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new CtmonException("error reading get-entries response from " + source + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CtmonException("error reading get-entries response from " + source + ": expected a JSON object");
    }
    List<RawEntry> out = new ArrayList<>();
    JsonNode entries = root.get("entries");
    if (entries != null) {
      if (!entries.isArray()) {
        throw new CtmonException("error reading get-entries response from " + source + ": \"entries\" is not an array");
      }
      for (JsonNode e : entries) {
        out.add(rawEntry(e));
      }
    } else if (root.has("leaf_input")) {
      out.add(rawEntry(root));
    } else {
      throw new CtmonException("error reading get-entries response from " + source
          + ": neither \"entries\" nor \"leaf_input\" found");
    }
    return new GetEntriesResponse(List.copyOf(out));
  }

  private static RawEntry rawEntry(JsonNode e) {
    if (!e.isObject()) {
      return new RawEntry(new byte[0], new byte[0], "entry is not a JSON object");
    }
    byte[] leaf = new byte[0];
    byte[] extra = new byte[0];
    String error = null;
    JsonNode leafNode = e.get("leaf_input");
    JsonNode extraNode = e.get("extra_data");
    if (leafNode == null || !leafNode.isTextual()) {
      error = "leaf_input missing or not a string";
    } else {
      try {
        leaf = Base64Text.decode(leafNode.asText());
      } catch (IllegalArgumentException ex) {
        error = "leaf_input is not base64: " + ex.getMessage();
      }
    }
    if (extraNode != null && extraNode.isTextual()) {
      try {
        extra = Base64Text.decode(extraNode.asText());
      } catch (IllegalArgumentException ex) {
        error = error != null ? error : "extra_data is not base64: " + ex.getMessage();
      }
    } else if (error == null) {
      error = "extra_data missing or not a string";
    }
    return new RawEntry(leaf, extra, error);
  }
}
