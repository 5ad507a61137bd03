package org.ctmon.web.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request's JSON object, read strictly: unknown fields, repeated fields and values of the wrong
 * type are refused (400, naming the field) rather than ignored, so a typo such as
 * {@code expected_isuers} cannot silently drop a policy.
 */
final class JsonBody {
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private final ObjectNode node;

  private JsonBody(ObjectNode node) {
    this.node = node;
  }

  /**
   * The request body as an object with only {@code allowed} fields.
   *
   * @throws RequestRejected 400 when it is not JSON, not an object, or has another field
   */
  static JsonBody of(Context ctx, Set<String> allowed) {
    JsonNode n;
    try {
      n = MAPPER.readTree(ctx.body());
    } catch (JacksonException e) {
      throw RequestRejected.badRequest("the body is not valid JSON: " + e.getOriginalMessage().toLowerCase(java.util.Locale.ROOT));
    }
    if (n == null || !n.isObject()) {
      throw RequestRejected.badRequest("the body must be a JSON object");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw RequestRejected.badRequest("unknown field \"" + ApiText.clip(f) + "\"; the fields are "
            + allowed.stream().sorted().toList());
      }
    }
    return new JsonBody((ObjectNode) n);
  }

  /** A string field of at most {@code maxLength} characters without control characters; empty when absent or null. */
  Optional<String> string(String field, int maxLength) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw RequestRejected.badRequest(field + " must be a string");
    }
    String s = v.textValue();
    if (s.length() > maxLength) {
      throw RequestRejected.badRequest(field + " is longer than " + maxLength + " characters");
    }
    if (ApiText.hasControl(s)) {
      throw RequestRejected.badRequest(field + " contains a control character");
    }
    return Optional.of(s);
  }

  /** A string field that must be present and not blank. */
  String requiredString(String field, int maxLength) {
    String s = string(field, maxLength).orElseThrow(() -> RequestRejected.badRequest(field + " is required"));
    if (s.isBlank()) {
      throw RequestRejected.badRequest(field + " must not be empty");
    }
    return s;
  }

  /**
   * An array of strings, as written (callers check each); empty when absent.
   *
   * @throws RequestRejected when it is not an array of strings or has more than {@code maxItems}
   */
  List<String> strings(String field, int maxItems) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw RequestRejected.badRequest(field + " must be an array of strings");
    }
    if (v.size() > maxItems) {
      throw RequestRejected.badRequest(field + " has " + v.size() + " entries; at most " + maxItems + " are allowed");
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw RequestRejected.badRequest(field + "[" + i + "] must be a string");
      }
      out.add(v.get(i).textValue());
    }
    return out;
  }

  /** A boolean field, or {@code absent} without one. */
  boolean bool(String field, boolean absent) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return absent;
    }
    if (!v.isBoolean()) {
      throw RequestRejected.badRequest(field + " must be true or false");
    }
    return v.booleanValue();
  }

  /** Whether the field is present (even as null). */
  boolean has(String field) {
    return node.has(field);
  }

  /** Parses stored JSON text for a response; text that is not JSON is returned as a string. */
  static Object tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      return json;
    }
  }
}
