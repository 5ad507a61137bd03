package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.ctmon.fetcher.harness.FollowerHarness;
import org.ctmon.fetcher.http.HttpConfig;
import org.ctmon.parser.Eventually;
import org.ctmon.parser.merkle.MerkleHash;
import org.ctmon.store.log.IncidentKind;
import org.ctmon.store.log.LogIncident;
import org.ctmon.store.log.LogIncidents;
import org.ctmon.store.log.LogState;
import org.ctmon.store.log.LogStatus;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.fault.Damage;
import org.ctmon.testlog.fault.Fault;
import org.ctmon.testlog.log.LoggedEntry;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.TestIssuance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

final class LogFollowerFaultsTest {
  private static final String RFC = "rfc6962-0";
  private static final String TILED = "static-1";
  private static final FollowerConfig CONFIG = FollowerConfig.DEFAULT
      .withStartAt(StartPosition.BEGINNING).withFetching(50, 2, 0).withCommitEntries(100);

  /** Longer than a run waits for a retry ({@link CatchUp#LONGEST_WAIT_IN_RUN}): the run ends and backs off. */
  private static final Duration LONG_RETRY_AFTER = Duration.ofMinutes(2);

  @TempDir
  Path dir;

  @Test
  void aFollowerThatReplacesAnotherKeepsItsBackoffSoALogAskingToWaitIsNotAskedAgainEarly() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(150);
      TestLog log = h.testLog(RFC);
      log.faults().add(new Fault.RateLimited(3, LONG_RETRY_AFTER));
      LogFollower old = ranOnce(h, RFC);
      FollowerStatus before = old.status();
      assertEquals(FollowerHealth.BACKING_OFF, before.health());
      old.stop();

      LogFollower replacement = h.follower(RFC, CONFIG.withFetching(7, 1, 0));
      replacement.continueFrom(old);
      long requests = h.server.requests(RFC, "ct/v1/get-entries") + h.server.requests(RFC, "ct/v1/get-sth");
      h.clock.advance(Duration.ofSeconds(10));
      replacement.runOnce();

      assertEquals(requests, h.server.requests(RFC, "ct/v1/get-entries") + h.server.requests(RFC, "ct/v1/get-sth"),
          "no request before the retry time the log gave");
      assertEquals(before.nextAttempt(), replacement.status().nextAttempt());
      assertEquals(before.consecutiveFailures(), replacement.status().consecutiveFailures());
      assertEquals(before.lastError(), replacement.status().lastError());
      assertThrows(IllegalArgumentException.class, () -> h.follower("static-1", CONFIG).continueFrom(old));
    }
  }

  @Test
  void a429WithRetryAfterBacksOffUntilTheRetryTimeThenCatchesUp() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(150);
      TestLog log = h.testLog(RFC);
      log.faults().add(new Fault.RateLimited(3, LONG_RETRY_AFTER));
      LogFollower f = h.follower(RFC, CONFIG.withFetching(50, 1, 0)); // one request at a time
      Instant start = h.clock.instant();
      f.runOnce();

      FollowerStatus s = assertBackingOffAfterA429(h, log, f, start);
      LogState stored = h.logs.state(h.logId(RFC)).orElseThrow();
      assertEquals(LogStatus.FAILING, stored.status());
      assertEquals(s.lastError(), stored.lastError());

      // Before the retry time a run does nothing at all.
      h.clock.advance(Duration.ofSeconds(119));
      f.runOnce();
      assertEquals(s.position(), f.status().position());
      assertEquals(s.nextAttempt(), f.status().nextAttempt());
      assertEquals(1, f.status().consecutiveFailures());

      runUntilCaughtUp(h, f, Duration.ofSeconds(121));
      LogFollowerCatchUpTest.assertCaughtUp(h, RFC, f);
      assertEquals(LogStatus.OK, h.logs.state(h.logId(RFC)).orElseThrow().status());
      assertTrue(f.status().lastError().orElseThrow().contains("HTTP 429"), "the last error stays, with its time");
      assertEquals(0, f.status().consecutiveFailures());
    }
  }

  /**
   * The entries that came in order before a 429 are committed first; when that commit fails too
   * (another process stored them first, the database went away) the 429 is still what the follower
   * reports and honours: otherwise its Retry-After would be lost and the log asked again at once.
   */
  @Test
  void a429StaysTheReportedFailureWhenCommittingTheEntriesBeforeItFailsToo() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(150);
      TestLog log = h.testLog(RFC);
      log.faults().add(new Fault.RateLimited(3, LONG_RETRY_AFTER)); // the second page of entries
      // One request at a time, so the 429 is the second page's and the first page waits uncommitted.
      LogFollower f = h.follower(RFC, CONFIG.withFetching(50, 1, 0), batch -> {
        throw new IllegalStateException("the database went away");
      });
      Instant start = h.clock.instant();
      f.runOnce();

      FollowerStatus s = assertBackingOffAfterA429(h, log, f, start);
    }
  }

  @Test
  void aStoredPositionThatWentBackDuringARunIsReportedAndNotTakenForAnotherProcessWinningTheRace() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(250);
      boolean[] movedBack = {false};
      LogFollower f = h.follower(RFC, CONFIG, batch -> {
        if (batch.fromIndex() == 100 && !movedBack[0]) {
          movedBack[0] = true; // say, a database restored from a backup under the running monitor
          h.store.jdbi().useHandle(x -> x.createUpdate("UPDATE logs SET next_index = 40 WHERE log_id = :id")
              .bind("id", h.logId(RFC).bytes()).execute());
        }
        return h.ingest.commit(batch);
      });
      f.runOnce();

      FollowerStatus s = f.status();
      assertTrue(movedBack[0], "the run reached the second batch");
      assertNotEquals(FollowerHealth.OK, s.health(), s.toString());
      assertTrue(s.lastError().orElseThrow().endsWith("it starts at index 100 but the stored position is 40"),
          s.lastError().orElseThrow());
      assertTrue(s.consecutiveFailures() >= 1, s.toString());
      assertEquals(100, h.entryStats(RFC)[0], "the first batch stays stored; nothing of the refused one is written");
    }
  }

  @Test
  @Timeout(120) // a halving that never ends fails here instead of hanging the build
  void pagesOverTheBodyCapAreAskedForInSmallerPiecesAndEveryEntryIsStoredOnce() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(150);
      // 40,000 bytes hold about a dozen of the test log's entries, a page of 50 about 200,000.
      LogFollower f = followerWithBodyCap(h, 40_000);
      runUntilCaughtUp(h, f, Duration.ofSeconds(1));

      long size = h.testLog(RFC).publishedSize();
      assertEquals(FollowerHealth.OK, f.status().health(), () -> f.status().toString());
      assertEquals(size, f.status().position());
      long[] stats = h.entryStats(RFC);
      assertEquals(List.of(size, size, 0L, size - 1), List.of(stats[0], stats[1], stats[2], stats[3]),
          "every entry once");
      long requests = h.server.requests(RFC, "ct/v1/get-entries");
      assertTrue(requests > 3 * ((size + 49) / 50), "pages asked for in pieces: " + requests + " requests");
    }
  }

  @Test
  @Timeout(120) // a halving that never ends fails here instead of hanging the build
  void anEntryOverTheBodyCapOnItsOwnIsReportedAndTheLogDoesNotAdvance() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(150);
      // Every entry of the test log is over 1,000 bytes of JSON; a signed head is well under.
      LogFollower f = followerWithBodyCap(h, 1_000);
      f.runOnce();

      FollowerStatus s = f.status();
      assertEquals(FollowerHealth.BACKING_OFF, s.health(), s::toString);
      assertTrue(s.lastError().orElseThrow().contains("exceeds the cap of 1000 bytes"), s.lastError().orElseThrow());
      assertTrue(Pattern.compile("error fetching entries (\\d+)-\\1 from ").matcher(s.lastError().orElseThrow()).find(),
          "the error names the one entry that does not fit: " + s.lastError().orElseThrow());
      assertEquals(0, s.position());
      assertEquals(0, h.entryStats(RFC)[0]);
      long requests = h.server.requests(RFC, "ct/v1/get-entries");
      assertTrue(requests <= 2 * 7, "halving 50 down to 1 takes 7 requests a unit, not a loop: " + requests);
    }
  }

  @Test
  void serverErrorsAreRetriedRequestByRequestAndTheRunCatchesUp() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(400);
      for (String name : List.of(RFC, TILED)) {
        TestLog log = h.testLog(name);
        log.faults().add(new Fault.ServerError(3, 503));
        LogFollower f = ranOnce(h, name);
        String error = f.status().lastError().orElseThrow();
        assertTrue(error.startsWith("error fetching ") && error.contains(" from " + h.server.prefix(log) + ": HTTP 503"),
            error);
        // One run: each failed request was asked again, the run was not ended by it.
        LogFollowerCatchUpTest.assertCaughtUp(h, name, f);
        assertEquals(0, f.status().consecutiveFailures());
      }
    }
  }

  @Test
  void truncatedPagesAreFollowedUpInTheSameRun() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(150);
      h.testLog(RFC).faults().add(new Fault.TruncatedPages(7));
      LogFollower f = ranOnce(h, RFC);
      LogFollowerCatchUpTest.assertCaughtUp(h, RFC, f);
    }
  }

  @Test
  void garbagePagesAndTilesAreAskedForAgainInTheSameRunAndNothingIsLost() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(300);
      for (String name : List.of(RFC, TILED)) {
        TestLog log = h.testLog(name);
        log.faults().add(new Fault.GarbagePages(2));
        LogFollower f = ranOnce(h, name);
        String error = f.status().lastError().orElseThrow();
        String request = name.equals(RFC) ? "entries \\d+-\\d+" : "tile/data/\\d+(\\.p/\\d+)?";
        assertTrue(Pattern.matches("error fetching " + request + " from " + Pattern.quote(h.server.prefix(log))
            + ": malformed response: .*", error), error);
        LogFollowerCatchUpTest.assertCaughtUp(h, name, f); // in the one run
        assertEquals(0, f.status().consecutiveFailures());
      }
    }
  }

  @Test
  void undecodableEntriesAreStoredAsMalformedWithTheirBytesAndTheTreeStillVerifies() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.testLog(RFC).faults().add(new Fault.DamagedEntries(25, Damage.GARBAGE_CERTIFICATE));
      h.testLog(RFC).faults().add(new Fault.DamagedEntries(40, Damage.BROKEN_FRAMING));
      h.testLog(TILED).faults().add(new Fault.DamagedEntries(30, Damage.GARBAGE_CERTIFICATE));
      h.testLog(TILED).faults().add(new Fault.DamagedEntries(45, Damage.WRONG_LEAF_INDEX));
      h.grow(200);
      for (String name : List.of(RFC, TILED)) {
        TestLog log = h.testLog(name);
        long size = log.publishedSize();
        List<LoggedEntry> served = log.entries(0, size - 1);
        long damaged = served.stream().filter(e -> e.damage().isPresent()).count();
        assertTrue(damaged >= 4, name + " has damaged entries: " + damaged);
        LogFollower f = ranOnce(h, name);

        FollowerStatus s = f.status();
        assertEquals(FollowerHealth.OK, s.health(), () -> s.toString());
        assertEquals(size, s.position());
        LogState state = h.logs.state(h.logId(name)).orElseThrow();
        assertEquals(log.head().rootHash(), state.rangeRoot().orElseThrow(), "the tree verifies across bad entries");
        assertEquals(size, state.verified().orElseThrow().treeSize());
        long[] stats = h.entryStats(name);
        assertEquals(size - damaged, stats[0]);
        assertEquals(damaged, h.malformedCount(name));
        for (MalformedRow row : malformedRows(h, name)) {
          LoggedEntry e = served.get((int) row.index);
          assertTrue(e.damage().isPresent(), "entry " + row.index + " is damaged in the log");
          assertFalse(row.reason.isEmpty());
          assertTrue(row.leaf.length > 0);
          if (name.equals(RFC) || e.damage().get() == Damage.GARBAGE_CERTIFICATE) {
            // The kept leaf is the MerkleTreeLeaf the log committed to.
            assertEquals(e.leafHash(), MerkleHash.leaf(row.leaf), "leaf bytes of entry " + row.index);
          }
        }
      }
    }
  }

  @Test
  void aTileEntryWithoutItsLeafIndexOrWithAnotherIsIndexedAndFlaggedAndTheContradictionIsAnIncident() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(20);
      TestLog log = h.testLog(TILED);
      long at = h.clock.millis();
      TestIssuance lost = FollowerHarness.PKI.issue(IssuanceRequest.simple(Names.dns("lost-index.example.com"), "R10",
          IssuanceStyle.PLAIN, List.of(), h.clock.instant()));
      TestIssuance other = FollowerHarness.PKI.issue(IssuanceRequest.simple(Names.dns("other-index.example.com"), "R10",
          IssuanceStyle.PLAIN, List.of(), h.clock.instant()));
      long missing = log.appendMisstamped(lost.x509(), at, new byte[0]);
      long wrong = log.appendMisstamped(other.x509(), at, LoggedEntry.leafIndexExtension(log.appendedSize() + 7));
      h.grow(10);

      LogFollower f = ranOnce(h, TILED);

      LogFollowerCatchUpTest.assertCaughtUp(h, TILED, f); // the tree verifies; nothing stalls
      assertTrue(h.storedTbs().containsAll(List.of(lost.tbsSha256(), other.tbsSha256())),
          "both certificates are indexed by their names");
      List<MalformedRow> flagged = malformedRows(h, TILED);
      assertEquals(List.of(missing, wrong), flagged.stream().map(MalformedRow::index).toList());
      assertTrue(flagged.get(0).reason.startsWith("no leaf_index extension"), flagged.get(0).reason);
      assertTrue(flagged.get(1).reason.startsWith("leaf_index extension " + (wrong + 7)), flagged.get(1).reason);
      List<LogIncident> incidents = new LogIncidents(h.store.jdbi()).recent(Optional.of(h.logId(TILED)), 10);
      assertEquals(1, incidents.size(), "a missing leaf_index says nothing about the log; another index does");
      assertEquals(IncidentKind.INCONSISTENT, incidents.get(0).kind());
      assertTrue(incidents.get(0).detail().contains("entry " + wrong + " carries leaf_index " + (wrong + 7)),
          incidents.get(0).detail());
      assertEquals(LogStatus.OK, h.logs.state(h.logId(TILED)).orElseThrow().status(), "followed on, not stopped");
    }
  }

  @Test
  void aBadTreeHeadSignatureIsRecordedOnceAndBackedOffFromButNeverStopsTheLog() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(100);
      for (String name : List.of(RFC, TILED)) {
        ranOnce(h, name);
        h.testLog(name).faults().add(new Fault.BadTreeHeadSignature(Fault.BadTreeHeadSignature.How.WRONG_ROOT));
      }
      h.grow(50);
      for (String name : List.of(RFC, TILED)) {
        long before = h.logs.state(h.logId(name)).orElseThrow().nextIndex();
        LogFollower f = ranOnce(h, name);
        FollowerStatus s = f.status();
        // A proxy or a truncated body can serve a bad signature: evidence of nothing the log signed.
        assertEquals(FollowerHealth.BACKING_OFF, s.health(), s::toString);
        assertTrue(s.lastError().orElseThrow().startsWith("bad tree head signature from "
            + h.server.prefix(h.testLog(name))), s.lastError().orElseThrow());
        LogState state = h.logs.state(h.logId(name)).orElseThrow();
        assertEquals(LogStatus.FAILING, state.status());
        assertEquals(before, state.nextIndex(), "position unchanged");
        assertEquals(List.of("bad_signature a b"), h.incidents(name), "the operator hears of it");
        assertEquals(1, invalidHeads(h, name), "the bad head is kept with its signature");

        // Served again: backed off from again, not one more incident per poll.
        h.clock.advance(Duration.ofMinutes(10));
        f.runOnce();
        assertEquals(FollowerHealth.BACKING_OFF, f.status().health());
        assertEquals(1, h.incidents(name).size());

        // Once the log serves good heads again, the follower catches up.
        h.testLog(name).faults().clear();
        h.clock.advance(Duration.ofMinutes(10));
        f.runOnce();
        LogFollowerCatchUpTest.assertCaughtUp(h, name, f);
        assertEquals(LogStatus.OK, h.logs.state(h.logId(name)).orElseThrow().status());
      }
    }
  }

  @Test
  void aSplitViewIsStoredWithBothHeadsAndStopsTheLog() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(100);
      for (String name : List.of(RFC, TILED)) {
        ranOnce(h, name);
        long size = h.testLog(name).publishedSize();
        h.testLog(name).faults().add(new Fault.SplitView(size - 10));
      }
      h.grow(50);
      for (String name : List.of(RFC, TILED)) {
        long before = h.logs.state(h.logId(name)).orElseThrow().nextIndex();
        LogFollower f = ranOnce(h, name);
        assertStoppedWithAnInconsistentIncident(h, name, f, "served heads that cannot both be true");
        LogState state = h.logs.state(h.logId(name)).orElseThrow();
        assertEquals(LogStatus.STOPPED, state.status());
        assertEquals(before, state.nextIndex());
      }
    }
  }

  @Test
  void aHeadSeenWhileACatchUpStoppedHalfWayIsCheckedAgainstTheNextLargerHead() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(300);
      for (String name : List.of(RFC, TILED)) {
        TestLog log = h.testLog(name);
        long first = log.publishedSize();
        log.faults().add(new Fault.RateLimited(3, LONG_RETRY_AFTER)); // the second page or tile
        LogFollower f = h.follower(name, CONFIG.withFetching(50, 1, 0)); // one request at a time
        f.runOnce();
        long cut = h.logs.state(h.logId(name)).orElseThrow().nextIndex();
        assertEquals(FollowerHealth.BACKING_OFF, f.status().health(), () -> f.status().toString());
        assertTrue(cut > 0 && cut + 14 < first, name + " stopped at " + cut + " of " + first);
        log.faults().clear();
        // Then the log forks below the head it served, above where the follower stopped: the new,
        // larger head extends everything stored, but not the head seen before.
        log.faults().add(new Fault.SplitView(cut + 14));
      }
      h.grow(50);
      for (String name : List.of(RFC, TILED)) {
        long before = h.logs.state(h.logId(name)).orElseThrow().nextIndex();
        h.clock.advance(Duration.ofHours(1));
        LogFollower f = ranOnce(h, name);
        assertStoppedWithAnInconsistentIncident(h, name, f, "cannot both be true");
        assertEquals(before, h.logs.state(h.logId(name)).orElseThrow().nextIndex(), name);
      }
    }
  }

  /**
   * Issue 13, point 1: a static log signs a checkpoint of a fork (seen while the catch-up could not
   * reach it), then grows its real tree and keeps serving the fork's partial tiles of that size. The
   * smaller root read from those tiles is the fork's, so checking consistency from them passes;
   * read from the larger tree's own tiles it is not, and the log is caught.
   */
  @Test
  void aForkedSmallerCheckpointWithItsOwnPartialTilesIsCaughtFromTheLargerTreesTiles() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(60);
      TestLog log = h.testLog(TILED);
      LogFollower f = h.follower(TILED, CONFIG);
      runUntilCaughtUp(h, f, Duration.ofSeconds(10));
      long verified = log.publishedSize();
      h.grow(10);
      long forkedSize = log.publishedSize();
      assertTrue(verified + 3 < forkedSize && forkedSize < 256, verified + " then " + forkedSize + ", in one tile");
      log.faults().add(new Fault.ForkedCheckpoint(verified + 3, forkedSize));
      log.faults().add(new Fault.GarbagePages(1)); // the fork's entries never reach the follower

      h.clock.advance(Duration.ofMinutes(1));
      f.runOnce(); // the forked head extends the verified one: it agrees below the fork

      assertEquals(FollowerHealth.BACKING_OFF, f.status().health(), () -> f.status().toString());
      assertEquals(List.of(), h.incidents(TILED));
      assertEquals(verified, h.logs.state(h.logId(TILED)).orElseThrow().nextIndex());
      log.faults().clear();
      log.faults().add(new Fault.ForkedCheckpoint(verified + 3, forkedSize)); // its partial tiles stay
      h.grow(30);
      assertTrue(log.publishedSize() > forkedSize);

      h.clock.advance(Duration.ofHours(1));
      f.runOnce();

      assertStoppedWithAnInconsistentIncident(h, TILED, f, "cannot both be true");
      assertEquals(verified, h.logs.state(h.logId(TILED)).orElseThrow().nextIndex(), "nothing of either tree stored");
    }
  }

  @Test
  void aLogRolledBackToASmallerTreeWithAFreshHeadIsStoppedWithBothHeadsAsEvidence() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(100);
      for (String name : List.of(RFC, TILED)) {
        LogFollower f = ranOnce(h, name);
        long size = h.testLog(name).publishedSize();
        assertEquals(size, h.logs.state(h.logId(name)).orElseThrow().nextIndex());
        h.testLog(name).faults().add(new Fault.Rollback(size - 30)); // restored from an old backup
        assertEquals(size - 30, h.testLog(name).publishedSize());

        f.runOnce();

        assertStoppedWithAnInconsistentIncident(h, name, f, "never shrinks");
        assertEquals(size, h.logs.state(h.logId(name)).orElseThrow().nextIndex(), "nothing undone");
      }
    }
  }

  /**
   * Entries stored past the verified head were fetched toward a larger head: a log rolled back to a
   * size between the two, with a fresh head, is consistent with the verified head and smaller than
   * the stored position, and must still be caught, also after a restart.
   */
  @Test
  void aRollbackBetweenTheVerifiedHeadAndTheStoredPositionIsCaughtAgainstTheLargestHeadSeen() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(30);
      for (String name : List.of(RFC, TILED)) {
        ranOnce(h, name);
        long verified = h.testLog(name).publishedSize();
        assertEquals(verified, h.logs.state(h.logId(name)).orElseThrow().verified().orElseThrow().treeSize());
      }
      h.grow(600);
      for (String name : List.of(RFC, TILED)) {
        long verified = h.logs.state(h.logId(name)).orElseThrow().verified().orElseThrow().treeSize();
        long largest = h.testLog(name).publishedSize();
        // The store takes one batch of the catch-up, then fails: the run stops part-way.
        java.util.concurrent.atomic.AtomicInteger commits = new java.util.concurrent.atomic.AtomicInteger();
        LogFollower f = h.follower(name, CONFIG, batch -> {
          if (commits.incrementAndGet() == 2) {
            throw new IllegalStateException("the database went away");
          }
          return h.ingest.commit(batch);
        });
        f.runOnce();
        LogState state = h.logs.state(h.logId(name)).orElseThrow();
        long pos = state.nextIndex();
        assertEquals(verified, state.verified().orElseThrow().treeSize(), "not verified further");
        assertTrue(pos > verified + 5 && pos < largest, "stopped part-way: " + verified + " < " + pos + " < " + largest);

        h.testLog(name).faults().add(new Fault.Rollback(pos - 5));
        h.clock.advance(Duration.ofMinutes(6)); // past the failed run's backoff
        // The same follower remembers the largest head; one started afresh (ctmon restarted) finds
        // it on record. Each catches the rollback.
        LogFollower follower = name.equals(RFC) ? f : h.follower(name, CONFIG);
        follower.runOnce();

        assertStoppedWithAnInconsistentIncident(h, name, follower, "never shrinks");
      }
    }
  }

  @Test
  void aStaleSmallerHeadSignedEarlierIsCheckedAsAPrefixAndIsNoIncident() throws Exception {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(60);
      org.ctmon.parser.treehead.TreeHead stale = h.testLog(RFC).head().treeHead();
      // The next head is signed at a later millisecond (the test log signs on the system clock).
      Eventually.await(Duration.ofSeconds(5), Duration.ofMillis(1), () -> System.currentTimeMillis() > stale.timestamp(),
          () -> "the system clock stands still");
      h.grow(60);
      org.ctmon.parser.treehead.TreeHead verified = h.testLog(RFC).head().treeHead();
      assertTrue(stale.treeSize() < verified.treeSize() && stale.timestamp() < verified.timestamp());
      Rfc6962Source source = new Rfc6962Source(new org.ctmon.fetcher.rfc6962.Rfc6962Client(h.http, h.ctLog(RFC),
          java.time.Clock.systemUTC()));
      long proofsBefore = h.server.requests(h.testLog(RFC).name(), "ct/v1/get-sth-consistency");

      // What a cache or a lagging frontend serves: an earlier head. Fetching stops; no incident.
      assertFalse(TreeVerifier.mayAdvance(source, verified, stale));
      assertEquals(proofsBefore + 1, h.server.requests(h.testLog(RFC).name(), "ct/v1/get-sth-consistency"),
          "the stale head was proven a prefix of the verified one");

      // A frontend whose signer's clock runs ahead: smaller, signed later, and still a prefix the
      // log proves. Not a rollback; fetching just waits for a larger head.
      org.ctmon.parser.treehead.TreeHead skewed = new org.ctmon.parser.treehead.TreeHead(stale.treeSize(),
          verified.timestamp() + 1_000, stale.rootHash());
      assertFalse(TreeVerifier.mayAdvance(source, verified, skewed));
    }
  }

  @Test
  void aHeadOfTheVerifiedSizeWithAnotherRootIsASplitView() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(100);
      LogFollower f = ranOnce(h, RFC);
      long size = h.testLog(RFC).publishedSize();
      h.testLog(RFC).faults().add(new Fault.SplitView(size - 10));
      h.testLog(RFC).publish();
      assertEquals(size, h.testLog(RFC).publishedSize());
      f.runOnce();
      assertEquals(FollowerHealth.STOPPED, f.status().health());
      assertEquals(List.of("split_view a b"), h.incidents(RFC));
      assertEquals(size, h.logs.state(h.logId(RFC)).orElseThrow().nextIndex());
    }
  }

  @Test
  void entriesThatDoNotHashToTheHeadAreNotCommittedAndStopTheLog() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(200);
      long size = h.testLog(RFC).publishedSize();
      // After the first batch is stored, the log starts serving other entries than those its head covers.
      List<Long> ends = h.runIntoSplitView(RFC, CONFIG.withFetching(50, 1, 0), b -> b.position().nextIndex());
      LogState state = h.logs.state(h.logId(RFC)).orElseThrow();
      long last = ends.get(ends.size() - 1);
      assertTrue(last < size && last >= 100, "batches ending at " + ends);
      assertEquals(last, state.nextIndex(), "the batch that reached the bad head is not stored");
      assertTrue(state.verified().isEmpty());
      assertEquals(last, h.entryStats(RFC)[0]);
    }
  }

  @Test
  void aFailingLogDoesNotHoldBackAnotherOnTheSamePool() {
    try (FollowerHarness h = new FollowerHarness(dir, TestLogOptions.defaults())) {
      h.grow(150);
      h.testLog(RFC).faults().add(new Fault.ServerError(1, 500));
      LogFollower failing = h.follower(RFC, CONFIG);
      LogFollower healthy = h.follower(TILED, CONFIG);
      failing.runOnce();
      healthy.runOnce();
      assertEquals(FollowerHealth.BACKING_OFF, failing.status().health());
      assertEquals(LogStatus.FAILING, h.logs.state(h.logId(RFC)).orElseThrow().status());
      LogFollowerCatchUpTest.assertCaughtUp(h, TILED, healthy);
      assertEquals(LogStatus.OK, h.logs.state(h.logId(TILED)).orElseThrow().status());
    }
  }

  /** The follower backs off after the test log's 429 (Retry-After 120 s) and reports it. */
  private static FollowerStatus assertBackingOffAfterA429(FollowerHarness h, TestLog log, LogFollower f,
                                                          Instant start) {
    FollowerStatus s = f.status();
    assertEquals(FollowerHealth.BACKING_OFF, s.health());
    assertTrue(Pattern.matches("error fetching entries \\d+-\\d+ from " + Pattern.quote(h.server.prefix(log))
        + ": HTTP 429 \\(retry after 120 s\\)(: .*)?", s.lastError().orElseThrow()), s.lastError().orElseThrow());
    assertFalse(s.nextAttempt().orElseThrow().isBefore(start.plusSeconds(120)), "retry-after is honoured");
    return s;
  }

  /** The follower stopped the log, saying {@code why}, with one incident of two heads that cannot both be true. */
  private static void assertStoppedWithAnInconsistentIncident(FollowerHarness h, String name, LogFollower f,
                                                              String why) {
    assertEquals(FollowerHealth.STOPPED, f.status().health(), () -> f.status().toString());
    assertTrue(f.status().lastError().orElseThrow().contains(why), f.status().lastError().orElseThrow());
    assertEquals(List.of("inconsistent a b"), h.incidents(name));
  }

  /** A new follower of {@code name} with the test's configuration, after one run. */
  private static LogFollower ranOnce(FollowerHarness h, String name) {
    LogFollower f = h.follower(name, CONFIG);
    f.runOnce();
    return f;
  }

  /** A follower of the RFC 6962 log whose client refuses bodies over {@code maxBodyBytes}. */
  private static LogFollower followerWithBodyCap(FollowerHarness h, long maxBodyBytes) {
    OkHttpClient capped = HttpConfig.withContact("ctmon-tests@example.org").withMaxBodyBytes(maxBodyBytes).newClient();
    return h.follower(RFC, CONFIG, h.ingest::commit, capped);
  }

  static void runUntilCaughtUp(FollowerHarness h, LogFollower f, Duration step) {
    for (int i = 0; i < 100; i++) {
      f.runOnce();
      FollowerStatus s = f.status();
      if (s.health() == FollowerHealth.OK && s.lag() == 0 && s.position() > 0) {
        return;
      }
      h.clock.advance(step);
    }
    throw new AssertionError("not caught up after 100 runs: " + f.status());
  }

  private record MalformedRow(long index, byte[] leaf, String reason) {}

  private static List<MalformedRow> malformedRows(FollowerHarness h, String name) {
    return h.store.jdbi().withHandle(x -> x.createQuery("SELECT m.entry_index, m.leaf, m.reason FROM malformed_entries m"
            + " JOIN logs l ON l.id = m.log WHERE l.log_id = :id ORDER BY m.entry_index")
        .bind("id", h.logId(name).bytes())
        .map((rs, ctx) -> new MalformedRow(rs.getLong(1), rs.getBytes(2), rs.getString(3)))
        .list());
  }

  private static long invalidHeads(FollowerHarness h, String name) {
    return h.store.jdbi().withHandle(x -> x.createQuery("SELECT COUNT(*) FROM tree_heads t JOIN logs l ON l.id = t.log"
            + " WHERE l.log_id = :id AND NOT t.signature_valid AND LENGTH(t.signature) > 0")
        .bind("id", h.logId(name).bytes())
        .mapTo(Long.class)
        .one());
  }

}
