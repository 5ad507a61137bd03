package org.ctmon.fetcher.loglist;

import java.util.Objects;

/** Bytes in hand; copied in and out so the source stays immutable. */
final class BytesSource implements LogListSource {
  private final String name;
  private final byte[] bytes;

  BytesSource(String name, byte[] bytes) {
    this.name = Objects.requireNonNull(name, "name");
    this.bytes = bytes.clone();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte[] read() {
    return bytes.clone();
  }
}
