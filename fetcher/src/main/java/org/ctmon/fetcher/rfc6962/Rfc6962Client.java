package org.ctmon.fetcher.rfc6962;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.http.LogEndpoint;
import org.ctmon.fetcher.http.LogResponseException;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogProtocol;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.Rfc6962Entries;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.SignedTreeHead;

/**
 * A client for one RFC 6962 log's {@code /ct/v1/} API (§4).
 *
 * <p>Every method makes one GET and either returns what the log said, checked for shape, or throws:
 * a {@link org.ctmon.fetcher.http.LogFetchException} for HTTP, transport and garbage-body failures
 * (each saying whether a retry may help and when), or the parser's tree-head exceptions when a
 * well-formed head does not verify (log misbehaviour, not retryable). Nothing sleeps or retries
 * here; the follower schedules. Thread-safe: share one per log between workers.
 */
public final class Rfc6962Client {
  private final LogEndpoint endpoint;
  private final LogKey key;

  /** A client for {@code log} on the system clock; see {@link #Rfc6962Client(OkHttpClient, CtLog, Clock)}. */
  public Rfc6962Client(OkHttpClient http, CtLog log) {
    this(http, log, Clock.systemUTC());
  }

  /**
   * A client for {@code log}, which must speak RFC 6962; its key verifies the heads.
   *
   * @param http a client from {@link org.ctmon.fetcher.http.HttpConfig#newClient()}
   */
  public Rfc6962Client(OkHttpClient http, CtLog log, Clock clock) {
    this(http, rfc6962Url(log), LogKey.fromDer(log.key()), clock);
  }

  /**
   * A client for the log at {@code url} (ending in {@code '/'}, as in the log list) with {@code key}.
   *
   * @param clock dates an HTTP-date {@code Retry-After} when a response has no {@code Date}
   */
  public Rfc6962Client(OkHttpClient http, URI url, LogKey key, Clock clock) {
    this.endpoint = new LogEndpoint(http, url, clock);
    this.key = Objects.requireNonNull(key, "key");
  }

  private static URI rfc6962Url(CtLog log) {
    if (!(log.protocol() instanceof LogProtocol.Rfc6962 p)) {
      throw new IllegalArgumentException("log \"" + log.description() + "\" does not speak rfc 6962 but "
          + log.protocol());
    }
    return p.url();
  }

  /** The log's URL. */
  public URI url() {
    return endpoint.baseUrl();
  }

  /** The key heads are verified with. */
  public LogKey key() {
    return key;
  }

  /**
   * {@code GET ct/v1/get-sth}, with the signature verified by the log's key.
   *
   * @throws org.ctmon.parser.treehead.InvalidTreeHeadSignatureException if the signature does not
   *     verify (log misbehaviour: keep the head from {@link #getSthUnverified()} as evidence)
   * @throws org.ctmon.parser.treehead.MalformedTreeHeadException if the root is not 32 bytes or the
   *     signature is not a well-framed {@code digitally-signed}
   */
  public SignedTreeHead getSth() {
    return getSthUnverified().verify(key);
  }

  /**
   * {@code GET ct/v1/get-sth} without checking the signature: the head exactly as the log signed it,
   * for callers that store a bad head as evidence before calling {@link SignedTreeHead#verify}.
   */
  public SignedTreeHead getSthUnverified() {
    String request = "sth";
    byte[] body = endpoint.get("ct/v1/get-sth", request);
    JsonNode o = parse(body, request, StrictJson::object);
    long treeSize = read(body, request, () -> StrictJson.nonNegativeLong(o, "tree_size", ""));
    long timestamp = read(body, request, () -> StrictJson.nonNegativeLong(o, "timestamp", ""));
    byte[] root = read(body, request, () -> StrictJson.base64(o, "sha256_root_hash", ""));
    byte[] signature = read(body, request, () -> StrictJson.base64(o, "tree_head_signature", ""));
    Base64.Encoder b64 = Base64.getEncoder();
    return SignedTreeHead.of(treeSize, timestamp, b64.encodeToString(root), b64.encodeToString(signature));
  }

  /**
   * {@code GET ct/v1/get-entries?start=first&end=last} (both inclusive): the entries the log returned,
   * decoded. A log may return fewer than asked (never none, never more: those are errors); ask again
   * from {@link EntriesPage#next()}.
   *
   * @throws IllegalArgumentException unless {@code 0 <= first <= last}
   */
  public EntriesPage getEntries(long first, long last) {
    EntryRange range = new EntryRange(first, last);
    String request = "entries " + range;
    byte[] body = endpoint.get("ct/v1/get-entries?start=" + first + "&end=" + last, request);
    List<EntryDecoding> entries = parse(body, request, b -> GetEntriesJson.decode(b, first, range.count()));
    return new EntriesPage(first, entries);
  }

  /** {@code GET ct/v1/get-sth-consistency?first=&second=}: the proof's hashes, not verified. */
  public List<Sha256> getSthConsistency(long first, long second) {
    if (first < 0 || second < first) {
      throw new IllegalArgumentException("consistency between sizes " + first + " and " + second
          + " needs 0 <= first <= second");
    }
    String request = "consistency proof " + first + "-" + second;
    byte[] body = endpoint.get("ct/v1/get-sth-consistency?first=" + first + "&second=" + second, request);
    JsonNode o = parse(body, request, StrictJson::object);
    return read(body, request, () -> StrictJson.hashes(o, "consistency", ""));
  }

  /**
   * {@code GET ct/v1/get-proof-by-hash?hash=&tree_size=}: where the leaf with this leaf hash is and
   * its audit path in the tree of {@code treeSize}; not verified.
   */
  public ProofByHash getProofByHash(Sha256 leafHash, long treeSize) {
    if (treeSize < 1) {
      throw new IllegalArgumentException("an inclusion proof needs a tree size of at least 1, not " + treeSize);
    }
    String request = "inclusion proof of " + leafHash.base64() + " at size " + treeSize;
    byte[] body = endpoint.get("ct/v1/get-proof-by-hash?hash="
        + URLEncoder.encode(leafHash.base64(), StandardCharsets.UTF_8) + "&tree_size=" + treeSize, request);
    JsonNode o = parse(body, request, StrictJson::object);
    long index = read(body, request, () -> StrictJson.nonNegativeLong(o, "leaf_index", ""));
    List<Sha256> path = read(body, request, () -> StrictJson.hashes(o, "audit_path", ""));
    if (index >= treeSize) {
      throw new LogResponseException(url(), request, "leaf_index " + index + " is not below the tree size "
          + treeSize, body);
    }
    return new ProofByHash(index, path);
  }

  /** {@code GET ct/v1/get-entry-and-proof?leaf_index=&tree_size=}: the entry, decoded, and its audit path. */
  public EntryAndProof getEntryAndProof(long index, long treeSize) {
    if (index < 0 || treeSize <= index) {
      throw new IllegalArgumentException("entry " + index + " is not in a tree of size " + treeSize);
    }
    String request = "entry and proof " + index + " at size " + treeSize;
    byte[] body = endpoint.get("ct/v1/get-entry-and-proof?leaf_index=" + index + "&tree_size=" + treeSize, request);
    JsonNode o = parse(body, request, StrictJson::object);
    byte[] leaf = read(body, request, () -> StrictJson.base64(o, "leaf_input", ""));
    byte[] extra = read(body, request, () -> StrictJson.base64(o, "extra_data", ""));
    List<Sha256> path = read(body, request, () -> StrictJson.hashes(o, "audit_path", ""));
    return new EntryAndProof(Rfc6962Entries.decode(index, leaf, extra), path);
  }

  /** {@code GET ct/v1/get-roots}: the root certificates the log accepts, as served (DER, not parsed). */
  public List<Der> getRoots() {
    String request = "roots";
    byte[] body = endpoint.get("ct/v1/get-roots", request);
    JsonNode o = parse(body, request, StrictJson::object);
    return read(body, request, () -> {
      JsonNode certs = StrictJson.field(o, "certificates", "");
      if (!certs.isArray()) {
        throw new MalformedJsonException("certificates is " + StrictJson.describe(certs) + ", not an array");
      }
      List<Der> out = new ArrayList<>(certs.size());
      for (int i = 0; i < certs.size(); i++) {
        byte[] der = StrictJson.base64(certs.get(i), "certificates[" + i + "]");
        if (der.length == 0) {
          throw new MalformedJsonException("certificates[" + i + "] is empty");
        }
        out.add(Der.of(der));
      }
      return out;
    });
  }

  private <T> T parse(byte[] body, String request, Function<byte[], T> reader) {
    return read(body, request, () -> reader.apply(body));
  }

  private <T> T read(byte[] body, String request, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (MalformedJsonException e) {
      throw new LogResponseException(url(), request, e.getMessage(), body);
    }
  }

  @Override
  public String toString() {
    return "Rfc6962Client[" + url() + ", log id " + key.logId().base64() + "]";
  }
}
