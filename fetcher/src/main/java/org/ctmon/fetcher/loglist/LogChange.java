package org.ctmon.fetcher.loglist;

/** The same log (same id) in two lists, described differently. */
public record LogChange(CtLog before, CtLog after) {
  public LogChange {
    if (!before.logId().equals(after.logId())) {
      throw new IllegalArgumentException("a change needs the same log id, not " + before.logId().base64()
          + " and " + after.logId().base64());
    }
  }

  /** True when the state (status or its timestamp) differs: e.g. usable became read-only. */
  public boolean stateChanged() {
    return !before.state().equals(after.state());
  }

  /** True when the protocol or a URL differs: a follower must be restarted. */
  public boolean protocolChanged() {
    return !before.protocol().equals(after.protocol());
  }
}
