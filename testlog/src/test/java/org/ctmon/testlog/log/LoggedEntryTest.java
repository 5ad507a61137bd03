package org.ctmon.testlog.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.ctmon.parser.leaf.DataTile;
import org.ctmon.parser.leaf.Decoded;
import org.ctmon.parser.leaf.EntryDecoding;
import org.ctmon.testlog.pki.IssuanceStream;
import org.ctmon.testlog.pki.Submission;
import org.ctmon.testlog.pki.TestIssuance;
import org.ctmon.testlog.pki.TestLogKey;
import org.ctmon.testlog.pki.TestPki;
import org.junit.jupiter.api.Test;

final class LoggedEntryTest {
  private static final TestPki PKI = TestPki.create(6962);

  @Test
  void theFastEncodingsEqualThePkisForEveryStyleAndProtocol() {
    TestLogKey key = TestLogKey.fromSeed(6962, "encoding-test");
    IssuanceStream stream = new IssuanceStream(PKI, List.of(key), 11, Instant.parse("2026-11-01T00:00:00Z"),
        IssuanceStream.DEFAULT_CA_WEIGHTS);
    int n = 0;
    for (TestIssuance issuance : stream.next(40)) {
      for (Submission entry : issuance.entries()) {
        for (LogProtocol protocol : LogProtocol.values()) {
          LoggedEntry e = LoggedEntry.of(n, 1_700_000_000_000L + n, entry, protocol);
          byte[] ext = e.extensions();
          byte[] te = entry.timestampedEntry(e.timestamp(), ext);
          byte[] leaf = new byte[te.length + 2];
          System.arraycopy(te, 0, leaf, 2, te.length);
          assertArrayEquals(leaf, e.leafInput(), e + " " + protocol);
          assertArrayEquals(entry.extraData(), e.extraData(), e + " " + protocol);
          assertArrayEquals(entry.tileLeaf(e.timestamp(), ext), e.tileLeaf(), e + " " + protocol);
          n++;
        }
      }
    }
  }

  @Test
  void theLeafIndexExtensionIsWhatTheParserReadsBack() {
    TestIssuance issuance = new IssuanceStream(PKI, List.of(TestLogKey.fromSeed(6962, "x")), 3,
        Instant.parse("2026-11-01T00:00:00Z")).next();
    long index = 0x0102030405L;
    LoggedEntry e = LoggedEntry.of(index, 1_700_000_000_000L, issuance.x509(), LogProtocol.STATIC);
    assertArrayEquals(new byte[] {0, 0, 5, 1, 2, 3, 4, 5}, e.extensions());
    List<EntryDecoding> decoded = DataTile.decode(index, e.tileLeaf());
    assertEquals(OptionalLong.of(index), ((Decoded) decoded.get(0)).entry().leafIndexExtension());
    assertThrows(IllegalArgumentException.class, () -> LoggedEntry.leafIndexExtension(1L << 40));
  }
}
