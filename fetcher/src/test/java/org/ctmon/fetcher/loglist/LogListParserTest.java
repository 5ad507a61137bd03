package org.ctmon.fetcher.loglist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ctmon.parser.Sha256;
import org.junit.jupiter.api.Test;

final class LogListParserTest {

  @Test
  void loadsAllOneHundredSeventeenLogsOfNineOperatorsFromChromeV89_25() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    LogList list = LogListCorpus.parse(LogListCorpus.V89_25);

    // anchors.md: 117 logs across 9 operators; the raw tree walk must agree.
    assertEquals(117, raw.entries().size());
    assertEquals(9, raw.operatorCount());
    assertEquals(raw.entries().size(), list.logs().size());
    assertEquals(raw.operatorCount(), list.operators().size());
    assertEquals(List.of(), list.skipped());
    assertEquals(Optional.of(new LogListVersion("89.25")), list.version());
    assertEquals(Optional.of(Instant.parse("2026-08-20T13:34:57Z")), list.timestamp());
  }

  @Test
  void loadsEveryLogOfTheOtherChromeListsAndApplesList() {
    for (String name : List.of(LogListCorpus.V83_1, LogListCorpus.V81_14, LogListCorpus.APPLE)) {
      RawLogList raw = RawLogList.of(name);
      LogList list = LogListCorpus.parse(name);
      assertEquals(raw.entries().size(), list.logs().size(), name);
      assertEquals(raw.count(RawLogList.Entry::tiled),
          list.logs().stream().filter(l -> l.protocol() instanceof LogProtocol.StaticCt).count(), name);
      assertEquals(List.of(), list.skipped(), name);
    }
    assertEquals(247, LogListCorpus.parse(LogListCorpus.V83_1).logs().size());
    assertEquals(75, LogListCorpus.parse(LogListCorpus.V81_14).logs().size());
  }

  @Test
  void readsApplesListWithItsSchemaAndAssetVersionButNoTimestamp() {
    LogList apple = LogListCorpus.parse(LogListCorpus.APPLE);
    assertEquals(166, apple.logs().size()); // SOURCES.md: 16 operators, 166 logs
    assertEquals(16, apple.operators().size());
    assertEquals(Optional.of(new LogListVersion("511")), apple.version());
    assertEquals(Optional.empty(), apple.timestamp());
  }

  @Test
  void acceptsTheV2ListOf2020BecauseItIsTheV3LayoutWithoutTiledLogs() {
    RawLogList raw = RawLogList.of(LogListCorpus.V2_2020);
    LogList v2 = LogListCorpus.parse(LogListCorpus.V2_2020);
    assertEquals(41, raw.entries().size());
    assertEquals(41, v2.logs().size());
    assertEquals(List.of(), v2.skipped());
    assertEquals(Optional.empty(), v2.version());
    assertTrue(v2.logs().stream().allMatch(l -> l.protocol() instanceof LogProtocol.Rfc6962));
    CtLog argon2020 = v2.log(sha256FromBase64("sh4FzIuizYogTodm+Su5iiUgZ2va+nDnsklTLe+LkF4=")).orElseThrow();
    assertEquals(Optional.of("argon2020.ct.googleapis.com"), argon2020.dns());
  }

  @Test
  void everyLogIdIsTheSha256OfItsKeyInEveryChromeList() throws Exception {
    for (String name : List.of(LogListCorpus.V89_25, LogListCorpus.V83_1, LogListCorpus.V81_14)) {
      Map<String, CtLog> parsed = LogListCorpus.parse(name).logs().stream()
          .collect(Collectors.toMap(CtLog::description, Function.identity()));
      for (RawLogList.Entry e : RawLogList.of(name).entries()) {
        byte[] key = Base64.getDecoder().decode(e.text("key"));
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key);
        assertEquals(e.text("log_id"), Base64.getEncoder().encodeToString(digest), e.text("description"));
        CtLog log = parsed.get(e.text("description"));
        assertEquals(e.text("log_id"), log.logId().base64());
        assertEquals(e.text("key"), log.key().base64());
      }
    }
  }

  @Test
  void skipsALogWhoseIdIsNotTheHashOfItsKeyAndKeepsTheRest() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    String otherId = raw.entry("Google 'Xenon2026h2' log").get("log_id").asText();
    raw.entry("Google 'Argon2026h2' log").put("log_id", otherId);

    LogList list = LogListParser.parse(raw.bytes(), "tampered");

    assertEquals(116, list.logs().size());
    assertEquals(1, list.skipped().size());
    SkippedLog s = list.skipped().get(0);
    assertEquals("Google", s.operator());
    assertEquals("Google 'Argon2026h2' log", s.description());
    assertEquals("operators[0].logs[1] \"Google 'Argon2026h2' log\" of operator \"Google\": log_id "
        + otherId + " is not the sha-256 of the key (1219ENGn9XfCx+lf1wC/+YLJM1pl4dCzAXMXwMjFaXc=)", s.reason());
    assertEquals(otherId, s.logId().orElseThrow().base64());
    // The real Xenon2026h2 is still there and was not displaced by the impostor.
    assertEquals("Google 'Xenon2026h2' log", list.log(sha256FromBase64(otherId)).orElseThrow().description());
  }

  @Test
  void countsLogTypesAsTheRawListDoesWithThirteenMonitoringOnlyTiledLogs() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    List<CtLog> logs = LogListCorpus.parse(LogListCorpus.V89_25).logs();
    long monitoringOnly = raw.count(e -> e.tiled() && "monitoring_only".equals(e.logType()));
    assertEquals(13, monitoringOnly); // anchors.md
    assertEquals(monitoringOnly, logs.stream()
        .filter(l -> l.protocol() instanceof LogProtocol.StaticCt && l.logType().equals(LogType.MONITORING_ONLY))
        .count());
    for (String type : List.of("prod", "test", "monitoring_only")) {
      assertEquals(raw.count(e -> type.equals(e.logType())),
          logs.stream().filter(l -> l.logType().equals(LogType.of(type))).count(), type);
    }
  }

  @Test
  void readsMmdInSecondsSixtyForTiledLogsAndADayForAllRfc6962LogsButDaedalus() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    List<CtLog> logs = LogListCorpus.parse(LogListCorpus.V89_25).logs();
    assertEquals(75, raw.count(e -> e.tiled() && e.node().get("mmd").asLong() == 60));
    assertTrue(logs.stream().filter(l -> l.protocol() instanceof LogProtocol.StaticCt)
        .allMatch(l -> l.mmd().equals(Duration.ofSeconds(60))));
    // anchors.md says 86400 for every RFC 6962 log; the raw list has one exception, Daedalus at a week.
    assertEquals(41, raw.count(e -> !e.tiled() && e.node().get("mmd").asLong() == 86400));
    assertEquals(41, logs.stream().filter(l -> l.protocol() instanceof LogProtocol.Rfc6962)
        .filter(l -> l.mmd().equals(Duration.ofDays(1))).count());
    assertEquals(Duration.ofDays(7), byDescription(logs, "Google 'Daedalus' log").mmd());
  }

  @Test
  void loadsTheBogusPlaceholderLogsOfGeomysAndIpngAsRetired() {
    LogList list = LogListCorpus.parse(LogListCorpus.V89_25);
    List<CtLog> bogus = list.logs().stream()
        .filter(l -> l.protocol().monitoringUrl().toString().startsWith("https://ct.example.com/bogus/"))
        .collect(Collectors.toList());
    // Geomys at https://ct.example.com/bogus/, IPng at https://ct.example.com/bogus/ipng/.
    assertEquals(List.of("Geomys", "IPng Networks"), bogus.stream().map(CtLog::operator).collect(Collectors.toList()));
    assertTrue(bogus.get(0).description().startsWith("Bogus placeholder log"));
    for (CtLog b : bogus) {
      assertEquals(Optional.of(ListStatus.RETIRED), b.status());
      assertEquals(Instant.parse("2025-06-21T07:00:00Z"), b.state().orElseThrow().since());
    }
  }

  @Test
  void readsStatesAsTheRawListGivesThemIncludingLogsWithoutState() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    List<CtLog> logs = LogListCorpus.parse(LogListCorpus.V89_25).logs();
    for (ListStatus s : ListStatus.values()) {
      assertEquals(raw.count(e -> s.jsonName().equals(e.state())),
          logs.stream().filter(l -> l.status().equals(Optional.of(s))).count(), s.jsonName());
    }
    assertEquals(39, raw.count(e -> e.state() == null));
    assertEquals(39, logs.stream().filter(l -> l.state().isEmpty()).count());
  }

  @Test
  void readsTheFinalTreeHeadOfReadOnlyLogs() {
    List<RawLogList.Entry> readonly = RawLogList.of(LogListCorpus.V89_25).entries().stream()
        .filter(e -> "readonly".equals(e.state())).collect(Collectors.toList());
    List<CtLog> logs = LogListCorpus.parse(LogListCorpus.V89_25).logs();
    assertEquals(2, readonly.size());
    for (RawLogList.Entry e : readonly) {
      var fth = e.node().get("state").get("readonly").get("final_tree_head");
      FinalTreeHead parsed = byDescription(logs, e.text("description")).state().orElseThrow().finalTreeHead().orElseThrow();
      assertEquals(fth.get("tree_size").asLong(), parsed.treeSize());
      assertEquals(fth.get("sha256_root_hash").asText(), parsed.rootHash().base64());
    }
  }

  @Test
  void readsTiledLogUrlsAndTemporalIntervalsAsTheRawListGivesThem() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    List<CtLog> logs = LogListCorpus.parse(LogListCorpus.V89_25).logs();
    for (RawLogList.Entry e : raw.entries()) {
      CtLog log = byDescription(logs, e.text("description"));
      if (e.tiled()) {
        LogProtocol.StaticCt p = assertInstanceOf(LogProtocol.StaticCt.class, log.protocol());
        assertEquals(e.text("submission_url"), p.submissionUrl().toString());
        assertEquals(e.text("monitoring_url"), p.monitoringUrl().toString());
      } else {
        assertEquals(e.text("url"), assertInstanceOf(LogProtocol.Rfc6962.class, log.protocol()).url().toString());
      }
      var ti = e.node().get("temporal_interval");
      assertEquals(ti == null, log.temporalInterval().isEmpty());
      if (ti != null) {
        assertEquals(Instant.parse(ti.get("end_exclusive").asText()), log.temporalInterval().get().endExclusive());
      }
    }
    assertEquals(4, logs.stream().filter(l -> l.temporalInterval().isEmpty()).count()); // anchors.md
  }

  @Test
  void addsTheMissingTrailingSlashToUrlsOfCrtShsList() {
    RawLogList raw = RawLogList.of(LogListCorpus.CRTSH);
    LogList list = LogListCorpus.parse(LogListCorpus.CRTSH);
    assertEquals(raw.entries().size(), list.logs().size() + list.skipped().size());
    assertEquals(List.of(), list.skipped());
    CtLog itko = byDescription(list.logs(), "Itko 2025");
    assertEquals("https://ct2025.itko.dev", raw.entry("Itko 2025").get("submission_url").asText());
    assertEquals(URI.create("https://ct2025.itko.dev/"), ((LogProtocol.StaticCt) itko.protocol()).submissionUrl());
    assertTrue(list.logs().stream().allMatch(l -> l.protocol().monitoringUrl().getPath().endsWith("/")));
  }

  @Test
  void skipsMozillasLogsWithEmptyUrlsWithAReasonAndTakesTheLatestOfTwoStates() {
    RawLogList raw = RawLogList.of(LogListCorpus.MOZILLA);
    LogList list = LogListCorpus.parse(LogListCorpus.MOZILLA);
    long emptyUrl = raw.count(e -> "".equals(e.text(e.tiled() ? "submission_url" : "url")));
    assertTrue(emptyUrl > 0);
    assertEquals(raw.entries().size(), list.logs().size() + list.skipped().size());
    assertEquals(emptyUrl, list.skipped().stream().filter(s -> s.reason().contains("url is not a non-empty string")).count());
    SkippedLog argon = list.skipped().stream()
        .filter(s -> s.description().equals("Google 'Argon2026h2' log")).findFirst().orElseThrow();
    assertEquals("operators[0].logs[0] \"Google 'Argon2026h2' log\" of operator \"Google\": url is not a non-empty string",
        argon.reason());
    for (CtLog l : list.logs()) {
      // Mozilla writes {"qualified": ..., "usable": ...}; usable is the later one.
      assertEquals(Optional.of(ListStatus.USABLE), l.status(), l.description());
    }
  }

  @Test
  void ignoresUnknownFieldsAtEveryLevel() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    raw.root.put("certspotter_future", 1).putObject("nested").put("x", "y");
    ((ObjectNode) raw.root.get("operators").get(0)).put("website", "https://example.com/");
    raw.entry("Google 'Argon2026h2' log").put("certspotter_download_size", 256);
    ((ObjectNode) raw.entry("Google 'Argon2026h2' log").get("state").get("usable")).put("note", "x");

    LogList plain = LogListParser.parse(LogListCorpus.json(LogListCorpus.V89_25), "same");
    LogList extra = LogListParser.parse(raw.bytes(), "same");
    assertEquals(plain, extra);
  }

  @Test
  void readsPreviousOperatorsAndDns() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    ObjectNode argon = raw.entry("Google 'Argon2026h2' log");
    argon.put("dns", "argon2026h2.ct.googleapis.com");
    argon.putArray("previous_operators").addObject().put("name", "Old Co").put("end_time", "2020-01-01T00:00:00Z");

    CtLog log = byDescription(LogListParser.parse(raw.bytes(), "t").logs(), "Google 'Argon2026h2' log");
    assertEquals(List.of(new PreviousOperator("Old Co", Instant.parse("2020-01-01T00:00:00Z"))), log.previousOperators());
    assertEquals(Optional.of("argon2026h2.ct.googleapis.com"), log.dns());
  }

  @Test
  void rejectsBytesThatAreNotJsonNamingTheSourceAndPosition() {
    var e = assertThrows(UnableToParseLogListException.class,
        () -> LogListParser.parse("<html>503</html>".getBytes(UTF_8), "https://www.gstatic.com/x.json"));
    assertEquals("error parsing log list from https://www.gstatic.com/x.json: not json at line 1 column 1", e.getMessage());
    assertEquals("https://www.gstatic.com/x.json", e.source());
  }

  @Test
  void rejectsEmptyInput() {
    assertEquals("error parsing log list from file x: empty", parseError(""));
    assertEquals("error parsing log list from file x: empty", parseError("  \n"));
  }

  @Test
  void rejectsJsonWithoutAnOperatorsArray() {
    assertEquals("error parsing log list from file x: no operators array", parseError("{}"));
    assertEquals("error parsing log list from file x: operators is a number, not an array",
        parseError("{\"operators\": 5}"));
    assertEquals("error parsing log list from file x: not a json object but a array", parseError("[]"));
    assertEquals("error parsing log list from file x: not json at line 1 column 16",
        parseError("{\"operators\": [}"));
  }

  @Test
  void rejectsAnUnreadableListTimestamp() {
    assertEquals("error parsing log list from file x: log_list_timestamp \"yesterday\" is not an rfc 3339 time",
        parseError("{\"log_list_timestamp\": \"yesterday\", \"operators\": []}"));
  }

  @Test
  void skipsALogWithANonBase64KeyNamingItsDescriptionAndOperator() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    raw.entry("Google 'Argon2026h2' log").put("key", "not base64!!");
    assertEquals("operators[0].logs[1] \"Google 'Argon2026h2' log\" of operator \"Google\": key is not base64",
        onlySkipReason(raw));
  }

  @Test
  void skipsALogWhoseKeyIsBase64ButNotAPublicKey() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    raw.entry("Google 'Argon2026h2' log").put("key", "aGVsbG8=");
    assertTrue(onlySkipReason(raw).endsWith(": key is not an ec or rsa subjectpublickeyinfo"));
  }

  @Test
  void skipsLogsWithMissingRequiredFieldsEachWithItsReason() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    raw.entry("Google 'Argon2026h2' log").remove("url");
    raw.entry("Google 'Xenon2026h2' log").remove("mmd");
    raw.entry("Cloudflare 'Nimbus2026'").remove("log_id");
    raw.entry("Let's Encrypt 'Willow2026h2'").remove("monitoring_url");
    raw.entry("Sectigo 'Tiger2026h2'").put("url", "ftp://ct.example/");
    ObjectNode nodesc = raw.entry("DigiCert 'Wyvern2026h2'");
    nodesc.remove("description");

    LogList list = LogListParser.parse(raw.bytes(), "t");
    assertEquals(111, list.logs().size());
    Map<String, String> reasons = list.skipped().stream()
        .collect(Collectors.toMap(SkippedLog::description, SkippedLog::reason));
    assertTrue(reasons.get("Google 'Argon2026h2' log").endsWith("of operator \"Google\": url is missing"));
    assertTrue(reasons.get("Google 'Xenon2026h2' log").endsWith(": mmd is missing"));
    assertTrue(reasons.get("Cloudflare 'Nimbus2026'").endsWith("of operator \"Cloudflare\": log_id is missing"));
    assertTrue(reasons.get("Let's Encrypt 'Willow2026h2'").contains(".tiled_logs["));
    assertTrue(reasons.get("Let's Encrypt 'Willow2026h2'").endsWith(": monitoring_url is missing"));
    assertTrue(reasons.get("Sectigo 'Tiger2026h2'").endsWith(": url \"ftp://ct.example/\" is not an http(s) url"));
    assertTrue(reasons.get("(no description)").endsWith("of operator \"DigiCert\": description is missing"));
  }

  @Test
  void skipsALogWithAnUnknownStateOrAnInvertedTemporalInterval() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    raw.entry("Google 'Argon2026h2' log").putObject("state").putObject("frozen").put("timestamp", "2026-01-01T00:00:00Z");
    ObjectNode xenon = raw.entry("Google 'Xenon2026h2' log");
    ((ObjectNode) xenon.get("temporal_interval")).put("end_exclusive", "2020-01-01T00:00:00Z");
    LogList list = LogListParser.parse(raw.bytes(), "t");
    assertEquals(115, list.logs().size());
    assertTrue(list.skipped().get(0).reason().endsWith(": state \"frozen\" is unknown"));
    assertTrue(list.skipped().get(1).reason().endsWith(
        ": temporal interval start 2026-07-01T00:00:00Z is not before its end 2020-01-01T00:00:00Z"));
  }

  @Test
  void skipsTheSecondLogWithAnIdAlreadyListed() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    ObjectNode copy = raw.entry("Google 'Argon2026h2' log").deepCopy();
    copy.put("description", "Copy of Argon");
    ((com.fasterxml.jackson.databind.node.ArrayNode) raw.root.get("operators").get(1).get("logs")).add(copy);
    LogList list = LogListParser.parse(raw.bytes(), "t");
    assertEquals(117, list.logs().size());
    assertEquals(1, list.skipped().size());
    assertTrue(list.skipped().get(0).reason().endsWith(
        ": log id 1219ENGn9XfCx+lf1wC/+YLJM1pl4dCzAXMXwMjFaXc= is already listed as \"Google 'Argon2026h2' log\""),
        list.skipped().get(0).reason());
  }

  @Test
  void skipsTheLogsOfAnOperatorWithoutANameAndKeepsTheOthers() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    ((ObjectNode) raw.root.get("operators").get(0)).remove("name");
    LogList list = LogListParser.parse(raw.bytes(), "t");
    assertEquals(8, list.operators().size());
    assertEquals(117 - RawLogList.of(LogListCorpus.V89_25).count(e -> e.operator().equals("Google")), list.logs().size());
    assertFalse(list.logs().stream().anyMatch(l -> l.operator().equals("Google")));
    assertEquals("operators[0] has no name: its logs are skipped", list.skipped().get(0).reason());
  }

  private static String parseError(String json) {
    return assertThrows(UnableToParseLogListException.class,
        () -> LogListParser.parse(json.getBytes(UTF_8), "file x")).getMessage();
  }

  private static String onlySkipReason(RawLogList raw) {
    LogList list = LogListParser.parse(raw.bytes(), "t");
    assertEquals(116, list.logs().size());
    assertEquals(1, list.skipped().size());
    return list.skipped().get(0).reason();
  }

  static CtLog byDescription(List<CtLog> logs, String description) {
    return logs.stream().filter(l -> l.description().equals(description)).findFirst()
        .orElseThrow(() -> new AssertionError("no log \"" + description + "\""));
  }

  static Sha256 sha256FromBase64(String b64) {
    return Sha256.wrap(Base64.getDecoder().decode(b64));
  }
}
