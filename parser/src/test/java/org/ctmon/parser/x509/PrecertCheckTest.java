package org.ctmon.parser.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ctmon.parser.Corpus;
import org.ctmon.parser.Der;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.parser.leaf.PrecertEntry;
import org.junit.jupiter.api.Test;

final class PrecertCheckTest {
  private static List<PrecertEntry> navigliPrecerts() {
    List<PrecertEntry> out = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      for (EntryDecoding d : DataTile.decode(n * 256L, Corpus.bytes("static-ct/navigli2025h2/tile/data/00" + n))) {
        if (d instanceof Decoded ok && ok.entry() instanceof PrecertEntry p) {
          out.add(p);
        }
      }
    }
    return out;
  }

  @Test
  void everyRealPrecertificateOfNavigliIsTheOneItsLogSigned() {
    List<PrecertEntry> precerts = navigliPrecerts();
    assertEquals(1024, precerts.size(), "the corpus notes 1024 precert entries");
    for (PrecertEntry p : precerts) {
      assertEquals(Optional.empty(), PrecertCheck.mismatch(p.preCertificate(), p.tbsCertificate()),
          "entry " + p.index());
    }
  }

  @Test
  void aPrecertificateForAnotherSubjectKeyOrValidityIsNotTheOneSigned() {
    PrecertEntry p = navigliPrecerts().get(0);
    byte[] pre = p.preCertificate().bytes();
    // Flip one byte inside the precertificate's TBS, past the serial (validity, subject or key).
    byte[] other = pre.clone();
    int at = pre.length / 3;
    other[at] ^= 0x01;
    Optional<String> why = PrecertCheck.mismatch(Der.of(other), p.tbsCertificate());
    assertTrue(why.isPresent(), "a changed byte at " + at + " is caught");
    // Another log entry's precertificate beside this entry's TBS.
    PrecertEntry q = navigliPrecerts().get(1);
    assertTrue(PrecertCheck.mismatch(q.preCertificate(), p.tbsCertificate()).isPresent());
  }

  @Test
  void garbageInPlaceOfThePrecertificateSaysItDoesNotDecode() {
    PrecertEntry p = navigliPrecerts().get(0);
    Optional<String> why = PrecertCheck.mismatch(Der.of(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}), p.tbsCertificate());
    assertTrue(why.orElseThrow().startsWith("it does not decode: precertificate tbs: expected tag 0x30"),
        why.orElseThrow());
  }
}
