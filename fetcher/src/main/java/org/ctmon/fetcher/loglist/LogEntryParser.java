package org.ctmon.fetcher.loglist;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;

/**
 * Reads one entry of {@code logs[]} or {@code tiled_logs[]} into a {@link CtLog}. Every problem is an
 * {@link IllegalArgumentException} whose message is the lower-case reason the log is skipped;
 * unknown fields are ignored.
 */
final class LogEntryParser {
  private LogEntryParser() {}

  static CtLog parse(JsonNode n, String operator, boolean tiled) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("entry is not a json object");
    }
    String description = requiredText(n, "description");
    Der key = Der.of(base64(requiredText(n, "key"), "key"));
    requireKnownKeyType(key);
    Sha256 logId = logId(n).orElseThrow(() -> new IllegalArgumentException(
        n.has("log_id") ? "log_id is not 32 bytes of base64" : "log_id is missing"));
    LogProtocol protocol = tiled
        ? new LogProtocol.StaticCt(url(n, "submission_url"), url(n, "monitoring_url"))
        : new LogProtocol.Rfc6962(url(n, "url"));
    return new CtLog(
        description,
        operator,
        logId,
        key,
        protocol,
        mmd(n),
        state(n.get("state")),
        temporalInterval(n.get("temporal_interval")),
        optionalText(n, "log_type").map(LogType::of).orElse(LogType.PROD),
        optionalText(n, "dns"),
        previousOperators(n.get("previous_operators")));
  }

  /** The claimed log id when it is well-formed, for skip records of otherwise broken entries. */
  static Optional<Sha256> logId(JsonNode n) {
    JsonNode id = n.get("log_id");
    if (id == null || !id.isTextual()) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(id.asText().trim());
      return bytes.length == Sha256.LENGTH ? Optional.of(Sha256.wrap(bytes)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Duration mmd(JsonNode n) {
    JsonNode mmd = n.get("mmd");
    if (mmd == null || mmd.isNull()) {
      throw new IllegalArgumentException("mmd is missing");
    }
    if (!mmd.canConvertToExactIntegral() || !mmd.canConvertToLong() || mmd.asLong() < 0) {
      throw new IllegalArgumentException("mmd " + mmd + " is not a non-negative number of seconds");
    }
    return Duration.ofSeconds(mmd.asLong());
  }

  /**
   * The state object has exactly one key in Chrome's lists; lists that give several (Mozilla's
   * {@code qualified} and {@code usable}) mean the latest, so the latest timestamp wins.
   */
  private static Optional<ListState> state(JsonNode s) {
    if (s == null || s.isNull()) {
      return Optional.empty();
    }
    if (!s.isObject()) {
      throw new IllegalArgumentException("state is not a json object");
    }
    ListState latest = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      ListStatus status = ListStatus.fromJsonName(e.getKey()).orElseThrow(
          () -> new IllegalArgumentException("state \"" + e.getKey() + "\" is unknown"));
      JsonNode v = e.getValue();
      if (!v.isObject()) {
        throw new IllegalArgumentException("state " + status + " is not a json object");
      }
      Instant since = time(v, "timestamp", "state " + status + " timestamp");
      Optional<FinalTreeHead> fth = finalTreeHead(v.get("final_tree_head"));
      ListState state = new ListState(status, since, fth);
      if (latest == null || state.since().isAfter(latest.since())) {
        latest = state;
      }
    }
    return Optional.ofNullable(latest);
  }

  private static Optional<FinalTreeHead> finalTreeHead(JsonNode f) {
    if (f == null || f.isNull()) {
      return Optional.empty();
    }
    JsonNode size = f.get("tree_size");
    if (size == null || !size.canConvertToExactIntegral() || !size.canConvertToLong()) {
      throw new IllegalArgumentException("final_tree_head tree_size is missing or not a number");
    }
    byte[] root = base64(requiredText(f, "sha256_root_hash"), "final_tree_head sha256_root_hash");
    if (root.length != Sha256.LENGTH) {
      throw new IllegalArgumentException("final_tree_head sha256_root_hash has " + root.length + " bytes, not 32");
    }
    return Optional.of(new FinalTreeHead(size.asLong(), Sha256.wrap(root)));
  }

  private static Optional<TemporalInterval> temporalInterval(JsonNode t) {
    if (t == null || t.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new TemporalInterval(
        time(t, "start_inclusive", "temporal_interval start_inclusive"),
        time(t, "end_exclusive", "temporal_interval end_exclusive")));
  }

  private static List<PreviousOperator> previousOperators(JsonNode p) {
    List<PreviousOperator> out = new ArrayList<>();
    if (p == null || p.isNull()) {
      return out;
    }
    if (!p.isArray()) {
      throw new IllegalArgumentException("previous_operators is not an array");
    }
    for (JsonNode op : p) {
      out.add(new PreviousOperator(
          requiredText(op, "name"), time(op, "end_time", "previous_operators end_time")));
    }
    return out;
  }

  private static URI url(JsonNode n, String field) {
    return LogProtocol.parseUrl(field, requiredText(n, field));
  }

  /** Only the key types CT allows (ECDSA P-256, RSA); anything else would fail at the first tree head. */
  private static void requireKnownKeyType(Der key) {
    for (String algorithm : new String[] {"EC", "RSA"}) {
      try {
        KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(key.unsafeBytes()));
        return;
      } catch (InvalidKeySpecException | RuntimeException e) {
        // try the next algorithm
      } catch (NoSuchAlgorithmException e) {
        throw new AssertionError("the JRE has no " + algorithm + " key factory", e);
      }
    }
    throw new IllegalArgumentException("key is not an ec or rsa subjectpublickeyinfo");
  }

  static Instant time(JsonNode parent, String field, String what) {
    String text = requiredText(parent, field);
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + " \"" + text + "\" is not an rfc 3339 time");
    }
  }

  private static byte[] base64(String text, String what) {
    try {
      // Strict: the MIME decoder would silently drop stray characters.
      return Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(what + " is not base64");
    }
  }

  static String requiredText(JsonNode n, String field) {
    JsonNode v = n == null ? null : n.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException(field + " is not a non-empty string");
    }
    return v.asText();
  }

  static Optional<String> optionalText(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
  }
}
