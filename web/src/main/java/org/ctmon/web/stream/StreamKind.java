package org.ctmon.web.stream;

/** The three certstream feeds, by the path a client connects to. */
enum StreamKind {
  /** {@code certificate_update} without {@code leaf_cert.as_der} and {@code chain}. */
  LITE("/certstream"),
  /** {@code certificate_update} with {@code leaf_cert.as_der} (when known) and {@code chain}. */
  FULL("/certstream/full-stream"),
  /** {@code dns_entries}: the names only. */
  DOMAINS_ONLY("/certstream/domains-only");

  private final String path;

  StreamKind(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }
}
