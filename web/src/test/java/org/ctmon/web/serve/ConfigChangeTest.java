package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigLoader;
import org.junit.jupiter.api.Test;

class ConfigChangeTest {
  private static final Config RUNNING = ConfigLoader.load(null, Map.of());

  private static Config edited(Map<String, String> env) {
    return ConfigLoader.load(null, env);
  }

  @Test
  void theLogsFollowedAndTheFetchLimitsApplyAtOnce() {
    ConfigChange c = ConfigChange.between(RUNNING, edited(Map.of("CTMON_LOGS_EXCLUDE", "TrustAsia",
        "CTMON_FETCH_PER_LOG", "DigiCert: requestsPerSecond=10", "CTMON_FETCH_PARALLELISM", "1")));

    assertEquals(List.of(), c.needRestart());
    assertEquals(List.of("TrustAsia"), c.effective().logs().exclude());
    assertEquals(1, c.effective().fetch().parallelism());
    assertEquals("DigiCert: requestsPerSecond=10", c.effective().fetch().perLog().get(0).toString());
  }

  @Test
  void whatIsBuiltOnceAtStartIsReportedAndLeftAsItRuns() {
    ConfigChange c = ConfigChange.between(RUNNING, edited(Map.of("CTMON_HTTP_PORT", "9999",
        "CTMON_LOGS_POLL_INTERVAL", "1m", "CTMON_FETCH_CONTACT", "ops@example.org", "CTMON_RETENTION_WINDOW", "30d")));

    assertEquals(List.of("http.*", "retention.*", "logs.pollInterval", "fetch.contact"), c.needRestart());
    assertEquals(RUNNING, c.effective());
  }

  @Test
  void anUnchangedFileChangesNothing() {
    assertEquals(new ConfigChange(RUNNING, List.of()), ConfigChange.between(RUNNING, edited(Map.of())));
  }
}
