package org.ctmon.web.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ctmon.testlog.TestLogServer;
import org.ctmon.testlog.log.TestLog;
import org.ctmon.testlog.pki.IssuanceRequest;
import org.ctmon.testlog.pki.IssuanceStyle;
import org.ctmon.testlog.pki.Names;
import org.ctmon.testlog.pki.TestLogKey;

/**
 * The certificates the demo's test log issues for the demo watch list, one per run, in a cycle:
 * expected ones (the list's CA), unexpected ones (another CA) and lookalike names, among the test
 * log's own random issuances. Run on a schedule; each run logs one precertificate and its
 * certificate in every log and publishes.
 */
final class DemoIssuances implements Runnable {
  /** The demo watch list's domain. */
  static final String DOMAIN = "acmebank.example";
  /** The CA the watch list expects (the O of the test PKI's E6 and R10). */
  static final String EXPECTED_ISSUER = "Test Trust Services";

  /** What is issued, in order: names and the test PKI's issuing CA. */
  private static final List<Issue> CYCLE = List.of(
      new Issue("login." + DOMAIN, "DV2"), // another CA: unexpected
      new Issue("acmebank-login.example", "E6"), // lookalike: contains acmebank
      new Issue("www." + DOMAIN, "E6"), // expected: matched, no alert
      new Issue("acrnebank.example", "DV2"), // lookalike: rn for m
      new Issue("vpn." + DOMAIN, "DV2"),
      new Issue("shop." + DOMAIN, "E6"),
      new Issue("acmebamk.example", "E6")); // lookalike: one typo
  /** How far behind the clock issuances are stamped: every entry must be older than the head that covers it. */
  private static final Duration LAG = Duration.ofSeconds(3);

  private final TestLogServer server;
  private final Clock clock;
  private final List<TestLogKey> keys;
  private int next;

  private record Issue(String name, String ca) {}

  DemoIssuances(TestLogServer server, Clock clock) {
    this.server = server;
    this.clock = clock;
    this.keys = server.logs().stream().map(TestLog::key).toList();
  }

  @Override
  public void run() {
    try {
      issueNext();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: say so and go on with the next one.
      System.err.println("ctmon demo: error issuing a demo certificate: " + e);
    }
  }

  /** Issues the next certificate of the cycle and publishes it; returns its name. */
  synchronized String issueNext() {
    Issue issue = CYCLE.get(next++ % CYCLE.size());
    Instant at = clock.instant().minus(LAG);
    server.feed().log(server.pki().issue(IssuanceRequest.simple(Names.dns(issue.name()), issue.ca(),
        IssuanceStyle.PRECERT, keys, at)));
    server.publish();
    return issue.name();
  }
}
