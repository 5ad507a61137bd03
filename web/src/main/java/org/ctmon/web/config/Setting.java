package org.ctmon.web.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration key: its dotted name, default, meaning, and how a text value becomes a typed
 * one. A parse function throws {@link IllegalArgumentException} with a lower-case reason; the loader
 * turns it into an {@link InvalidConfigException} naming the key and the source.
 *
 * @param key dotted name as written in YAML, e.g. {@code logs.pollInterval}
 * @param defaultText the default, as a user would write it (null: no default, the key is optional)
 * @param description one sentence for {@code docs/config.md}
 * @param parse text to value
 */
record Setting<T>(String key, String defaultText, String description, Function<String, T> parse) {
  /** The environment variable that overrides this key: {@code logs.pollInterval} → {@code CTMON_LOGS_POLL_INTERVAL}. */
  String envName() {
    StringBuilder b = new StringBuilder("CTMON_");
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.') {
        b.append('_');
      } else if (Character.isUpperCase(c)) {
        b.append('_').append(c);
      } else {
        b.append(Character.toUpperCase(c));
      }
    }
    return b.toString().toUpperCase(Locale.ROOT);
  }
}
