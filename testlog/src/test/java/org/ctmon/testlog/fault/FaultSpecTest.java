package org.ctmon.testlog.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

final class FaultSpecTest {
  private static final List<Fault> EVERY_KIND = List.of(
      new Fault.RateLimited(3, Duration.ofSeconds(1)),
      new Fault.RateLimitedUntil(Instant.parse("2026-11-28T12:00:00Z"), Duration.ofSeconds(1)),
      new Fault.ServerError(2, 503),
      new Fault.Slow(Duration.ofMillis(250)),
      new Fault.TruncatedPages(7),
      new Fault.GarbagePages(5),
      new Fault.DamagedEntries(100, Damage.BROKEN_FRAMING),
      new Fault.BadTreeHeadSignature(Fault.BadTreeHeadSignature.How.CORRUPT_BYTES),
      new Fault.SplitView(1000),
      new Fault.ForkedCheckpoint(1000, 1020),
      new Fault.Rollback(900));

  @Test
  void everyFaultParsesBackFromItsDescription() {
    for (Fault f : EVERY_KIND) {
      assertEquals(f, FaultSpec.parse(f.describe()), f.describe());
    }
  }

  @Test
  void handWrittenSpecsParse() {
    assertEquals(new Fault.RateLimited(4, Duration.ofSeconds(30)), FaultSpec.parse("429/4/30s"));
    assertEquals(new Fault.ServerError(1, 500), FaultSpec.parse("500/1"));
    assertEquals(new Fault.DamagedEntries(10, Damage.GARBAGE_CERTIFICATE), FaultSpec.parse("damaged/10/garbage_certificate"));
    assertEquals(new Fault.BadTreeHeadSignature(Fault.BadTreeHeadSignature.How.WRONG_ROOT), FaultSpec.parse("bad-signature"));
  }

  @Test
  void badSpecsAreRejectedNamingTheSpec() {
    for (String bad : List.of("teapot/1", "429", "429/0", "slow/fast", "302/1", "damaged/3/melted", "split-view/-1",
        "rollback/-5", "rollback", "forked-checkpoint/20/20", "forked-checkpoint/5")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("fault '" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void aDelayAfterTheSpecMakesTheFaultBeginLater() {
    assertEquals(new LaterFault(Duration.ofSeconds(30), new Fault.SplitView(1500)), FaultSpec.parseLater("split-view/1500@30s"));
    assertEquals(new LaterFault(Duration.ofMinutes(2), new Fault.ServerError(3, 503)), FaultSpec.parseLater("503/3@2m"));
    assertEquals(new LaterFault(Duration.ofMillis(500), new Fault.Slow(Duration.ofMillis(20))),
        FaultSpec.parseLater("slow/20ms@500ms"));
    assertEquals(new LaterFault(Duration.ZERO, new Fault.SplitView(7)), FaultSpec.parseLater("split-view/7"));
    for (LaterFault f : List.of(FaultSpec.parseLater("split-view/1500@30s"), FaultSpec.parseLater("garbage/5"))) {
      assertEquals(f, FaultSpec.parseLater(f.describe()), f.describe());
    }
    for (String bad : List.of("split-view/1500@soon", "split-view/1500@-3s", "teapot/1@3s")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parseLater(bad), bad);
      assertTrue(e.getMessage().startsWith("fault '"), e.getMessage());
    }
  }
}
