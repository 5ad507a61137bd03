package org.ctmon.testlog.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.ctmon.parser.CtmonException;

/**
 * The DER of a TBSCertificate with {@link TbsQuirk}s written in, element by element: BouncyCastle
 * writes DER (and refuses a non-minimal INTEGER), so the quirky elements are written by hand.
 * Stateless.
 */
final class QuirkyTbs {
  private static final DateTimeFormatter NO_SECONDS = DateTimeFormatter.ofPattern("yyMMddHHmm'Z'").withZone(ZoneOffset.UTC);

  private QuirkyTbs() {}

  static byte[] encode(TBSCertificate tbs, Set<TbsQuirk> quirks) {
    ASN1Sequence seq = ASN1Sequence.getInstance(tbs.toASN1Primitive());
    int v = seq.getObjectAt(0) instanceof ASN1TaggedObject t && t.getTagNo() == 0 ? 1 : 0;
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (int i = 0; i < seq.size(); i++) {
      ASN1Encodable el = seq.getObjectAt(i);
      if (i == v && quirks.contains(TbsQuirk.NON_MINIMAL_SERIAL)) {
        byte[] value = ASN1Integer.getInstance(el).getValue().toByteArray();
        body.writeBytes(tlv(0x02, concat(new byte[] {0}, value)));
      } else if (i == v + 3 && quirks.contains(TbsQuirk.UTC_TIME_WITHOUT_SECONDS)) {
        ASN1Sequence validity = ASN1Sequence.getInstance(el);
        body.writeBytes(tlv(0x30, concat(utcWithoutSeconds(validity.getObjectAt(0)), utcWithoutSeconds(validity.getObjectAt(1)))));
      } else if (el instanceof ASN1TaggedObject t && t.getTagNo() == 3 && quirks.contains(TbsQuirk.CRITICAL_FALSE)) {
        ASN1EncodableVector exts = new ASN1EncodableVector();
        for (ASN1Encodable e : ASN1Sequence.getInstance(t, true)) {
          Extension ext = Extension.getInstance(e);
          exts.add(ext.isCritical() ? ext
              : new DERSequence(new ASN1Encodable[] {ext.getExtnId(), ASN1Boolean.FALSE, ext.getExtnValue()}));
        }
        body.writeBytes(der(new DERTaggedObject(true, 3, new DERSequence(exts))));
      } else {
        body.writeBytes(der(el));
      }
    }
    return tlv(0x30, body.toByteArray());
  }

  private static byte[] utcWithoutSeconds(ASN1Encodable time) {
    try {
      String text = NO_SECONDS.format(Time.getInstance(time).getDate().toInstant());
      return tlv(0x17, text.getBytes(StandardCharsets.US_ASCII));
    } catch (RuntimeException e) {
      throw new CtmonException("error rewriting validity time " + time, e);
    }
  }

  /** A DER tag-length-value with a definite, minimal length. */
  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int n = content.length;
    if (n < 0x80) {
      out.write(n);
    } else {
      byte[] len = BigInteger.valueOf(n).toByteArray();
      int skip = len[0] == 0 ? 1 : 0;
      out.write(0x80 | (len.length - skip));
      out.write(len, skip, len.length - skip);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] der(ASN1Encodable el) {
    try {
      return el.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new CtmonException("error encoding a tbs element", e);
    }
  }
}
