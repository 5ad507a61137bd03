package org.ctmon.testlog.pki;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.ctmon.parser.Der;

/**
 * The test's own, independent way to get at a certificate's TBS with one extension taken out (the
 * way certspotter's ReconstructPrecertTBS does it), written separately from {@link PrecertTbs}.
 */
final class CtTbs {
  static final String POISON = "1.3.6.1.4.1.11129.2.4.3";
  static final String SCT_LIST = "1.3.6.1.4.1.11129.2.4.2";

  private CtTbs() {}

  /** The TBSCertificate DER of {@code cert}. */
  static byte[] tbs(Der cert) throws IOException {
    return ASN1Sequence.getInstance(cert.bytes()).getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER);
  }

  /** The TBSCertificate DER of {@code cert} without the extension {@code oid}, which must be present. */
  static byte[] withoutExtension(Der cert, String oid) throws IOException {
    ASN1Sequence tbs = ASN1Sequence.getInstance(ASN1Sequence.getInstance(cert.bytes()).getObjectAt(0));
    ASN1EncodableVector out = new ASN1EncodableVector();
    int removed = 0;
    for (ASN1Encodable el : tbs) {
      if (el instanceof ASN1TaggedObject t && t.getTagNo() == 3) {
        ASN1EncodableVector exts = new ASN1EncodableVector();
        for (ASN1Encodable e : ASN1Sequence.getInstance(t.getExplicitBaseObject())) {
          if (ASN1ObjectIdentifier.getInstance(ASN1Sequence.getInstance(e).getObjectAt(0)).getId().equals(oid)) {
            removed++;
          } else {
            exts.add(e);
          }
        }
        out.add(new DERTaggedObject(true, 3, new DERSequence(exts)));
      } else {
        out.add(el);
      }
    }
    if (removed != 1) {
      throw new AssertionError("expected extension " + oid + " once, found " + removed);
    }
    return new DERSequence(out).getEncoded(ASN1Encoding.DER);
  }
}
