package org.ctmon.testlog.tiles;

import java.nio.ByteBuffer;
import java.util.List;
import org.ctmon.parser.OpaqueBytes;
import org.ctmon.parser.treehead.Checkpoint;
import org.ctmon.parser.treehead.LogKey;
import org.ctmon.parser.treehead.NoteSignature;
import org.ctmon.parser.treehead.SignedNote;
import org.ctmon.parser.treehead.SignedTreeHead;

/**
 * A static-ct-api checkpoint made from a signed tree head: the note text (origin, size, base64
 * root) and one signature line {@code — <origin> base64(key id(4) || timestamp u64 ||
 * digitally-signed)}, the key id being {@link LogKey#noteKeyId(String)} of the origin. The same
 * signature serves get-sth and the checkpoint: both sign the RFC 6962 TreeHeadSignature.
 */
public final class CheckpointNote {
  private CheckpointNote() {}

  /** The note served at {@code <monitoring prefix>/checkpoint} for {@code head}. */
  public static String of(String origin, LogKey key, SignedTreeHead head) {
    Checkpoint body = new Checkpoint(origin, head.treeSize(), head.rootHash(), List.of());
    byte[] signed = head.signature().encode();
    byte[] blob = ByteBuffer.allocate(8 + signed.length).putLong(head.timestamp()).put(signed).array();
    NoteSignature line = new NoteSignature(origin, key.noteKeyId(origin), OpaqueBytes.of(blob));
    return new SignedNote(body.text(), List.of(line)).encode();
  }
}
