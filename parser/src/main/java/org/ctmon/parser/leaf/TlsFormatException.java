package org.ctmon.parser.leaf;

import org.ctmon.parser.CtmonException;

/**
 * Thrown by {@link TlsReader} when the bytes do not follow the structure being read.
 *
 * <p>The public decoders of this package catch it and turn it into a {@link Malformed} result, so
 * callers of {@link Rfc6962Entries} and {@link DataTile} never see it; only direct users of
 * {@link TlsReader} (other wire-format decoders) do. The offset is absolute in the reader's buffer.
 */
public final class TlsFormatException extends CtmonException {
  private final MalformedKind kind;
  private final int offset;

  public TlsFormatException(MalformedKind kind, int offset, String message) {
    super(message);
    this.kind = kind;
    this.offset = offset;
  }

  /** What kind of malformation this is. */
  public MalformedKind kind() {
    return kind;
  }

  /** The offset in the reader's buffer where the malformed field starts. */
  public int offset() {
    return offset;
  }
}
