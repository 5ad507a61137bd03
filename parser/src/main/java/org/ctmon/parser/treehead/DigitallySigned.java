package org.ctmon.parser.treehead;

import java.util.Base64;
import org.ctmon.parser.Base64Text;
import org.ctmon.parser.OpaqueBytes;

/**
 * A TLS {@code digitally-signed} value as CT logs send it (RFC 5246 §4.7, RFC 6962 §2.1.4):
 * {@code HashAlgorithm hash(1) || SignatureAlgorithm signature(1) || opaque signature<0..2^16-1>}.
 *
 * <p>Decoding is strict: the length prefix must cover exactly the rest of the input. The algorithm
 * codes are kept as read (0-255); whether they are acceptable is decided at verification, where a
 * code that does not match the log key is a failed signature, not a malformed one.
 *
 * @param hashAlgorithm TLS {@code HashAlgorithm} (4 = sha256, the only one CT allows)
 * @param signatureAlgorithm TLS {@code SignatureAlgorithm} (1 = rsa, 3 = ecdsa)
 * @param signature the signature bytes (at most 65535)
 */
public record DigitallySigned(int hashAlgorithm, int signatureAlgorithm, OpaqueBytes signature) {
  /** TLS {@code HashAlgorithm} sha256. */
  public static final int HASH_SHA256 = 4;
  /** TLS {@code SignatureAlgorithm} rsa. */
  public static final int SIGNATURE_RSA = 1;
  /** TLS {@code SignatureAlgorithm} ecdsa. */
  public static final int SIGNATURE_ECDSA = 3;

  private static final int MAX_SIGNATURE = 0xffff;

  public DigitallySigned {
    if (hashAlgorithm < 0 || hashAlgorithm > 0xff) {
      throw new IllegalArgumentException("hash algorithm " + hashAlgorithm + " is not a u8");
    }
    if (signatureAlgorithm < 0 || signatureAlgorithm > 0xff) {
      throw new IllegalArgumentException("signature algorithm " + signatureAlgorithm + " is not a u8");
    }
    if (signature == null || signature.length() > MAX_SIGNATURE) {
      throw new IllegalArgumentException("signature must be present and at most 65535 bytes");
    }
  }

  /**
   * Decodes the base64 {@code tree_head_signature} of a get-sth response.
   *
   * @throws MalformedTreeHeadException if it is not base64 or not exactly one digitally-signed value
   */
  public static DigitallySigned fromBase64(String base64) {
    byte[] bytes;
    try {
      bytes = Base64Text.decode(base64);
    } catch (IllegalArgumentException e) {
      throw new MalformedTreeHeadException("digitally-signed value is not base64: " + e.getMessage());
    }
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes exactly {@code length} bytes of {@code buf} from {@code offset}.
   *
   * @throws MalformedTreeHeadException if the bytes are shorter than 4, or the signature length
   *     prefix does not equal the number of bytes after it
   */
  public static DigitallySigned decode(byte[] buf, int offset, int length) {
    if (length < 4) {
      throw new MalformedTreeHeadException(
          "digitally-signed value of " + length + " bytes is shorter than its 4-byte header");
    }
    int hash = buf[offset] & 0xff;
    int sig = buf[offset + 1] & 0xff;
    int declared = (buf[offset + 2] & 0xff) << 8 | (buf[offset + 3] & 0xff);
    if (declared != length - 4) {
      throw new MalformedTreeHeadException("digitally-signed value declares a " + declared
          + "-byte signature but " + (length - 4) + " bytes follow its header");
    }
    return new DigitallySigned(hash, sig, OpaqueBytes.of(buf, offset + 4, declared));
  }

  /** Decodes all of {@code bytes}; see {@link #decode(byte[], int, int)}. */
  public static DigitallySigned decode(byte[] bytes) {
    return decode(bytes, 0, bytes.length);
  }

  /** The TLS encoding, the inverse of {@link #decode(byte[])}. */
  public byte[] encode() {
    byte[] sig = signature.unsafeBytes();
    byte[] out = new byte[4 + sig.length];
    out[0] = (byte) hashAlgorithm;
    out[1] = (byte) signatureAlgorithm;
    out[2] = (byte) (sig.length >>> 8);
    out[3] = (byte) sig.length;
    System.arraycopy(sig, 0, out, 4, sig.length);
    return out;
  }

  /** Base64 of {@link #encode()}, as in a get-sth response. */
  public String base64() {
    return Base64.getEncoder().encodeToString(encode());
  }

  @Override
  public String toString() {
    return "DigitallySigned[hash " + hashAlgorithm + ", signature " + signatureAlgorithm + ", "
        + signature.length() + " bytes " + signature.base64() + "]";
  }
}
