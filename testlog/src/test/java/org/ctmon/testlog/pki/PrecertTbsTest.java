package org.ctmon.testlog.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.ctmon.parser.CtmonException;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class PrecertTbsTest {

  @Test
  void realPrecertWithoutItsSigningCertificateGivesAzulsGoldenPoisonFreeTbs() throws Exception {
    // The golden is azul's build_precert_tbs(precert) with no pre-issuer: the poison removed, nothing rewritten.
    List<Der> chain = RealCorpus.pems("precerts/azul/merge-delay-preissuer-chain.pem");
    Der tbs = PrecertTbs.fromPrecertificate(chain.get(0), Optional.empty());
    assertArrayEquals(RealCorpus.bytes("precerts/azul/merge-delay-preissuer-precert-tbs.golden.der"), tbs.bytes());
  }

  @Test
  void realPrecertViaItsSigningCertificateTakesThatCertificatesIssuerAndAuthorityKeyId() throws Exception {
    List<Der> chain = RealCorpus.pems("precerts/azul/merge-delay-preissuer-chain.pem");
    assertTrue(PrecertTbs.isPrecertSigningCertificate(chain.get(1)));
    assertFalse(PrecertTbs.isPrecertSigningCertificate(chain.get(2)));
    ASN1Sequence golden = ASN1Sequence.getInstance(RealCorpus.bytes("precerts/azul/merge-delay-preissuer-precert-tbs.golden.der"));
    ASN1Sequence rewritten = ASN1Sequence.getInstance(
        PrecertTbs.fromPrecertificate(chain.get(0), Optional.of(chain.get(1))).bytes());
    X509Certificate signer = TestIssuanceTest.jdk(chain.get(1));
    assertEquals(golden.size(), rewritten.size());
    for (int i = 0; i < golden.size(); i++) {
      if (i == 3) {
        assertArrayEquals(signer.getIssuerX500Principal().getEncoded(), rewritten.getObjectAt(i).toASN1Primitive().getEncoded(),
            "issuer: Merge Delay Intermediate 1");
      } else if (i == golden.size() - 1) {
        Extensions g = Extensions.getInstance(ASN1TaggedObject.getInstance(golden.getObjectAt(i)), true);
        Extensions r = Extensions.getInstance(ASN1TaggedObject.getInstance(rewritten.getObjectAt(i)), true);
        assertEquals(List.of(g.getExtensionOIDs()), List.of(r.getExtensionOIDs()), "same extensions, same order");
        for (ASN1ObjectIdentifier oid : g.getExtensionOIDs()) {
          byte[] expected = oid.equals(Extension.authorityKeyIdentifier)
              ? ASN1OctetString.getInstance(signer.getExtensionValue(oid.getId())).getOctets()
              : g.getExtension(oid).getExtnValue().getOctets();
          assertArrayEquals(expected, r.getExtension(oid).getExtnValue().getOctets(), oid.getId());
        }
      } else {
        assertEquals(golden.getObjectAt(i), rewritten.getObjectAt(i), "field " + i);
      }
    }
  }

  @Test
  void realChainThroughASigningCertificateIsHashedUnderTheCaAfterIt() throws Exception {
    List<Der> chain = RealCorpus.pems("precerts/azul/merge-delay-preissuer-chain.pem");
    IssuedPrecertificate e = IssuedPrecertificate.fromChain(chain);
    assertEquals(Sha256.of(TestIssuanceTest.jdk(chain.get(2)).getPublicKey().getEncoded()), e.issuerKeyHash());
    assertEquals(PrecertTbs.fromPrecertificate(chain.get(0), Optional.of(chain.get(1))), e.tbsCertificate());
    assertEquals(chain.subList(1, 4), e.chain());
  }

  @Test
  void realPrecertsGiveTheTbsTheirLogSigned() throws Exception {
    // The manifest is flat JSON; a regex keeps this module free of a JSON library.
    Matcher entry = Pattern.compile("\"file\": \"([^\"]+)\".*?\"merkle_tree_leaf_b64\": \"([^\"]+)\"", Pattern.DOTALL)
        .matcher(Files.readString(RealCorpus.path("precerts/navigli2025h2/manifest.json")));
    int checked = 0;
    while (entry.find()) {
      checked++;
      Der precert = RealCorpus.pems("precerts/navigli2025h2/" + entry.group(1)).get(0);
      // MerkleTreeLeaf: version, leaf type, timestamp, entry type 1, issuer_key_hash, u24 length, TBS.
      ByteBuffer leaf = ByteBuffer.wrap(Base64.getDecoder().decode(entry.group(2)));
      leaf.position(2 + 8);
      assertEquals(1, leaf.getShort());
      leaf.position(leaf.position() + 32);
      int len = (leaf.get() & 0xff) << 16 | (leaf.getShort() & 0xffff);
      byte[] logged = Arrays.copyOfRange(leaf.array(), leaf.position(), leaf.position() + len);
      assertArrayEquals(logged, PrecertTbs.fromPrecertificate(precert, Optional.empty()).bytes(), entry.group(1));
    }
    assertEquals(24, checked);
  }

  @Test
  void aCertificateWithoutPoisonIsRefused() throws Exception {
    Der finalCert = RealCorpus.pems("precerts/final-with-scts/limbo-online/google.com.chain.pem").get(0);
    CtmonException e = assertThrows(CtmonException.class, () -> PrecertTbs.fromPrecertificate(finalCert, Optional.empty()));
    assertTrue(e.getMessage().startsWith("error reconstructing a precert tbs: no poison extension in Der["), e.getMessage());
  }
}
