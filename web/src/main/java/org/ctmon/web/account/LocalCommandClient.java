package org.ctmon.web.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ctmon.web.config.Config;
import org.ctmon.web.config.ConfigLoader;
import org.ctmon.web.config.InvalidConfigException;

/**
 * The other half of {@link LocalCommands}: a {@code ctmon user|token|watchlist} command started
 * while a monitor on this machine holds the H2 file is run by that monitor. Files named on the
 * command line are read and written here, by the user who typed the command. When no monitor
 * answers (none runs, or a killed one left its secret behind), the command runs as usual.
 */
public final class LocalCommandClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalCommandClient() {}

  /** Runs {@code args} in the running monitor; empty when it should run in this process. */
  public static OptionalInt forward(String[] args, InputStream in, PrintStream out, PrintStream err) {
    if (args.length < 2 || !InMonitorCommands.NAMES.contains(args[0])) {
      return OptionalInt.empty();
    }
    List<String> list = new ArrayList<>(List.of(args));
    for (String a : list) {
      if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
        return OptionalInt.empty();
      }
    }
    Config config;
    try {
      config = ConfigLoader.load(ConfigLoader.fileFor(absoluteConfig(list).orElse(null)), System.getenv());
    } catch (InvalidConfigException | IllegalArgumentException e) {
      return OptionalInt.empty(); // the command itself says what is wrong
    }
    Optional<Path> database = h2File(config.database().url());
    if (database.isEmpty()) {
      return OptionalInt.empty();
    }
    Path secretFile = LocalCommands.secretFileOf(database.get());
    if (!Files.isReadable(secretFile)) {
      return OptionalInt.empty();
    }
    try {
      String secret = Files.readString(secretFile).trim();
      Map<String, Object> body = new LinkedHashMap<>();
      Optional<Path> exportTo = Optional.empty();
      if (list.get(0).equals("watchlist") && list.size() > 1) {
        int file = fileArgument(list);
        if (list.get(1).equals("import")) {
          boolean stdin = file < 0 || list.get(file).equals("-");
          byte[] content = stdin ? in.readAllBytes() : Files.readAllBytes(Path.of(list.get(file)));
          body.put("input", new String(content, StandardCharsets.UTF_8));
          if (file < 0) {
            list.add("-");
          } else {
            list.set(file, "-");
          }
        } else if (list.get(1).equals("export") && file >= 0 && !list.get(file).equals("-")) {
          exportTo = Optional.of(Path.of(list.get(file)));
          list.remove(file);
        }
      }
      if (list.get(0).equals("backup")) {
        absoluteBackupFile(list); // written by the monitor, which may run in another directory
      }
      body.put("args", list);
      String host = config.http().bind().equals("0.0.0.0") ? "127.0.0.1"
          : config.http().bind().equals("::") ? "[::1]" : config.http().bind();
      HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
          HttpRequest.newBuilder(URI.create("http://" + host + ":" + config.http().port() + LocalCommands.PATH))
              .header(LocalCommands.HEADER, secret).header("Content-Type", "application/json")
              .timeout(Duration.ofMinutes(2))
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode answer = JSON.readTree(r.body());
      if (r.statusCode() != 200) {
        err.println("ctmon " + args[0] + ": the running monitor refused the command: "
            + answer.path("error").asText(r.body()));
        return OptionalInt.of(1);
      }
      String text = answer.path("out").asText();
      if (exportTo.isPresent() && answer.path("status").asInt() == 0) {
        Files.writeString(exportTo.get(), text);
      } else {
        out.print(text);
      }
      err.print(answer.path("err").asText());
      out.flush();
      err.flush();
      return OptionalInt.of(answer.path("status").asInt(1));
    } catch (ConnectException | HttpTimeoutException e) {
      return OptionalInt.empty(); // a monitor killed before removing its secret: nobody answers
    } catch (IOException e) {
      err.println("ctmon " + args[0] + ": " + e.getMessage());
      return OptionalInt.of(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.of(1);
    }
  }

  /** The H2 file of a {@code jdbc:h2:file:} URL, absolute; empty for any other database. */
  public static Optional<Path> h2File(String url) {
    if (!url.startsWith("jdbc:h2:file:")) {
      return Optional.empty();
    }
    String path = url.substring("jdbc:h2:file:".length());
    int semicolon = path.indexOf(';');
    if (semicolon >= 0) {
      path = path.substring(0, semicolon);
    }
    if (path.startsWith("~/")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Optional.of(Path.of(path).toAbsolutePath().normalize());
  }

  /** Makes a {@code --config} path absolute (the monitor may run elsewhere); returns it. */
  private static Optional<Path> absoluteConfig(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--config") && i + 1 < args.size()) {
        Path p = Path.of(args.get(i + 1)).toAbsolutePath();
        args.set(i + 1, p.toString());
        return Optional.of(p);
      }
      if (a.startsWith("--config=")) {
        Path p = Path.of(a.substring("--config=".length())).toAbsolutePath();
        args.set(i, "--config=" + p);
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Makes {@code backup FILE}'s FILE absolute. */
  private static void absoluteBackupFile(List<String> args) {
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--config")) {
        i++;
      } else if (!a.startsWith("-")) {
        args.set(i, Path.of(a).toAbsolutePath().toString());
        return;
      }
    }
  }

  /** The index of {@code watchlist import|export EMAIL FILE}'s FILE, or -1. */
  private static int fileArgument(List<String> args) {
    int positional = 0;
    for (int i = 2; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--name") || a.equals("--config") || a.equals("--label")) {
        i++;
      } else if (a.startsWith("--")) {
        continue;
      } else if (++positional == 2) {
        return i;
      }
    }
    return -1;
  }
}
