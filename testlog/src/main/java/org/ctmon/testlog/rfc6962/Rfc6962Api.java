package org.ctmon.testlog.rfc6962;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.treehead.SignedTreeHead;
import org.ctmon.testlog.http.Reply;
import org.ctmon.testlog.http.Request;
import org.ctmon.testlog.log.LogProtocol;
import org.ctmon.testlog.log.LoggedEntry;
import org.ctmon.testlog.log.TestLog;

/**
 * Answers {@code ct/v1/*} requests for one log. Static-ct-api logs answer only the submission
 * endpoints and get-roots here (their reads are tiles). Parameter errors are 400 with a JSON
 * {@code error_message}; unknown paths 404; a wrong method 405.
 *
 * <p>get-entries returns at most {@code maxBatch} entries (and fewer under a {@link
 * org.ctmon.testlog.fault.Fault.TruncatedPages} fault), stops at the published tree size, and is
 * 400 when {@code start} is at or beyond it. Thread-safe.
 */
public final class Rfc6962Api {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getEncoder();

  private final int maxBatch;
  private final Submissions submissions = new Submissions();

  /** An API whose get-entries pages hold at most {@code maxBatch} entries. */
  public Rfc6962Api(int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("get-entries batch cap " + maxBatch + " is not positive");
    }
    this.maxBatch = maxBatch;
  }

  /** The reply to {@code request} (whose path starts with {@code ct/v1/}) for {@code log}. */
  public Reply handle(TestLog log, Request request) {
    String endpoint = request.path().substring("ct/v1/".length());
    boolean post = endpoint.equals("add-chain") || endpoint.equals("add-pre-chain");
    if (!isKnown(endpoint)) {
      return Reply.error(404, "no endpoint ct/v1/" + endpoint);
    }
    String expected = post ? "POST" : "GET";
    if (!request.method().equals(expected)) {
      return Reply.error(405, endpoint + " takes " + expected + ", not " + request.method());
    }
    try {
      if (endpoint.equals("add-chain")) {
        return submissions.addChain(log, request.body(), false);
      }
      if (endpoint.equals("add-pre-chain")) {
        return submissions.addChain(log, request.body(), true);
      }
      if (endpoint.equals("get-roots")) {
        return getRoots(log);
      }
      if (log.protocol() != LogProtocol.RFC6962) {
        return Reply.error(404, "log " + log.name() + " is a static-ct-api log: read its tiles, not ct/v1/" + endpoint);
      }
      switch (endpoint) {
        case "get-sth":
          return getSth(log);
        case "get-entries":
          return getEntries(log, request);
        case "get-sth-consistency":
          return getConsistency(log, request);
        case "get-proof-by-hash":
          return getProofByHash(log, request);
        case "get-entry-and-proof":
          return getEntryAndProof(log, request);
        default:
          return Reply.error(404, "no endpoint ct/v1/" + endpoint);
      }
    } catch (BadRequest e) {
      return Reply.error(400, e.getMessage());
    }
  }

  private static boolean isKnown(String endpoint) {
    return List.of("add-chain", "add-pre-chain", "get-roots", "get-sth", "get-entries", "get-sth-consistency",
        "get-proof-by-hash", "get-entry-and-proof").contains(endpoint);
  }

  private static Reply getSth(TestLog log) {
    SignedTreeHead h = log.head();
    ObjectNode o = JSON.createObjectNode();
    o.put("tree_size", h.treeSize());
    o.put("timestamp", h.timestamp());
    o.put("sha256_root_hash", h.rootHash().base64());
    o.put("tree_head_signature", h.signature().base64());
    return Reply.json(o.toString());
  }

  private static Reply getRoots(TestLog log) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode certs = o.putArray("certificates");
    log.roots().forEach(r -> certs.add(r.base64()));
    return Reply.json(o.toString());
  }

  private Reply getEntries(TestLog log, Request request) {
    long start = number(request, "start");
    long end = number(request, "end");
    if (end < start) {
      throw new BadRequest("end " + end + " is before start " + start);
    }
    long size = log.publishedSize();
    if (start >= size) {
      throw new BadRequest("start " + start + " is not below the tree size " + size);
    }
    Optional<Reply> garbage = log.faults().garbagePage();
    if (garbage.isPresent()) {
      return garbage.get();
    }
    int cap = log.faults().pageCap(maxBatch);
    long last = Math.min(end, start + cap - 1);
    List<LoggedEntry> entries = log.entries(start, last);
    StringBuilder b = new StringBuilder(entries.size() * 4096).append("{\"entries\":[");
    for (int i = 0; i < entries.size(); i++) {
      LoggedEntry e = entries.get(i);
      b.append(i == 0 ? "" : ",").append("{\"leaf_input\":\"").append(B64.encodeToString(e.leafInput()))
          .append("\",\"extra_data\":\"").append(B64.encodeToString(e.extraData())).append("\"}");
    }
    return Reply.json(b.append("]}").toString());
  }

  private static Reply getConsistency(TestLog log, Request request) {
    long first = number(request, "first");
    long second = number(request, "second");
    long size = log.publishedSize();
    if (first > second || second > size) {
      throw new BadRequest("no consistency proof from " + first + " to " + second + " in a tree of size " + size);
    }
    return Reply.json(hashes(JSON.createObjectNode(), "consistency", log.consistencyProof(first, second)).toString());
  }

  private static Reply getProofByHash(TestLog log, Request request) {
    String hashParam = request.param("hash").orElseThrow(() -> new BadRequest("missing parameter hash"));
    long treeSize = number(request, "tree_size");
    byte[] hash;
    try {
      hash = Base64.getDecoder().decode(hashParam);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("hash '" + hashParam + "' is not base64");
    }
    if (hash.length != Sha256.LENGTH) {
      throw new BadRequest("hash has " + hash.length + " bytes, not 32");
    }
    long size = log.publishedSize();
    if (treeSize < 1 || treeSize > size) {
      throw new BadRequest("tree_size " + treeSize + " is not within 1.." + size);
    }
    OptionalLong index = log.indexOf(Sha256.wrap(hash));
    if (index.isEmpty() || index.getAsLong() >= treeSize) {
      return Reply.error(404, "no entry with leaf hash " + hashParam + " in the tree of size " + treeSize);
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("leaf_index", index.getAsLong());
    return Reply.json(hashes(o, "audit_path", log.inclusionProof(index.getAsLong(), treeSize)).toString());
  }

  private static Reply getEntryAndProof(TestLog log, Request request) {
    long index = number(request, "leaf_index");
    long treeSize = number(request, "tree_size");
    long size = log.publishedSize();
    if (treeSize > size || index >= treeSize) {
      throw new BadRequest("leaf_index " + index + " and tree_size " + treeSize + " do not fit the tree of size " + size);
    }
    LoggedEntry e = log.entries(index, index).get(0);
    ObjectNode o = JSON.createObjectNode();
    o.put("leaf_input", B64.encodeToString(e.leafInput()));
    o.put("extra_data", B64.encodeToString(e.extraData()));
    return Reply.json(hashes(o, "audit_path", log.inclusionProof(index, treeSize)).toString());
  }

  private static ObjectNode hashes(ObjectNode o, String field, List<Sha256> proof) {
    ArrayNode a = o.putArray(field);
    proof.forEach(h -> a.add(h.base64()));
    return o;
  }

  private static long number(Request request, String name) {
    String v = request.param(name).orElseThrow(() -> new BadRequest("missing parameter " + name));
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw new BadRequest("parameter " + name + " is negative: " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadRequest("parameter " + name + " is not a number: '" + v + "'");
    }
  }

  /** A 400 answer, thrown from deep in a handler. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message, null, false, false);
    }
  }
}
