package org.ctmon.web.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.ctmon.store.StoreConfig;

/**
 * Builds the {@link Config} from defaults, a YAML file and environment variables, in that order of
 * precedence (environment wins). Unknown keys in the file are errors, so a typo never silently
 * falls back to a default; every error names the key, the value and where it came from.
 */
public final class ConfigLoader {
  /** The file read when no {@code --config} is given, if it exists. */
  public static final Path DEFAULT_FILE = Path.of("ctmon.yaml");

  private ConfigLoader() {}

  /**
   * Loads the configuration.
   *
   * @param file the YAML file, or null for none
   * @param env the environment (normally {@code System.getenv()})
   */
  public static Config load(Path file, Map<String, String> env) {
    Map<String, String> fromFile = file == null ? Map.of() : readYaml(file);
    Map<String, Setting<?>> known = new LinkedHashMap<>();
    for (Setting<?> s : Settings.ALL) {
      known.put(s.key(), s);
    }
    for (String key : fromFile.keySet()) {
      if (!known.containsKey(key)) {
        throw new InvalidConfigException("unknown configuration key '" + key + "' in " + file
            + " (known keys: " + String.join(", ", new TreeSet<>(known.keySet())) + ")");
      }
    }
    Values v = new Values(fromFile, env, file);
    return new Config(
        new Config.Http(v.get(Settings.HTTP_BIND), v.get(Settings.HTTP_PORT)),
        new Config.Database(v.get(Settings.DATABASE_URL), v.get(Settings.DATABASE_USER), v.get(Settings.DATABASE_PASSWORD),
            v.get(Settings.DATABASE_POOL_SIZE)),
        new Config.Retention(v.get(Settings.RETENTION_WINDOW), v.get(Settings.RETENTION_KEEP_ALL_DER),
            v.get(Settings.RETENTION_PURGE_BATCH_SIZE), v.get(Settings.RETENTION_TREE_HEADS)),
        new Config.Logs(v.get(Settings.LOGS_LIST), v.get(Settings.LOGS_LIST_SIGNATURE), v.get(Settings.LOGS_STATES), v.get(Settings.LOGS_INCLUDE_TEST_LOGS),
            v.get(Settings.LOGS_INCLUDE), v.get(Settings.LOGS_EXCLUDE), v.get(Settings.LOGS_START_AT),
            v.get(Settings.LOGS_POLL_INTERVAL), v.get(Settings.LOGS_LIST_REFRESH_INTERVAL)),
        new Config.Fetch(v.get(Settings.FETCH_CONTACT), v.get(Settings.FETCH_BATCH_SIZE), v.get(Settings.FETCH_PARALLELISM),
            v.get(Settings.FETCH_REQUESTS_PER_SECOND), v.get(Settings.FETCH_TOTAL_PARALLELISM),
            v.get(Settings.FETCH_MEMORY_BUDGET), v.get(Settings.FETCH_TIMEOUT), v.get(Settings.FETCH_PER_LOG)),
        new Config.Alerts(v.get(Settings.ALERTS_SMTP_HOST), v.get(Settings.ALERTS_SMTP_PORT),
            v.get(Settings.ALERTS_SMTP_SECURITY), v.get(Settings.ALERTS_SMTP_USERNAME),
            v.get(Settings.ALERTS_SMTP_PASSWORD), v.get(Settings.ALERTS_SMTP_FROM),
            v.get(Settings.ALERTS_WEBHOOKS_ALLOW_PRIVATE), v.get(Settings.ALERTS_MAX_AGE),
            v.get(Settings.ALERTS_PUBLIC_URL), v.get(Settings.ALERTS_CAA_ISSUERS),
            v.get(Settings.ALERTS_DELIVERY_LEASE), v.get(Settings.ALERTS_HEARTBEAT_URL),
            v.get(Settings.ALERTS_HEARTBEAT_INTERVAL)),
        cluster(v.get(Settings.CLUSTER_MODE), v.get(Settings.CLUSTER_CHECKIN_INTERVAL),
            v.get(Settings.CLUSTER_MAX_LOGS_PER_NODE), v.get(Settings.DATABASE_URL)));
  }

  private static Config.Cluster cluster(String mode, Duration checkin, int maxLogsPerNode,
      String databaseUrl) {
    if (mode.equals("postgresql") && !databaseUrl.startsWith("jdbc:postgresql:")) {
      throw new InvalidConfigException("invalid configuration: cluster.mode = 'postgresql' needs database.url to be a"
          + " PostgreSQL database (jdbc:postgresql://...), not " + StoreConfig.maskedUrl(databaseUrl));
    }
    if (checkin.compareTo(Duration.ofMillis(500)) < 0) {
      throw new InvalidConfigException("invalid configuration: cluster.checkinInterval = '" + checkin
          + "': at least 500ms");
    }
    return new Config.Cluster(mode, checkin, maxLogsPerNode);
  }

  /** The file to read for {@code --config}: the given one (which must exist), else ./ctmon.yaml if present. */
  public static Path fileFor(Path requested) {
    if (requested != null) {
      return requested;
    }
    return Files.isRegularFile(DEFAULT_FILE) ? DEFAULT_FILE : null;
  }

  private record Values(Map<String, String> file, Map<String, String> env, Path path) {
    <T> T get(Setting<T> s) {
      String text;
      String source;
      String envValue = env.get(s.envName());
      if (envValue != null) {
        text = envValue;
        source = "environment variable " + s.envName();
      } else if (file.containsKey(s.key())) {
        text = file.get(s.key());
        source = path.toString();
      } else {
        text = s.defaultText();
        source = "default";
      }
      try {
        return s.parse().apply(text);
      } catch (IllegalArgumentException e) {
        boolean secret = s.key().endsWith("password");
        throw new InvalidConfigException("invalid configuration: " + s.key() + " = '" + (secret ? "***" : text)
            + "' (from " + source + "): " + e.getMessage());
      }
    }
  }

  private static Map<String, String> readYaml(Path file) {
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new InvalidConfigException("configuration file " + file + " does not exist");
    } catch (IOException e) {
      throw new InvalidConfigException("configuration file " + file + " is not valid YAML: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
    Map<String, String> flat = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return flat;
    }
    if (!root.isObject()) {
      throw new InvalidConfigException("configuration file " + file + " must be a mapping of keys (e.g. `http:\\n  port: 8080`)");
    }
    flatten("", root, flat, file);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out, Path file) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      JsonNode value = e.getValue();
      if (value.isObject()) {
        flatten(key, value, out, file);
      } else if (value.isArray()) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode item : value) {
          if (!item.isValueNode() || item.asText().contains(",")) {
            throw new InvalidConfigException("invalid configuration: " + key + " in " + file
                + ": list items must be plain values without commas");
          }
          if (joined.length() > 0) {
            joined.append(',');
          }
          joined.append(item.asText());
        }
        out.put(key, joined.toString());
      } else if (!value.isNull()) {
        out.put(key, value.asText());
      }
    }
  }
}
