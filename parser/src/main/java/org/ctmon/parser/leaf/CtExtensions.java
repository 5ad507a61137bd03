package org.ctmon.parser.leaf;

import java.util.BitSet;
import java.util.OptionalLong;

/**
 * The static-ct-api reading of {@code CtExtensions}: a list of
 * {@code Extension { uint8 extension_type; opaque extension_data<0..2^16-1>; }}, in which
 * {@code leaf_index} (type 0) carries a uint40, so a static log's extensions are 8 bytes.
 */
final class CtExtensions {
  static final int LEAF_INDEX = 0;

  private CtExtensions() {}

  /**
   * The leaf_index in the extensions at {@code start}, empty if there is none; throws
   * {@link TlsFormatException} if the list is malformed, repeats an extension type or has a leaf_index
   * that is not 5 bytes. Other extension types are skipped: their order and meaning are open.
   */
  static OptionalLong leafIndex(byte[] buf, int start, int length) {
    TlsReader r = new TlsReader(buf, start, start + length);
    OptionalLong found = OptionalLong.empty();
    BitSet seen = new BitSet(256);
    while (r.hasRemaining()) {
      int at = r.position();
      int type = r.uint8("extension_type");
      int dataLength = r.opaque16("extension_data", 0, TimestampedEntry.MAX_UINT16);
      // "Duplicate extensions with the same ExtensionType MUST NOT be included" (static-ct-api).
      if (seen.get(type)) {
        throw new TlsFormatException(MalformedKind.BAD_EXTENSIONS, at,
            "second extension of type " + type + " at offset " + at);
      }
      seen.set(type);
      if (type != LEAF_INDEX) {
        continue;
      }
      if (dataLength != 5) {
        throw new TlsFormatException(MalformedKind.BAD_EXTENSIONS, at,
            "leaf_index extension at offset " + at + " has " + dataLength + " bytes, not 5");
      }
      found = OptionalLong.of(r.sub(r.lastStart(), 5).uint40("leaf_index"));
    }
    return found;
  }
}
