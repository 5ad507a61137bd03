package org.ctmon.parser.treehead;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.ctmon.parser.Base64Text;
import org.ctmon.parser.OpaqueBytes;

/**
 * A C2SP signed note (https://c2sp.org/signed-note): a UTF-8 text, a blank line, then one or more
 * signature lines {@code — <name> <base64>} (em dash U+2014), every line ending in a newline.
 *
 * <p>Parsing is strict, as a monitor reads notes from servers it does not trust: at most {@link
 * #MAX_BYTES} bytes and {@link #MAX_SIGNATURES} signatures; valid UTF-8 with no control characters
 * but newline (so no {@code \r}); the last blank line separates text from signatures; each signature
 * line is the em dash, a space, a key name without spaces or {@code +}, a space, and padded standard
 * base64 of at least 5 bytes. Parsing checks no signature: see {@link SignedCheckpoint}.
 *
 * @param text the note text, ending with a newline (without the blank separator line)
 * @param signatures the signature lines in order, at least one
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
  /**
   * Largest note accepted, in bytes: room for {@link #MAX_SIGNATURES} post-quantum signatures of
   * nearly 5 kB each (signed-note: verifiers must accept at least 16); a checkpoint with a handful
   * of Ed25519 cosignatures is well under 1 KiB.
   */
  public static final int MAX_BYTES = 1024 * 1024;
  /** Most signature lines accepted (as Go's golang.org/x/mod/sumdb/note). */
  public static final int MAX_SIGNATURES = 100;

  private static final String SIGNATURE_PREFIX = "\u2014 ";

  public SignedNote {
    if (text == null || text.isEmpty() || !text.endsWith("\n")) {
      throw new IllegalArgumentException("note text must be non-empty and end with a newline");
    }
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("a signed note has at least one signature");
    }
  }

  /**
   * Parses a note as served, e.g. the body of a {@code /checkpoint} response.
   *
   * @throws MalformedNoteException naming what is wrong and where
   */
  public static SignedNote parse(byte[] note) {
    if (note.length > MAX_BYTES) {
      throw new MalformedNoteException("note of " + note.length + " bytes is larger than " + MAX_BYTES);
    }
    String s;
    try {
      s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(note))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedNoteException("note is not valid utf-8: " + e.getMessage());
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n' || c == 0x7f) {
        throw new MalformedNoteException(String.format(
            "note has control character u+%04x on line %d", (int) c, lineOf(s, i)));
      }
    }
    if (!s.endsWith("\n")) {
      throw new MalformedNoteException("note does not end with a newline");
    }
    int split = s.lastIndexOf("\n\n");
    if (split < 0) {
      throw new MalformedNoteException("note has no blank line before its signatures");
    }
    String text = s.substring(0, split + 1);
    String block = s.substring(split + 2);
    if (block.isEmpty()) {
      throw new MalformedNoteException("note has no signature after its blank line");
    }
    if (text.equals("\n")) {
      throw new MalformedNoteException("note text is empty");
    }
    int firstLine = lineOf(s, split + 2);
    String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new MalformedNoteException(
          "note has " + lines.length + " signature lines, more than " + MAX_SIGNATURES);
    }
    List<NoteSignature> sigs = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      sigs.add(parseSignatureLine(lines[i], firstLine + i));
    }
    return new SignedNote(text, sigs);
  }

  private static NoteSignature parseSignatureLine(String line, int lineNumber) {
    String where = "note signature on line " + lineNumber;
    if (!line.startsWith(SIGNATURE_PREFIX)) {
      throw new MalformedNoteException(where + " does not start with an em dash (u+2014) and a space");
    }
    String rest = line.substring(SIGNATURE_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new MalformedNoteException(where + " has no space between key name and signature");
    }
    String name = rest.substring(0, space);
    String b64 = rest.substring(space + 1);
    if (!isValidKeyName(name)) {
      throw new MalformedNoteException(where + " has an invalid key name '" + name + "'");
    }
    byte[] blob;
    try {
      if (b64.length() % 4 != 0) {
        throw new IllegalArgumentException("length " + b64.length() + " is not a multiple of 4");
      }
      blob = Base64Text.decode(b64);
    } catch (IllegalArgumentException e) {
      throw new MalformedNoteException(where + " (" + name + ") is not padded base64: " + e.getMessage());
    }
    if (blob.length < 5) {
      throw new MalformedNoteException(where + " (" + name + ") has " + blob.length
          + " bytes, fewer than a 4-byte key id and a signature");
    }
    int keyId = (blob[0] & 0xff) << 24 | (blob[1] & 0xff) << 16 | (blob[2] & 0xff) << 8 | (blob[3] & 0xff);
    return new NoteSignature(name, keyId, OpaqueBytes.of(blob, 4, blob.length - 4));
  }

  static boolean isValidKeyName(String name) {
    if (name.isEmpty() || name.indexOf('+') >= 0) {
      return false;
    }
    return name.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp));
  }

  private static int lineOf(String s, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The note as served: text, blank line, signature lines. */
  public String encode() {
    StringBuilder b = new StringBuilder(text).append('\n');
    for (NoteSignature sig : signatures) {
      byte[] sigBytes = sig.signature().unsafeBytes();
      byte[] blob = ByteBuffer.allocate(4 + sigBytes.length).putInt(sig.keyId()).put(sigBytes).array();
      b.append(SIGNATURE_PREFIX).append(sig.keyName()).append(' ')
          .append(Base64.getEncoder().encodeToString(blob)).append('\n');
    }
    return b.toString();
  }
}
