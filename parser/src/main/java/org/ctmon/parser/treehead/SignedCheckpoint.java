package org.ctmon.parser.treehead;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A static-ct-api checkpoint whose RFC 6962 note signature by the log has been verified: the body,
 * the signed timestamp, and the log's {@code TreeHeadSignature}.
 *
 * <p>Per static-ct-api ("Checkpoints"), the log's signature line is named after the origin, its key
 * id is {@link LogKey#noteKeyId(String)}, and its bytes are {@code key id(4) || timestamp u64 ||
 * digitally-signed TreeHeadSignature}, signed over the same struct as an RFC 6962 STH with size and
 * root from the body ({@link TreeHead#signatureInput()}). Other signature lines (witness
 * cosignatures, the log's other key types, grease) are ignored. Make instances with {@link
 * #verify}; the canonical constructor (for reloading stored evidence) checks shape, not the
 * signature. They are values, printable as evidence, and {@link #treeHead()} compares with STHs of
 * the same log. A note that carries the log's name and key id on more than one line is rejected as
 * malformed: which timestamp it means would be ambiguous.
 *
 * @param note the note as served, with all its signature lines
 * @param checkpoint the body
 * @param timestamp milliseconds since the epoch, from the log's signature
 * @param signature the log's tree-head signature
 */
public record SignedCheckpoint(SignedNote note, Checkpoint checkpoint, long timestamp, DigitallySigned signature) {
  private static final int TIMESTAMP_LENGTH = 8;

  public SignedCheckpoint {
    new TreeHead(checkpoint.treeSize(), timestamp, checkpoint.rootHash()); // validates
  }

  /**
   * Parses {@code note} (the bytes of a {@code /checkpoint} response) and verifies the log's
   * signature; see {@link #verify(SignedNote, LogKey, String)}.
   *
   * @throws MalformedNoteException if the note is not a well-formed signed note
   */
  public static SignedCheckpoint verify(byte[] note, LogKey key, String origin) {
    return verify(SignedNote.parse(note), key, origin);
  }

  /**
   * Verifies that {@code note} is a checkpoint of the log with {@code key} and {@code origin}.
   *
   * @param expectedOrigin the log's checkpoint origin (its submission URL without scheme and trailing slash,
   *     {@link #originOf(String)}); the origin is not covered by the signature, so the caller must
   *     say which one it expects
   * @throws MalformedTreeHeadException if the body is not a checkpoint, has extension lines (which an
   *     RFC 6962 note signature would not cover), or the log's signature line is not {@code timestamp
   *     || digitally-signed}, or there is more than one such line
   * @throws UnsignedCheckpointException if no line carries the log's key id under the checkpoint's
   *     origin: the expected one, or its own when the two differ (in case, port or path, as a log
   *     list's submission URL may from what the log writes; certspotter accepts such a checkpoint
   *     too, since the log's key is what identifies the log)
   * @throws InvalidTreeHeadSignatureException if the log's line does not verify
   */
  public static SignedCheckpoint verify(SignedNote note, LogKey key, String expectedOrigin) {
    Checkpoint body = Checkpoint.parse(note.text());
    if (!body.origin().equals(expectedOrigin)) {
      String own = body.origin();
      int ownKeyId = key.noteKeyId(own);
      if (note.signatures().stream().noneMatch(s -> s.keyName().equals(own) && s.keyId() == ownKeyId)) {
        throw new UnsignedCheckpointException(key.logId(), body, "its origin " + own + " is not the log's origin "
            + expectedOrigin + " (" + originDifference(expectedOrigin, own)
            + "), and no signature line of the log's key names it");
      }
    }
    // When they differ, the log's key signed it under the origin it writes: that is the log.
    String origin = body.origin();
    if (!body.extensions().isEmpty()) {
      throw new MalformedTreeHeadException("checkpoint " + origin + " at size " + body.treeSize()
          + " has " + body.extensions().size()
          + " extension lines, which an rfc 6962 note signature does not cover");
    }
    int keyId = key.noteKeyId(origin);
    List<NoteSignature> mine = note.signatures().stream()
        .filter(s -> s.keyName().equals(origin) && s.keyId() == keyId)
        .collect(Collectors.toList());
    if (mine.isEmpty()) {
      throw new UnsignedCheckpointException(key.logId(), body, String.format(
          "no signature line has key name %s and key id %08x (of %d lines)",
          origin, keyId, note.signatures().size()));
    }
    if (mine.size() > 1) {
      throw new MalformedTreeHeadException("checkpoint " + origin + " at size " + body.treeSize()
          + " has " + mine.size() + String.format(" signature lines with the log's key id %08x", keyId));
    }
    byte[] blob = mine.get(0).signature().unsafeBytes();
    if (blob.length < TIMESTAMP_LENGTH) {
      throw new MalformedTreeHeadException("rfc 6962 note signature of checkpoint " + origin
          + " at size " + body.treeSize() + " has " + blob.length + " bytes, fewer than a timestamp");
    }
    long timestamp = 0;
    for (int i = 0; i < TIMESTAMP_LENGTH; i++) {
      timestamp = timestamp << 8 | (blob[i] & 0xff);
    }
    DigitallySigned signed = DigitallySigned.decode(blob, TIMESTAMP_LENGTH, blob.length - TIMESTAMP_LENGTH);
    TreeHead head = new TreeHead(body.treeSize(), timestamp, body.rootHash());
    key.problemWith(head.signatureInput(), signed).ifPresent(why -> {
      throw new InvalidTreeHeadSignatureException(key.logId(), head, why);
    });
    return new SignedCheckpoint(note, body, timestamp, signed);
  }

  /**
   * What differs between two origins, for messages: {@code case}, {@code port}, {@code host} or
   * {@code path}.
   */
  public static String originDifference(String expected, String actual) {
    if (expected.equalsIgnoreCase(actual)) {
      return "case";
    }
    String e = withoutPort(expected.toLowerCase(Locale.ROOT));
    String a = withoutPort(actual.toLowerCase(Locale.ROOT));
    if (e.equals(a)) {
      return "port";
    }
    String eh = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
    String ah = a.contains("/") ? a.substring(0, a.indexOf('/')) : a;
    return eh.equals(ah) ? "path" : "host";
  }

  private static String withoutPort(String origin) {
    int slash = origin.indexOf('/');
    String host = slash < 0 ? origin : origin.substring(0, slash);
    String rest = slash < 0 ? "" : origin.substring(slash);
    int colon = host.lastIndexOf(':');
    return (colon < 0 ? host : host.substring(0, colon)) + rest;
  }

  /**
   * The checkpoint origin of a log with this submission URL (static-ct-api: schema-less URL without
   * trailing slashes): {@code https://rome.ct.example.com/2024h1/} → {@code rome.ct.example.com/2024h1}.
   */
  public static String originOf(String submissionUrl) {
    String s = submissionUrl;
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Size, signed timestamp and root: comparable with an RFC 6962 {@link SignedTreeHead#treeHead()}. */
  public TreeHead treeHead() {
    return new TreeHead(checkpoint.treeSize(), timestamp, checkpoint.rootHash());
  }

  /** The checkpoint's tree size. */
  public long treeSize() {
    return checkpoint.treeSize();
  }

  /** The same head as an RFC 6962 get-sth response would carry it. */
  public SignedTreeHead toSignedTreeHead() {
    return new SignedTreeHead(checkpoint.treeSize(), timestamp, checkpoint.rootHash(), signature);
  }

  @Override
  public String toString() {
    TreeHead h = treeHead();
    return "SignedCheckpoint[" + checkpoint.origin() + ", size " + h.treeSize() + ", timestamp "
        + h.timestamp() + " (" + h.time() + "), root " + h.rootHash().hex() + " = "
        + h.rootHash().base64() + ", signature " + signature.base64() + "]";
  }
}
