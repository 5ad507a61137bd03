package org.ctmon.web.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpaceReportTest {
  @Test
  void aFileMostlyDeadIsReportedWithTheCommandThatGivesTheSpaceBackAndASmallGainIsNot(@TempDir Path dir) {
    String url = "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath();
    try (Store store = Store.open(new StoreConfig(url, "", "", 2, StoreConfig.Retention.DEFAULT))) {
      // Churn as ingest and retention cause it: pages written, then dead.
      store.jdbi().useHandle(h -> {
        h.execute("CREATE TABLE churn (k BIGINT PRIMARY KEY, v VARCHAR(200))");
        for (int round = 0; round < 20; round++) {
          h.execute("INSERT INTO churn SELECT *, REPEAT('x', 200) FROM generate_series(1, 5000)");
          h.execute("DELETE FROM churn");
        }
      });

      Optional<String> advice = new DiskSpaceReport(store.jdbi(), 1).advice();
      Optional<String> none = new DiskSpaceReport(store.jdbi(), Long.MAX_VALUE).advice();

      assertTrue(advice.isPresent());
      assertTrue(advice.get().startsWith("the H2 file " + dir.resolve("ctmon.mv.db").toAbsolutePath() + " is "),
          advice.get());
      assertTrue(advice.get().contains("stop ctmon and run `ctmon compact`"), advice.get());
      assertEquals(Optional.empty(), none);
    }
  }
}
