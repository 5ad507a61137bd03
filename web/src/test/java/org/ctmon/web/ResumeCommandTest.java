package org.ctmon.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.ctmon.parser.Der;
import org.ctmon.parser.Sha256;
import org.ctmon.store.Store;
import org.ctmon.store.StoreConfig;
import org.ctmon.store.log.LogKind;
import org.ctmon.store.log.LogSpec;
import org.ctmon.store.log.LogStatus;
import org.ctmon.store.log.Logs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeCommandTest {
  private static final Sha256 ARGON = Sha256.of(new byte[] {1});
  private static final Sha256 XENON = Sha256.of(new byte[] {2});
  @TempDir Path dir;
  private String url;

  @BeforeEach
  void aDatabaseWithOneStoppedLog() {
    url = "jdbc:h2:file:" + dir.resolve("ctmon").toAbsolutePath();
    try (Store store = Store.open(StoreConfig.defaults().withDatabase(url, "", ""))) {
      Logs logs = new Logs(store.jdbi(), Clock.systemUTC());
      logs.register(new LogSpec(ARGON, Der.of(new byte[] {1}), "Google 'Argon2026h2' log", "Google", LogKind.RFC6962,
          "https://ct.googleapis.com/logs/us1/argon2026h2/", null, "usable", 86400));
      logs.register(new LogSpec(XENON, Der.of(new byte[] {2}), "Google 'Xenon2026h2' log", "Google", LogKind.RFC6962,
          "https://ct.googleapis.com/logs/eu1/xenon2026h2/", null, "usable", 86400));
      logs.setStatus(ARGON, LogStatus.STOPPED, "split view at tree size 10");
    }
  }

  private CommandRun resume(String databaseUrl, String log) throws Exception {
    return CommandRun.withDatabase(dir, databaseUrl, "resume", log);
  }

  private LogStatus status(Sha256 log) {
    try (Store store = Store.open(StoreConfig.defaults().withDatabase(url, "", ""))) {
      return new Logs(store.jdbi(), Clock.systemUTC()).state(log).orElseThrow().status();
    }
  }

  @Test
  void aStoppedLogNamedByItsIdIsFollowedAgainAndTheOperatorIsToldWhyItHadStopped() throws Exception {
    CommandRun run = resume(url, ARGON.base64());

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("Google 'Argon2026h2' log will be followed again from entry 0, the next time"), run.out());
    assertTrue(run.out().contains("It was stopped because: split view at tree size 10."), run.out());
    assertEquals(LogStatus.OK, status(ARGON));
  }

  @Test
  void aUniquePartOfTheNameWorksAndALogThatIsNotStoppedIsLeftAlone() throws Exception {
    assertEquals(0, resume(url, "argon2026").exit());
    assertEquals(LogStatus.OK, status(ARGON));

    CommandRun again = resume(url, "Xenon");
    assertEquals(0, again.exit());
    assertTrue(again.out().contains("is not stopped (ok); nothing to do"), again.out());
  }

  @Test
  void anAmbiguousOrUnknownLogOrAMissingDatabaseIsAnErrorAndChangesNothing() throws Exception {
    CommandRun several = resume(url, "Google");
    CommandRun none = resume(url, "Nimbus");
    CommandRun noDatabase = resume("jdbc:h2:file:" + dir.resolve("typo").toAbsolutePath(), "Argon");

    assertEquals(1, several.exit());
    assertTrue(several.err().contains("several logs match Google"), several.err());
    assertEquals(1, none.exit());
    assertTrue(none.err().contains("no log is Nimbus"), none.err());
    assertEquals(1, noDatabase.exit());
    assertTrue(noDatabase.err().startsWith("ctmon resume: cannot open "), noDatabase.err());
    assertTrue(Files.notExists(dir.resolve("typo.mv.db")), "no empty database created");
    assertEquals(LogStatus.STOPPED, status(ARGON));
  }
}
