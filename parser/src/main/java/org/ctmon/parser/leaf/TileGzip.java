package org.ctmon.parser.leaf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Gzip handling for data tiles, which logs may send with {@code Content-Encoding: gzip} whether or
 * not the client asked. Inflation stops at a hard cap, so a bomb costs at most the cap in memory.
 */
final class TileGzip {
  private TileGzip() {}

  /**
   * Whether {@code bytes} start with the gzip magic 1f 8b. A plain tile cannot: it starts with a
   * big-endian millisecond timestamp, whose first byte is 0x00 until the year 2^56 ms.
   */
  static boolean isGzip(byte[] bytes) {
    return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
  }

  /** Inflates every gzip member of {@code gz}; throws {@link TlsFormatException} if corrupt or beyond {@code cap}. */
  static byte[] inflate(byte[] gz, int cap) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 64 * 1024)) {
      // Real tiles compress about 4x (navigli2025h2: 408 KB to 98 KB); start just above that, grow up to the cap.
      byte[] out = new byte[(int) Math.min(cap, Math.max(64L * 1024, gz.length * 5L))];
      int n = 0;
      while (true) {
        if (n == out.length) {
          if (n == cap) {
            if (in.read() >= 0) {
              throw new TlsFormatException(MalformedKind.GZIP_TOO_LARGE, 0,
                  "gzip data tile inflates beyond the cap of " + cap + " bytes (" + gz.length + " bytes compressed)");
            }
            break;
          }
          out = Arrays.copyOf(out, (int) Math.min(cap, out.length * 2L));
        }
        int r = in.read(out, n, out.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
      return n == out.length ? out : Arrays.copyOf(out, n);
    } catch (TlsFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // GZIPInputStream reports corrupt input as ZipException or EOFException; anything else is corrupt input too.
      throw new TlsFormatException(MalformedKind.GZIP_CORRUPT, 0,
          "corrupt gzip data tile (" + gz.length + " bytes compressed): "
              + String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT));
    }
  }
}
