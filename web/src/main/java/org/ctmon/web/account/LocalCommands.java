package org.ctmon.web.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctmon.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code ctmon user|token|watchlist|backup ...} inside a running monitor, for the commands started
 * while it holds the embedded H2 file (which one process at a time may open). The monitor writes
 * a random secret next to the database file, readable by its user only, and accepts
 * {@code POST /local/v1/command} from loopback with that secret: whoever can read the database
 * file may run these commands anyway. The file is removed when the monitor stops.
 */
public final class LocalCommands implements AutoCloseable {
  static final String PATH = "/local/v1/command";
  static final String HEADER = "X-Ctmon-Local-Secret";
  private static final Logger LOG = LoggerFactory.getLogger(LocalCommands.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Store store;
  private final Path secretFile;
  private final byte[] secret;
  private final Runnable afterCommand;

  /** As {@link #LocalCommands(Store, Path, Runnable)}, with nothing to do after a command. */
  public LocalCommands(Store store, Path databaseFile) {
    this(store, databaseFile, () -> {});
  }

  /**
   * Writes the secret file for the H2 database at {@code databaseFile} (the URL's path, without
   * .mv.db); {@code afterCommand} runs after each command (the matcher reloads watch lists).
   */
  public LocalCommands(Store store, Path databaseFile, Runnable afterCommand) {
    this.store = store;
    this.afterCommand = afterCommand;
    this.secretFile = secretFileOf(databaseFile);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String text = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    this.secret = text.getBytes(StandardCharsets.US_ASCII);
    try {
      Files.deleteIfExists(secretFile);
      Files.createFile(secretFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(secretFile, text);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn("cannot write {} ({}): ctmon user/token/watchlist commands need the monitor stopped", secretFile,
          e.toString());
    }
  }

  /** Where the monitor of the H2 database {@code databaseFile} keeps its local secret. */
  static Path secretFileOf(Path databaseFile) {
    return databaseFile.resolveSibling(databaseFile.getFileName() + ".local-secret");
  }

  /** Registers {@code POST /local/v1/command}. */
  public void register(RoutesConfig routes) {
    routes.post(PATH, this::run);
  }

  private void run(Context ctx) throws IOException {
    InetAddress from = InetAddress.getByName(ctx.req().getRemoteAddr());
    String given = ctx.header(HEADER);
    if (!from.isLoopbackAddress() || given == null
        || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.US_ASCII))) {
      ctx.status(403).json(Map.of("error", "local commands are only taken from this machine with the monitor's secret"));
      return;
    }
    JsonNode body = JSON.readTree(ctx.body());
    List<String> args = new ArrayList<>();
    body.path("args").forEach(a -> args.add(a.asText()));
    if (args.isEmpty() || !InMonitorCommands.NAMES.contains(args.get(0))) {
      ctx.status(400).json(Map.of("error", "only user, token, watchlist and backup commands run in the monitor"));
      return;
    }
    Path input = null;
    if (body.hasNonNull("input")) {
      input = Files.createTempFile("ctmon-local-command", ".txt");
      Files.writeString(input, body.get("input").asText());
      int at = args.indexOf("-");
      if (at >= 0) {
        args.set(at, input.toString());
      }
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status;
    try {
      status = CommandStore.inMonitor(store, () -> InMonitorCommands.commandLine().setOut(new PrintWriter(out, true))
          .setErr(new PrintWriter(err, true)).execute(args.toArray(String[]::new)));
    } finally {
      if (input != null) {
        Files.deleteIfExists(input);
      }
    }
    afterCommand.run();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("status", status);
    result.put("out", out.toString());
    result.put("err", err.toString());
    ctx.json(result);
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(secretFile);
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", secretFile, e.toString());
    }
  }
}
