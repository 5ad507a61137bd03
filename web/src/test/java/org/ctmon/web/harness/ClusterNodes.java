package org.ctmon.web.harness;

import static org.ctmon.web.harness.PostgresTestSchema.PG_PASSWORD;
import static org.ctmon.web.harness.PostgresTestSchema.PG_USER;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.ctmon.parser.Eventually;
import org.jdbi.v3.core.Jdbi;

/**
 * ctmon processes ({@code serve}, {@code cluster.mode: postgresql}) on a fresh schema of the test
 * PostgreSQL server ({@link PostgresTestSchema}), for the cluster test and benchmark. Closing stops
 * every node (SIGTERM, then SIGKILL after a minute) and drops the schema. Unreachable PostgreSQL
 * skips the test, except in CI.
 */
public final class ClusterNodes implements AutoCloseable {
  public final String url;
  public final Jdbi db;
  private final Path dir;
  private final PostgresTestSchema schema;
  private final List<Process> nodes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();

  public ClusterNodes(Path dir) {
    this.dir = dir;
    this.schema = new PostgresTestSchema();
    this.url = schema.url;
    this.db = Jdbi.create(url, PG_USER, PG_PASSWORD);
  }

  /** Starts node number {@link #size()} with these YAML lines added to the cluster's settings. */
  public Process start(String logList, String... yaml) throws IOException {
    return start(logList, java.util.Map.of(), yaml);
  }

  /** As {@link #start(String, String...)}, with these environment variables (CTMON_*) too. */
  public Process start(String logList, java.util.Map<String, String> env, String... yaml) throws IOException {
    int i = nodes.size();
    int port = UnassignedPort.pick();
    List<String> lines = new ArrayList<>(List.of(
        "http:", "  port: " + port,
        "database:", "  url: \"" + url + "\"", "  user: " + PG_USER, "  password: \"" + PG_PASSWORD + "\"",
        "logs:", "  list: \"" + logList + "\"", "  startAt: beginning", "  pollInterval: 500ms",
        "cluster:", "  mode: postgresql", "  checkinInterval: 1s"));
    lines.addAll(List.of(yaml));
    Path config = dir.resolve("node" + i + ".yaml");
    Files.writeString(config, String.join("\n", lines) + "\n");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), "org.ctmon.web.Ctmon", "serve", "--config",
        config.toString());
    ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("node" + i + ".log").toFile());
    b.environment().putAll(env);
    Process p = b.start();
    nodes.add(p);
    ports.add(port);
    return p;
  }

  public int size() {
    return nodes.size();
  }

  public Process node(int i) {
    return nodes.get(i);
  }

  public int port(int i) {
    return ports.get(i);
  }

  /** The node whose Quartz instance id is {@code nodeId} (host-pid). */
  public int indexOf(String nodeId) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodeId.endsWith("-" + nodes.get(i).pid())) {
        return i;
      }
    }
    throw new IllegalArgumentException("no node " + nodeId);
  }

  /** A query's one number; -1 while the schema is not there yet. */
  public long count(String sql) {
    try {
      return db.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** The nodes running a log's follower now, oldest run first. */
  public List<String> runningNodes() {
    try {
      return db.withHandle(h -> h.createQuery("SELECT node FROM follow_runs WHERE ended_at IS NULL ORDER BY id")
          .mapTo(String.class).list());
    } catch (RuntimeException e) {
      return List.of(); // not created yet
    }
  }

  /** Waits until {@code done} holds, asking every 200 ms; fails with {@code why} after two minutes. */
  public static void await(BooleanSupplier done, Supplier<String> why) throws Exception {
    Eventually.await(Duration.ofSeconds(120), Duration.ofMillis(200), done::getAsBoolean, () -> "timed out: " + why.get());
  }

  /** The end of every node's output, for failure messages. */
  public String logs() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < nodes.size(); i++) {
      try {
        String text = Files.readString(dir.resolve("node" + i + ".log"));
        b.append("--- node").append(i).append('\n').append(text, Math.max(0, text.length() - 4000), text.length());
      } catch (IOException e) {
        b.append("--- node").append(i).append(": ").append(e).append('\n');
      }
    }
    return b.toString();
  }

  @Override
  public void close() throws SQLException {
    for (Process p : nodes) {
      p.destroy();
    }
    for (Process p : nodes) {
      try {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    schema.close();
  }
}
