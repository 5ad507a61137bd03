package org.ctmon.fetcher.loglist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file, read whole on every {@link #read()}. */
record FileSource(Path path) implements LogListSource {
  @Override
  public String name() {
    return "file " + path;
  }

  @Override
  public byte[] read() {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new UnableToReadLogListException(name(), "error reading log list from " + name() + ": no such file", e);
    } catch (IOException e) {
      throw new UnableToReadLogListException(name(), "error reading log list from " + name() + ": " + e, e);
    }
  }
}
