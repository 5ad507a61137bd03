package org.ctmon.fetcher.loglist;

import java.io.IOException;
import java.io.InputStream;

/** A file bundled in this package's resources ({@code org/ctmon/fetcher/loglist/}). */
record ResourceSource(String resource) implements LogListSource {
  static ResourceSource of(String resource) {
    return new ResourceSource(resource);
  }

  @Override
  public String name() {
    return "bundled " + resource;
  }

  @Override
  public byte[] read() {
    try (InputStream in = ResourceSource.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UnableToReadLogListException(name(),
            "error reading " + name() + ": missing from the classpath", null);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UnableToReadLogListException(name(), "error reading " + name() + ": " + e, e);
    }
  }
}
