package org.ctmon.fetcher.loglist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class LogSelectionTest {
  private static final LogList V89 = LogListCorpus.parse(LogListCorpus.V89_25);
  private static final RawLogList RAW = RawLogList.of(LogListCorpus.V89_25);
  private static final Instant LIST_TIME = Instant.parse("2026-08-20T13:34:57Z");
  private static final Set<String> DEFAULT_STATES = Set.of("usable", "qualified", "readonly");

  /** The default rule evaluated on the raw JSON: approved state and no log_type (or "prod"). */
  private static final Predicate<RawLogList.Entry> RAW_DEFAULT =
      e -> e.state() != null && DEFAULT_STATES.contains(e.state()) && e.logType().equals("prod");

  @Test
  void theDefaultFollowsTheFortyFiveUsableQualifiedAndReadOnlyProdLogsOfV89_25() {
    SelectedLogs s = LogSelection.defaults().select(V89, LIST_TIME);

    // anchors.md: RFC 6962 usable 21 (+2 readonly), static usable 16 + qualified 6.
    assertEquals(45, RAW.count(RAW_DEFAULT));
    assertEquals(descriptions(RAW, RAW_DEFAULT), s.followed().stream().map(CtLog::description).collect(Collectors.toList()));
    assertEquals(117 - 45, s.skipped().size());
  }

  @Test
  void everyLogNotFollowedByDefaultHasItsReason() {
    Map<String, String> reasons = LogSelection.defaults().select(V89, LIST_TIME).skipped().stream()
        .collect(Collectors.toMap(SkippedLog::description, SkippedLog::reason));
    assertEquals("state retired is not followed (following qualified, readonly, usable)",
        reasons.get("Bogus placeholder log to unbreak misbehaving CT libraries"));
    assertEquals("state rejected is not followed (following qualified, readonly, usable)",
        reasons.get("Google 'Argon2026h1' log"));
    assertEquals("the list gives no state and stateless logs are not followed", reasons.get("Google 'Testtube' log"));
    assertEquals(RAW.count(e -> e.state() == null),
        reasons.values().stream().filter(r -> r.startsWith("the list gives no state")).count());
  }

  @Test
  void testLogsAreFollowedOnlyWhenTheirTypeAndStatelessLogsAreAskedFor() {
    LogSelection withTest = LogSelection.defaults()
        .withLogTypes(Set.of(LogType.PROD, LogType.TEST)).withFollowStateless(true);
    List<CtLog> followed = withTest.select(V89, LIST_TIME).followed();
    long rawExpected = RAW.count(e -> (e.state() == null || DEFAULT_STATES.contains(e.state()))
        && (e.logType().equals("prod") || e.logType().equals("test")));
    assertEquals(rawExpected, followed.size());
    assertEquals(RAW.count(e -> e.logType().equals("test")), followed.stream().filter(l -> l.logType().equals(LogType.TEST)).count());
    // Only stateless: the test logs stay out, their log type still filters.
    assertEquals(0, LogSelection.defaults().withFollowStateless(true).select(V89, LIST_TIME).followed().stream()
        .filter(l -> !l.logType().equals(LogType.PROD)).count());
  }

  @Test
  void includeBySubstringMatchesDescriptionsCaseInsensitively() {
    List<CtLog> followed = LogSelection.defaults().withInclude(List.of("ARGON", "xenon")).select(V89, LIST_TIME).followed();
    assertEquals(descriptions(RAW, RAW_DEFAULT.and(e -> lower(e.text("description")).contains("argon")
            || lower(e.text("description")).contains("xenon"))),
        followed.stream().map(CtLog::description).collect(Collectors.toList()));
    assertEquals(4, followed.size());
  }

  @Test
  void includeByGlobMatchesTheWholeName() {
    List<CtLog> followed = LogSelection.defaults().withInclude(List.of("*2027h1*")).select(V89, LIST_TIME).followed();
    assertEquals(descriptions(RAW, RAW_DEFAULT.and(e -> lower(e.text("description")).contains("2027h1"))),
        followed.stream().map(CtLog::description).collect(Collectors.toList()));
    // Anchored: without the trailing star nothing ends in "2027h1" except names that end there.
    List<CtLog> anchored = LogSelection.defaults().withInclude(List.of("*2027h1")).select(V89, LIST_TIME).followed();
    assertEquals(descriptions(RAW, RAW_DEFAULT.and(e -> lower(e.text("description")).endsWith("2027h1"))),
        anchored.stream().map(CtLog::description).collect(Collectors.toList()));
    assertTrue(anchored.size() < followed.size());
  }

  @Test
  void excludeByOperatorNameWinsOverInclude() {
    SelectedLogs s = LogSelection.defaults().withInclude(List.of("*2026h2*")).withExclude(List.of("google"))
        .select(V89, LIST_TIME);
    assertEquals(descriptions(RAW, RAW_DEFAULT.and(e -> lower(e.text("description")).contains("2026h2")
            && !e.operator().equals("Google"))),
        s.followed().stream().map(CtLog::description).collect(Collectors.toList()));
    assertEquals("excluded by name pattern \"google\"", reasonFor(s, "Google 'Argon2026h2' log"));
    assertEquals("not matched by any include pattern or id", reasonFor(s, "Cloudflare 'Nimbus2027'"));
  }

  @Test
  void includeAndExcludeByLogId() {
    CtLog argon = LogListParserTest.byDescription(V89.logs(), "Google 'Argon2026h2' log");
    CtLog nimbus = LogListParserTest.byDescription(V89.logs(), "Cloudflare 'Nimbus2026'");
    SelectedLogs s = LogSelection.defaults().withIncludeIds(Set.of(argon.logId(), nimbus.logId()))
        .withExcludeIds(Set.of(nimbus.logId())).select(V89, LIST_TIME);
    assertEquals(List.of(argon), s.followed());
    assertEquals("excluded by log id " + nimbus.logId().base64(), reasonFor(s, "Cloudflare 'Nimbus2026'"));
  }

  @Test
  void parsesConfiguredLogIdsFromBase64() {
    assertEquals(LogListParserTest.byDescription(V89.logs(), "Google 'Argon2026h2' log").logId(),
        LogSelection.logId("1219ENGn9XfCx+lf1wC/+YLJM1pl4dCzAXMXwMjFaXc="));
    assertEquals("log id \"abc\" is not 32 bytes of base64",
        assertThrows(IllegalArgumentException.class, () -> LogSelection.logId("abc")).getMessage());
    assertEquals("log id \"!!\" is not 32 bytes of base64",
        assertThrows(IllegalArgumentException.class, () -> LogSelection.logId("!!")).getMessage());
  }

  @Test
  void anIncludedLogMustStillPassTheStateFilter() {
    SelectedLogs s = LogSelection.defaults().withInclude(List.of("Argon2026h1")).select(V89, LIST_TIME);
    assertEquals(List.of(), s.followed());
  }

  @Test
  void skipsLogsWhoseTemporalIntervalEndedBeforeTheGivenInstant() {
    Instant now = Instant.parse("2027-01-02T00:00:00Z");
    SelectedLogs s = LogSelection.defaults().withSkipEndedIntervals(true).select(V89, now);
    Predicate<RawLogList.Entry> notEnded = e -> e.node().get("temporal_interval") == null
        || Instant.parse(e.node().get("temporal_interval").get("end_exclusive").asText()).isAfter(now);
    assertEquals(descriptions(RAW, RAW_DEFAULT.and(notEnded)),
        s.followed().stream().map(CtLog::description).collect(Collectors.toList()));
    assertEquals(45 - RAW.count(RAW_DEFAULT.and(notEnded.negate())), s.followed().size());
    assertEquals("temporal interval ended 2026-12-17T00:00:00Z", reasonFor(s, "Let's Encrypt 'Sycamore2026h2'"));
    // Off by default: the same instant changes nothing.
    assertEquals(45, LogSelection.defaults().select(V89, now).followed().size());
  }

  @Test
  void listsTheParserSkipsFirstAmongTheSkippedLogs() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    raw.entry("Google 'Argon2026h2' log").put("key", "!");
    LogList list = LogListParser.parse(raw.bytes(), "t");
    SelectedLogs s = LogSelection.defaults().select(list, LIST_TIME);
    assertEquals(44, s.followed().size());
    assertTrue(s.skipped().get(0).reason().endsWith("key is not base64"));
    assertEquals(117 - 44, s.skipped().size());
  }

  @Test
  void rejectsABlankNamePattern() {
    assertThrows(IllegalArgumentException.class, () -> LogSelection.defaults().withExclude(List.of(" ")));
  }

  @Test
  void otherStatesCanBeChosen() {
    SelectedLogs s = LogSelection.defaults().withStates(EnumSet.of(ListStatus.PENDING)).select(V89, LIST_TIME);
    assertEquals(RAW.count(e -> "pending".equals(e.state()) && e.logType().equals("prod")), s.followed().size());
    assertEquals(16, s.followed().size());
  }

  private static List<String> descriptions(RawLogList raw, Predicate<RawLogList.Entry> p) {
    return raw.entries().stream().filter(p).map(e -> e.text("description")).collect(Collectors.toList());
  }

  private static String reasonFor(SelectedLogs s, String description) {
    return s.skipped().stream().filter(k -> k.description().equals(description)).findFirst()
        .orElseThrow(() -> new AssertionError("\"" + description + "\" is not skipped")).reason();
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
