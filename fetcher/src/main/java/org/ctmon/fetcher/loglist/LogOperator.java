package org.ctmon.fetcher.loglist;

import java.util.List;

/** A log operator and the logs of it that loaded (RFC 6962 first, then tiled, in list order). */
public record LogOperator(String name, List<String> emails, List<CtLog> logs) {
  public LogOperator {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("an operator needs a name");
    }
    emails = List.copyOf(emails);
    logs = List.copyOf(logs);
    for (CtLog log : logs) {
      if (!log.operator().equals(name)) {
        throw new IllegalArgumentException(
            "log \"" + log.description() + "\" names operator \"" + log.operator() + "\", not \"" + name + "\"");
      }
    }
  }
}
