package org.ctmon.fetcher.loglist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class LogListUpdateTest {
  private static final LogList V83 = LogListCorpus.parse(LogListCorpus.V83_1);
  private static final LogList V89 = LogListCorpus.parse(LogListCorpus.V89_25);

  @Test
  void acceptsV89_25AfterV83_1WithTheLogsAddedRemovedAndChangedByTheRawLists() {
    Map<String, JsonNode> before = rawById(LogListCorpus.V83_1);
    Map<String, JsonNode> after = rawById(LogListCorpus.V89_25);
    Set<String> added = new HashSet<>(after.keySet());
    added.removeAll(before.keySet());
    Set<String> removed = new HashSet<>(before.keySet());
    removed.removeAll(after.keySet());
    long stateChanged = after.keySet().stream().filter(before::containsKey)
        .filter(id -> !java.util.Objects.equals(before.get(id).get("state"), after.get(id).get("state"))).count();

    LogListUpdate.Accepted a = assertInstanceOf(LogListUpdate.Accepted.class, LogListUpdate.check(V83, V89));
    assertEquals(added, ids(a.diff().added()));
    assertEquals(removed, ids(a.diff().removed()));
    assertEquals(stateChanged, a.diff().stateChanges().size());
    assertEquals(37, added.size());
    assertEquals(167, removed.size());
    assertEquals(16, stateChanged);
    assertTrue(a.diff().stateChanges().stream().anyMatch(c -> c.before().description().equals("Google 'Argon2026h1' log")
        && c.before().status().orElseThrow() == ListStatus.USABLE && c.after().status().orElseThrow() == ListStatus.REJECTED));
  }

  @Test
  void rejectsAnOlderVersionAsARollback() {
    LogListUpdate.Rejected r = assertInstanceOf(LogListUpdate.Rejected.class, LogListUpdate.check(V89, V83));
    assertEquals("rejected log list from " + LogListCorpus.V83_1
        + ": version 83.1 is older than the current version 89.25", r.reason());
  }

  @Test
  void rejectsAnOlderTimestampUnderTheSameVersion() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    raw.root.put("log_list_timestamp", "2026-08-20T13:34:56Z");
    LogList older = LogListParser.parse(raw.bytes(), "replayed");
    LogListUpdate.Rejected r = assertInstanceOf(LogListUpdate.Rejected.class, LogListUpdate.check(V89, older));
    assertEquals("rejected log list from replayed: log_list_timestamp 2026-08-20T13:34:56Z is older than the current "
        + "2026-08-20T13:34:57Z", r.reason());
  }

  @Test
  void acceptsTheSameListWithAnEmptyDiff() {
    LogListUpdate u = LogListUpdate.check(V89, LogListSource.bundled().load());
    assertTrue(assertInstanceOf(LogListUpdate.Accepted.class, u).diff().isEmpty());
  }

  @Test
  void reportsAStateChangeAndAUrlChangeOfOneLog() {
    RawLogList raw = RawLogList.of(LogListCorpus.V89_25);
    raw.root.put("version", "89.26");
    var argon = raw.entry("Google 'Argon2026h2' log");
    argon.putObject("state").putObject("readonly").put("timestamp", "2027-02-01T00:00:00Z")
        .putObject("final_tree_head").put("tree_size", 42).put("sha256_root_hash", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    raw.entry("Google 'Xenon2026h2' log").put("url", "https://ct.googleapis.com/logs/eu2/xenon2026h2/");
    LogListDiff d = assertInstanceOf(LogListUpdate.Accepted.class,
        LogListUpdate.check(V89, LogListParser.parse(raw.bytes(), LogListCorpus.V89_25))).diff();
    assertEquals(List.of(), d.added());
    assertEquals(List.of(), d.removed());
    assertEquals(2, d.changed().size());
    LogChange state = d.changed().get(0);
    assertTrue(state.stateChanged());
    assertEquals(42, state.after().state().orElseThrow().finalTreeHead().orElseThrow().treeSize());
    LogChange url = d.changed().get(1);
    assertTrue(url.protocolChanged() && !url.stateChanged());
    assertEquals(List.of(state), d.stateChanges());
  }

  @Test
  void diffingTwoSelectionsTellsWhichFollowersToStartAndStop() {
    Instant now = Instant.parse("2026-08-20T13:34:57Z");
    SelectedLogs before = LogSelection.defaults().select(V83, now);
    SelectedLogs after = LogSelection.defaults().select(V89, now);
    LogListDiff d = LogListDiff.between(before.followed(), after.followed());
    Set<String> b = ids(before.followed());
    Set<String> a = ids(after.followed());
    Set<String> start = new HashSet<>(a);
    start.removeAll(b);
    Set<String> stop = new HashSet<>(b);
    stop.removeAll(a);
    assertEquals(start, ids(d.added()));
    assertEquals(stop, ids(d.removed()));
    assertTrue(!start.isEmpty() && !stop.isEmpty());
  }

  private static Map<String, JsonNode> rawById(String list) {
    Map<String, JsonNode> m = new HashMap<>();
    RawLogList.of(list).entries().forEach(e -> m.put(e.text("log_id"), e.node()));
    return m;
  }

  private static Set<String> ids(List<CtLog> logs) {
    return logs.stream().map(l -> l.logId().base64()).collect(Collectors.toSet());
  }
}
