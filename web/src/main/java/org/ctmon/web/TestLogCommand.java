package org.ctmon.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ctmon.testlog.TestLogMain;
import org.ctmon.testlog.TestLogOptions;
import org.ctmon.testlog.TestLogServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ctmon testlog}: runs the test CT log standalone (RFC 6962 and static-ct-api over HTTP on
 * 127.0.0.1, real tree and signatures, optional faults) until interrupted, and prints its base URL
 * and the URL of a Chrome v3 log list describing it, to point a monitor (ctmon or certspotter) at.
 */
@Command(
    name = "testlog",
    mixinStandardHelpOptions = true,
    description = {
        "Run a real test CT log on 127.0.0.1 until interrupted.",
        "",
        "Options:",
        "  --port P                 port (default: any free port)",
        "  --entries N              entries per log at start (default 0)",
        "  --grow R                 entries per second added while running (default 0)",
        "  --logs rfc6962,static    one log per protocol listed (default both)",
        "  --seed S                 PKI and issuance seed (default 6962)",
        "  --batch N                get-entries page cap (default 256)",
        "  --gzip                   serve data tiles gzip-encoded",
        "  --delete-partial-tiles   delete partial tiles once full (static-ct-api allows it)",
        "  --rsa-mix                also issue from RSA CAs (slower)",
        "  --cache DIR              keep generated entries on disk for fast restarts",
        "  --fault SPEC             inject a fault (repeatable): 429/N[/Ss], 429-until/INSTANT, 503/N, slow/Dms,",
        "                           truncate/N, garbage/N, damaged/N/{garbage_certificate|broken_framing|wrong_leaf_index},",
        "                           bad-signature/{wrong_root|corrupt_bytes}, split-view/N, rollback/N,",
        "                           forked-checkpoint/N/S (a fork from N served up to size S, its partial tiles kept);",
        "                           SPEC@DELAY begins it later (30s, 2m, 500ms): split-view/1500@30s lets a",
        "                           monitor verify the log first, then catch the fork"})
final class TestLogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Unmatched List<String> args = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    TestLogOptions options;
    try {
      options = TestLogMain.parse(args.toArray(new String[0]));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("ctmon testlog: " + e.getMessage());
      return 2;
    }
    long t0 = System.nanoTime();
    TestLogServer server = TestLogServer.start(options);
    spec.commandLine().getOut().printf("testlog: %s serving %s in %.1f s%n", server.baseUrl(),
        server.logs().stream().map(l -> l.name() + " (" + l.publishedSize() + " entries)").toList(),
        (System.nanoTime() - t0) / 1e9);
    spec.commandLine().getOut().println("testlog: log list " + server.logListUrl());
    spec.commandLine().getOut().flush();
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    Thread.currentThread().join();
    return 0;
  }
}
