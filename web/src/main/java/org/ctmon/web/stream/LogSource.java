package org.ctmon.web.stream;

import java.util.Objects;

/**
 * The log a batch came from, as certstream names it in {@code data.source}.
 *
 * @param name the log's description from the log list, e.g. {@code Google 'Argon2026h1' log}
 * @param url the log's URL from the log list (submission URL for static-ct-api logs)
 * @param tiled whether the log speaks static-ct-api: it has no per-entry URL, so
 *     {@code cert_link} is empty, as certstream-server-go does
 */
public record LogSource(String name, String url, boolean tiled) {
  public LogSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(url, "url");
  }

  /** The {@code get-entries} URL of one entry, or {@code ""} for a tiled log. */
  String certLink(long index) {
    if (tiled) {
      return "";
    }
    String base = url.endsWith("/") ? url : url + "/";
    return base + "ct/v1/get-entries?start=" + index + "&end=" + index;
  }
}
