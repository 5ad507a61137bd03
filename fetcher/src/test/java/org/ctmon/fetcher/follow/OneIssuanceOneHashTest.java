package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.parser.Sha256;
import org.ctmon.parser.x509.PrecertCheck;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.log.LoggedEntry;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.IssuedPrecertificate;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.TbsQuirk;
import org.ctmon.testlog.pki.TestIssuance;
import org.ctmon.testlog.pki.TestLogKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CA that writes its TBS not quite in DER (an explicit critical FALSE, a non-minimal serial, a
 * UTCTime without seconds) gets its precertificate logged in DER by a Go log, while the final
 * certificate keeps its bytes: followed through both kinds of log, the pair is still one issuance.
 */
final class OneIssuanceOneHashTest {
  private static final FollowerConfig CONFIG = FollowerConfig.DEFAULT
      .withStartAt(StartPosition.BEGINNING).withFetching(50, 2, 0).withCommitEntries(100);

  @TempDir
  Path dir;

  @Test
  void aPrecertificateAndItsFinalCertificateWrittenWithQuirksAreOneIssuance() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      TestLog rfc = h.testLog("rfc6962-0");
      TestLog tiled = h.testLog("static-1");
      Set<Sha256> expected = new HashSet<>();
      List<TestIssuance> quirky = new ArrayList<>();
      for (TbsQuirk quirk : TbsQuirk.values()) {
        String name = quirk.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".example.com";
        IssuanceRequest r = IssuanceRequest.simple(Names.dns(name), "E6", IssuanceStyle.PRECERT,
            List.of(rfc.key(), tiled.key()), h.clock.instant()).withQuirks(quirk);
        // the static log's SCT names the leaf_index the precert entry will get there
        TestIssuance i = FollowerHarness.PKI.issue(r, Map.of(tiled.key(), LoggedEntry.leafIndexExtension(tiled.appendedSize())));
        h.server.feed().log(i);
        quirky.add(i);
        expected.add(i.tbsSha256());
      }
      h.server.publish();
      for (String log : List.of("rfc6962-0", "static-1")) {
        LogFollowerFaultsTest.runUntilCaughtUp(h, h.follower(log, CONFIG), Duration.ofSeconds(10));
      }

      assertEquals(3L * quirky.size(), rfc.publishedSize() + tiled.publishedSize(), "each precert in two logs, its final in one");
      assertEquals(expected, h.storedTbs(), "one issuance per precert and final, under the logged tbs's hash");
      assertEquals(TbsQuirk.values().length, h.issuanceCount());
      assertEquals(0, h.malformedCount("rfc6962-0") + h.malformedCount("static-1"));
    }
  }

  @Test
  void aQuirkyPrecertificateIsTheOneItsGoLogSignedThoughTheLogWroteItsTbsInDer() {
    for (TbsQuirk quirk : TbsQuirk.values()) {
      for (IssuanceStyle style : List.of(IssuanceStyle.PRECERT, IssuanceStyle.PRECERT_VIA_SIGNING_CERT)) {
        IssuanceRequest r = IssuanceRequest.simple(Names.dns("check.example.com"), "E6", style,
            List.of(TestLogKey.fromSeed(1, "check-log")),
            java.time.Instant.parse("2026-11-28T12:00:00Z")).withQuirks(quirk);
        IssuedPrecertificate e = FollowerHarness.PKI.issue(r).precert().orElseThrow();
        assertEquals(Optional.empty(), PrecertCheck.mismatch(e.precertificate(), e.tbsCertificate()), quirk + " " + style);
      }
    }
  }
}
