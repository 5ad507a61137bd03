package org.ctmon.testlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.fault.LaterFault;
import org.ctmon.testlog.log.LogProtocol;
import org.junit.jupiter.api.Test;

final class TestLogMainTest {
  @Test
  void aCommandLineBecomesOptions() {
    TestLogOptions o = TestLogMain.parse(new String[] {"--port", "8062", "--entries", "1000", "--grow", "2.5",
        "--logs", "rfc6962,static,static", "--seed", "7", "--batch", "32", "--gzip", "--delete-partial-tiles",
        "--fault", "429/3", "--fault", "slow/200ms", "--fault", "split-view/500@30s"});
    assertEquals(8062, o.port());
    assertEquals(1000, o.entries());
    assertEquals(2.5, o.growRate());
    assertEquals(List.of(LogProtocol.RFC6962, LogProtocol.STATIC, LogProtocol.STATIC), o.protocols());
    assertEquals(7, o.seed());
    assertEquals(32, o.batchCap());
    assertTrue(o.gzip());
    assertTrue(o.deletePartialTiles());
    assertEquals(List.of(new Fault.RateLimited(3, Duration.ofSeconds(1)), new Fault.Slow(Duration.ofMillis(200))), o.faults());
    assertEquals(List.of(new LaterFault(Duration.ofSeconds(30), new Fault.SplitView(500))), o.laterFaults());
  }

  @Test
  void noArgumentsGiveTheDefaults() {
    assertEquals(TestLogOptions.defaults(), TestLogMain.parse(new String[0]));
  }

  @Test
  void badOptionsAreRejectedByName() {
    assertEquals("unknown option --nope",
        assertThrows(IllegalArgumentException.class, () -> TestLogMain.parse(new String[] {"--nope"})).getMessage());
    assertEquals("option --port needs a value",
        assertThrows(IllegalArgumentException.class, () -> TestLogMain.parse(new String[] {"--port"})).getMessage());
    assertThrows(IllegalArgumentException.class, () -> TestLogMain.parse(new String[] {"--logs", "rfc9162"}));
    assertThrows(IllegalArgumentException.class, () -> TestLogMain.parse(new String[] {"--fault", "teapot/1"}));
  }
}
