package org.ctmon.parser.treehead;

import org.ctmon.parser.OpaqueBytes;

/**
 * One signature line of a C2SP signed note: {@code — <key name> base64(key id(4) || signature)}.
 *
 * @param keyName the signer's name (non-empty, no white space, no {@code +})
 * @param keyId the 4-byte key id, big endian (identifies key and signature type under that name)
 * @param signature the bytes after the key id, at least one
 */
public record NoteSignature(String keyName, int keyId, OpaqueBytes signature) {
  public NoteSignature {
    if (keyName == null || !SignedNote.isValidKeyName(keyName)) {
      throw new IllegalArgumentException("note key name '" + keyName + "' is empty or has white space or '+'");
    }
    if (signature == null || signature.length() == 0) {
      throw new IllegalArgumentException("note signature of " + keyName + " is empty");
    }
  }

  /** The key id as 8 lower-case hex digits. */
  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  @Override
  public String toString() {
    return "NoteSignature[" + keyName + " " + keyIdHex() + " " + signature.base64() + "]";
  }
}
