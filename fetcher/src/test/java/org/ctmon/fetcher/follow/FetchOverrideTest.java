package org.ctmon.fetcher.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.ctmon.fetcher.loglist.CtLog;
import org.ctmon.fetcher.loglist.LogList;
import org.ctmon.fetcher.loglist.LogListParser;
import org.ctmon.parser.Corpus;
import org.junit.jupiter.api.Test;

class FetchOverrideTest {
  private static final LogList V89 = LogListParser.parse(
      Corpus.bytes("loglist/chrome_v3_all_logs_list_v89.25_2026-08-20.json"), "v89.25");

  private static CtLog log(String description) {
    return V89.logs().stream().filter(l -> l.description().equals(description)).findFirst()
        .orElseThrow(() -> new AssertionError("no log " + description));
  }

  @Test
  void anOverrideChangesOnlyTheLimitsItSetsAndOnlyForTheLogsItNames() {
    List<FetchOverride> overrides = List.of(FetchOverride.parse("DigiCert: requestsPerSecond=10 batchSize=256"));
    FollowerConfig base = FollowerConfig.DEFAULT.withFetching(512, 3, 5);

    FollowerConfig wyvern = FetchOverride.resolve(base, overrides, log("DigiCert 'Wyvern2026h2'"));
    FollowerConfig argon = FetchOverride.resolve(base, overrides, log("Google 'Argon2026h2' log"));

    assertEquals(List.of(256, 3, 10.0), List.of(wyvern.batchSize(), wyvern.parallelism(), wyvern.requestsPerSecond()));
    assertEquals(base, argon);
  }

  @Test
  void overridesApplyInOrderAndALaterOneWinsForTheKeysItSets() {
    List<FetchOverride> overrides = List.of(
        FetchOverride.parse("Google: batchSize=32 parallelism=4"),
        FetchOverride.parse("*Argon2026h2*: parallelism=1"));

    FollowerConfig argon = FetchOverride.resolve(FollowerConfig.DEFAULT, overrides, log("Google 'Argon2026h2' log"));
    FollowerConfig xenon = FetchOverride.resolve(FollowerConfig.DEFAULT, overrides, log("Google 'Xenon2026h2' log"));

    assertEquals(List.of(32, 1), List.of(argon.batchSize(), argon.parallelism()));
    assertEquals(List.of(32, 4), List.of(xenon.batchSize(), xenon.parallelism()));
  }

  @Test
  void theOperatorNameSelectsEveryLogOfThatOperator() {
    FetchOverride trustAsia = FetchOverride.parse("trustasia: parallelism=1");

    List<CtLog> selected = V89.logs().stream().filter(trustAsia::appliesTo).toList();

    assertEquals(V89.logs().stream().filter(l -> l.operator().equals("TrustAsia")).toList(), selected);
    assertEquals(true, selected.size() > 1, "TrustAsia runs several logs in the list: " + selected);
  }

  @Test
  void badOverridesSayWhatIsWrong() {
    assertEquals("'DigiCert requestsPerSecond=10' is not PATTERN: key=value ... (e.g. DigiCert: requestsPerSecond=10)",
        assertThrows(IllegalArgumentException.class, () -> FetchOverride.parse("DigiCert requestsPerSecond=10")).getMessage());
    assertEquals("'DigiCert': unknown key 'rps' (known: batchSize, parallelism, requestsPerSecond)",
        assertThrows(IllegalArgumentException.class, () -> FetchOverride.parse("DigiCert: rps=10")).getMessage());
    assertEquals("'DigiCert': batchSize=lots is not a number",
        assertThrows(IllegalArgumentException.class, () -> FetchOverride.parse("DigiCert: batchSize=lots")).getMessage());
    assertEquals("'DigiCert': batch size 0 must be at least 1",
        assertThrows(IllegalArgumentException.class, () -> FetchOverride.parse("DigiCert: batchSize=0")).getMessage());
    assertEquals("'DigiCert' sets nothing: give at least one of batchSize, parallelism, requestsPerSecond",
        assertThrows(IllegalArgumentException.class, () -> FetchOverride.parse("DigiCert:")).getMessage());
    assertEquals("'DigiCert' sets parallelism twice",
        assertThrows(IllegalArgumentException.class, () -> FetchOverride.parse("DigiCert: parallelism=1 parallelism=2"))
            .getMessage());
    assertEquals("a log name pattern must not be blank",
        assertThrows(IllegalArgumentException.class, () -> FetchOverride.parse(" : parallelism=1")).getMessage());
  }

  @Test
  void itPrintsAsItIsWritten() {
    assertEquals("DigiCert: batchSize=256 requestsPerSecond=0.5",
        FetchOverride.parse("DigiCert:   requestsPerSecond=0.5   batchSize=256").toString());
  }
}
