package org.ctmon.web.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Properties;
import org.ctmon.web.config.Config;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The scheduler of the log followers when several nodes share the logs (cluster.mode postgresql):
 * Quartz's clustered JDBC job store in the PostgreSQL database. Every node schedules every log's
 * job; the job store lets one node at a time fire each trigger, and {@code
 * DisallowConcurrentExecution} holds a log's job on one node for the whole run. A node that stops
 * checking in is recovered by another after {@code cluster.checkinInterval} plus 7.5 s: its runs'
 * triggers are released and fire on the nodes left.
 *
 * <pre>
 *   node A ─┐                         ┌─ qrtz_triggers (one per log, state WAITING/ACQUIRED/BLOCKED)
 *   node B ─┼── Quartz JobStoreTX ────┼─ qrtz_fired_triggers, qrtz_scheduler_state (check-ins)
 *   node C ─┘   (row locks in qrtz_locks) └─ follow_runs (who ran which log when)
 * </pre>
 *
 * Housekeeping (log list, reports, retention, sessions) stays on each node's in-memory scheduler.
 */
final class ClusteredScheduling {
  /** The Quartz scheduler name every node shares; the instance id tells nodes apart. */
  static final String SCHEDULER_NAME = "ctmon-logs";

  private ClusteredScheduling() {}

  /** Creates the job store's tables if missing and returns the (not yet started) scheduler of the log jobs. */
  static FollowScheduler logScheduler(Config config, Jdbi jdbi, Clock clock, int threads) {
    Config.Database db = config.database();
    Flyway.configure()
        .dataSource(db.url(), db.user(), db.password())
        .locations("classpath:db/quartz")
        .table("flyway_quartz_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    String node = nodeId();
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
    p.setProperty("org.quartz.scheduler.instanceId", node);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    // The pool's threads are the logs this node runs at once: a run holds its thread for a catch-up.
    int cap = config.cluster().maxLogsPerNode();
    p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(Math.max(1, cap > 0 ? cap : threads)));
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
    p.setProperty("org.quartz.jobStore.dataSource", "ctmon");
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(config.cluster().checkinInterval().toMillis()));
    p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    p.setProperty("org.quartz.jobStore.useProperties", "true");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    p.setProperty("org.quartz.dataSource.ctmon.provider", "hikaricp");
    p.setProperty("org.quartz.dataSource.ctmon.driver", "org.postgresql.Driver");
    p.setProperty("org.quartz.dataSource.ctmon.URL", db.url());
    p.setProperty("org.quartz.dataSource.ctmon.user", db.user());
    p.setProperty("org.quartz.dataSource.ctmon.password", db.password());
    p.setProperty("org.quartz.dataSource.ctmon.maxConnections", "6");
    return new FollowScheduler(p, true, new FollowRuns(jdbi, clock, node));
  }

  /** host-pid: unique among running nodes, and tells an operator which process it is. */
  static String nodeId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "-" + ProcessHandle.current().pid();
  }
}
